// The rider's services map: markers per kind round the rider's position. The position comes from
// the browser; the page reloads with ?lon=&lat= so the list below (server-rendered) matches the map.
// Everything the script needs is in data- attributes (CSP: no inline script).
(function () {
  const el = document.getElementById('rider-map');
  if (!el) return;
  const texts = JSON.parse(el.dataset.texts || '{}');
  const where = document.getElementById('rider-where');
  const button = document.getElementById('rider-locate');
  const located = el.dataset.located === 'true';
  const lon = parseFloat(el.dataset.lon);
  const lat = parseFloat(el.dataset.lat);

  function esc(s) { return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }

  // One colour per kind; the list's badges use the same ones (site.css, "riders").
  const COLOURS = { 'battery-swap': '#2e7d32', 'rider-meals': '#ef6c00', 'rider-rest': '#1565c0', 'rider-courses': '#6a1b9a', 'courier-services': '#546e7a' };

  function locate() {
    if (!navigator.geolocation) { if (where) where.textContent = texts.denied; return; }
    if (where) where.textContent = texts.locating;
    navigator.geolocation.getCurrentPosition(pos => {
      const url = new URL(window.location.href);
      url.searchParams.set('lon', pos.coords.longitude.toFixed(6));
      url.searchParams.set('lat', pos.coords.latitude.toFixed(6));
      window.location.assign(url.toString());
    }, () => {
      sessionStorage.setItem('rider-services-denied', '1');
      if (where) where.textContent = texts.denied;
    }, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
  }
  if (button) button.addEventListener('click', locate);
  // Ask once on arrival; a refusal is remembered for the session so the page does not nag.
  if (!located && !sessionStorage.getItem('rider-services-denied')) locate();

  if (typeof L === 'undefined' || !isFinite(lon) || !isFinite(lat)) return;
  const map = L.map(el, { attributionControl: !!el.dataset.tileUrl }).setView([lat, lon], 14);
  if (el.dataset.tileUrl) L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.attribution || '', maxZoom: 19 }).addTo(map);
  L.circle([lat, lon], { radius: parseInt(el.dataset.radius || '3000', 10), color: '#0b5cad', weight: 1, fillOpacity: 0.04, interactive: false }).addTo(map);
  L.circleMarker([lat, lon], { radius: 8, color: '#0b5cad', weight: 3, fillColor: '#fff', fillOpacity: 1 })
    .bindTooltip(located ? texts.you : texts.centre).addTo(map);
  if (!el.dataset.source) return;
  el.dataset.loaded = 'false';
  fetch(el.dataset.source, { headers: { 'Accept-Language': el.dataset.lang || 'zh-CN' }, credentials: 'same-origin' })
    .then(r => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(fc => {
      const layer = L.featureGroup().addTo(map);
      for (const f of fc.features) {
        const p = f.properties;
        const [x, y] = f.geometry.coordinates;
        const book = p.bookUrl ? `<br><a href="${esc(p.bookUrl.replace(/^\//, ''))}">${esc(texts.book)} →</a>` : '';
        L.circleMarker([y, x], { radius: 8, color: COLOURS[p.kind] || '#546e7a', weight: 2, fillOpacity: 0.8 })
          .bindPopup(`<div class="rider-popup"><strong>${esc(p.title)}</strong><br>${esc(p.kindName)} · ${esc(p.providerName)}<br>` +
            `${esc((p.availability || []).join('; '))}${p.conditionNote && !p.bookUrl ? '<br>' + esc(p.conditionNote) : ''}${book}</div>`)
          .addTo(layer);
      }
      el.dataset.count = String(fc.features.length);
      el.dataset.loaded = 'true';
    })
    .catch(() => {
      if (where) where.textContent = texts.failed;
      el.dataset.loaded = 'error';
    });
})();
