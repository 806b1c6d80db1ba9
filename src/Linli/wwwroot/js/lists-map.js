// The map of the demand or resource list: the points of the list's own filter, drawn when the
// reader opens the map. The source URL, words and tiles come in data- attributes (no inline script).
(function () {
  const el = document.getElementById('lists-map');
  const toggle = document.getElementById('lists-map-toggle');
  if (!el || !toggle || typeof L === 'undefined') return;
  const texts = JSON.parse(el.dataset.texts || '{}');
  const summary = document.getElementById('lists-map-summary');
  const kind = el.dataset.kind;
  const headers = { 'Accept-Language': el.dataset.lang || 'zh-CN' };
  let map = null;

  function esc(s) { return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }
  function fill(template, values) { return String(template || '').replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m)); }
  function name(group, code) { return ((texts[group] || {})[code]) || code; }

  // Needs by urgency, offers by status: the colours say what to look at first.
  const DEMAND = { urgent: '#b71c1c', high: '#ef6c00', normal: '#f9a825', low: '#607d8b' };
  const RESOURCE = { active: '#2e7d32', paused: '#9e9e9e', withdrawn: '#616161' };

  function popup(p) {
    const link = `lists/${kind}/${encodeURIComponent(p.id)}`;
    if (kind === 'demands') {
      return `<div class="lists-popup"><strong>${esc(name('categories', p.category))}</strong><br>` +
        `${esc(name('urgencies', p.urgency))} · ${esc(name('statuses', p.status))} · ×${esc(p.quantity)}<br>` +
        `<a href="${link}">${esc(texts.open)} →</a></div>`;
    }
    return `<div class="lists-popup"><strong>${esc(p.title)}</strong><br>${esc(p.providerName)} · ${esc(name('kinds', p.providerKind))}<br>` +
      `${esc(name('categories', p.category))} · ${esc(p.capacityPerWeek)} ${esc(texts.perWeek)} · ${esc(name('statuses', p.status))}<br>` +
      `<a href="${link}">${esc(texts.open)} →</a></div>`;
  }

  async function draw() {
    map = L.map(el, { attributionControl: !!el.dataset.tileUrl }).setView([30.27, 120.16], 12);
    if (el.dataset.tileUrl) L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.attribution || '', maxZoom: 19 }).addTo(map);
    el.dataset.loaded = 'false';
    try {
      const r = await fetch(el.dataset.source, { headers, credentials: 'same-origin' });
      if (!r.ok) throw new Error(String(r.status));
      const fc = await r.json();
      const layer = L.featureGroup().addTo(map);
      for (const f of fc.features) {
        const p = f.properties;
        const [lon, lat] = f.geometry.coordinates;
        const colour = kind === 'demands' ? (DEMAND[p.urgency] || '#607d8b') : (RESOURCE[p.status] || '#2e7d32');
        if (kind === 'resources' && p.radiusMeters) {
          L.circle([lat, lon], { radius: p.radiusMeters, color: colour, weight: 1, fillOpacity: 0.08, interactive: false }).addTo(layer);
        }
        L.circleMarker([lat, lon], { radius: 7, color: colour, weight: 2, fillOpacity: 0.7 }).bindPopup(popup(p)).addTo(layer);
      }
      const bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 });
      const n = fc.features.length;
      summary.textContent = fill(texts.shown, { n }) + (fc.truncated ? ` ${fill(texts.truncated, { n })}` : '');
      el.dataset.count = String(n);
      el.dataset.loaded = 'true';
    } catch {
      summary.textContent = texts.failed;
      el.dataset.loaded = 'error';
    }
  }

  // Drawn on first opening: a folded map costs nothing.
  toggle.addEventListener('toggle', () => {
    if (!toggle.open) return;
    if (!map) draw(); else map.invalidateSize();
  });
})();
