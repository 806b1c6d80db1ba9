// The case map: region outlines at the level that suits the zoom, and the cases in view as clustered
// markers coloured by their timer. Configuration and words come in data- attributes (no inline script).
(function () {
  const el = document.getElementById('case-map');
  if (!el || typeof L === 'undefined' || typeof L.markerClusterGroup !== 'function') return;
  const texts = JSON.parse(el.dataset.texts || '{}');
  const summary = document.getElementById('map-summary');
  const form = document.getElementById('map-filter-form');
  const filters = document.getElementById('map-filters');
  const headers = { 'Accept-Language': el.dataset.lang || 'zh-CN' };

  // A phone keeps the screen for the map: the filters start folded above it.
  const narrow = window.matchMedia('(max-width: 700px)');
  if (filters && narrow.matches) filters.open = false;
  // On a wide screen the filters stay open: the title in their summary is no toggle there.
  if (filters) filters.querySelector('summary').addEventListener('click', e => { if (!narrow.matches) e.preventDefault(); });
  // The map fills the window below whatever the top bar takes (it wraps on a phone): map.css reads --map-top.
  const page = el.closest('.case-map-page');
  function fitHeight() { if (page) page.style.setProperty('--map-top', `${Math.max(0, page.getBoundingClientRect().top + window.scrollY)}px`); }
  fitHeight();

  // The clusters need a maximum zoom, which a tile layer would otherwise bring.
  const map = L.map(el, { zoomSnap: 0.5, minZoom: 8, maxZoom: 19, attributionControl: !!el.dataset.tileUrl })
    .setView([30.27, 120.16], 11);
  // No tile server is assumed (cities often run Linli on closed networks): the outlines are the base map.
  if (el.dataset.tileUrl) {
    L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.attribution || '', maxZoom: 19 }).addTo(map);
  }

  function esc(s) { return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }
  function fill(template, values) { return String(template || '').replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m)); }

  // ---- Region outlines ------------------------------------------------------------------------
  // The level drawn follows the zoom; finer levels are fetched per parent, and only for parents in
  // view, so a city-wide view never asks for every grid.
  const LEVELS = ['city', 'district', 'street', 'community', 'grid'];
  // Soft fills that neighbours can tell apart and that leave the timer colours of the markers standing out.
  const PALETTE = ['#cfd8dc', '#d7ccc8', '#c5cae9', '#b2dfdb', '#e1bee7', '#dcedc8', '#ffe0b2', '#b3e5fc'];
  // Thresholds for a Chinese city: a district spans ~10 km, a street ~3 km, a community ~1.5 km, a grid ~0.5 km;
  // each level is drawn from the zoom at which its regions are about 80 pixels wide.
  function levelForZoom(z) { return z < 11 ? 1 : z < 12.5 ? 2 : z < 13.5 ? 3 : 4; }
  // A user whose scope is one district (or street…) always sees the level below it: one outline says nothing.
  function targetLevel() {
    const top = roots.reduce((m, f) => Math.max(m, LEVELS.indexOf(f.properties.level)), 0);
    return Math.min(LEVELS.length - 1, Math.max(levelForZoom(map.getZoom()), top + 1));
  }
  const children = new Map();   // parent code -> Promise of its child features
  const bounds = new Map();     // region code -> L.LatLngBounds
  let roots = [];
  const outlines = L.layerGroup().addTo(map);
  let regionRun = 0;

  // A colour from the code, so a region keeps its tint from one redraw to the next.
  function tint(code) {
    let h = 0;
    for (const ch of String(code)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return PALETTE[h % PALETTE.length];
  }

  function boundsOf(feature) {
    if (!bounds.has(feature.properties.code)) bounds.set(feature.properties.code, L.geoJSON(feature).getBounds());
    return bounds.get(feature.properties.code);
  }

  function childrenOf(code) {
    if (!children.has(code)) {
      children.set(code, fetch(`api/v1/regions/${encodeURIComponent(code)}/geojson?depth=1`, { headers })
        .then(r => (r.ok ? r.json() : { features: [] }))
        .then(fc => fc.features.filter(f => f.properties.code !== code))
        .catch(() => { children.delete(code); return []; }));
    }
    return children.get(code);
  }

  // Walks down from the roots to the target level through the regions in view.
  async function collect(features, target, view, shown) {
    await Promise.all(features.map(async f => {
      const level = LEVELS.indexOf(f.properties.level);
      const b = boundsOf(f);
      if (level < 0 || level >= target || level >= LEVELS.length - 1 || !b.isValid() || !view.intersects(b)) {
        shown.push({ f, parent: false });
        return;
      }
      const kids = await childrenOf(f.properties.code);
      if (kids.length === 0) { shown.push({ f, parent: false }); return; }
      shown.push({ f, parent: true });
      await collect(kids, target, view, shown);
    }));
  }

  async function drawRegions() {
    const run = ++regionRun;
    const shown = [];
    const target = targetLevel();
    await collect(roots, target, map.getBounds().pad(0.25), shown);
    if (run !== regionRun) return;
    outlines.clearLayers();
    // Parents last, as bold unfilled outlines over the finer regions, so the hierarchy stays readable.
    shown.sort((a, b) => (a.parent === b.parent ? 0 : a.parent ? 1 : -1));
    for (const { f, parent } of shown) {
      L.geoJSON(f, {
        interactive: !parent,
        style: parent
          ? { color: '#37474f', weight: 2.5, fill: false }
          : { color: '#546e7a', weight: 1, fillColor: tint(f.properties.code), fillOpacity: 0.35 },
        onEachFeature: (feat, layer) => {
          if (!parent) layer.bindTooltip(`${esc(feat.properties.name)} <small>${esc(feat.properties.code)}</small>`, { sticky: true });
        },
      }).addTo(outlines);
    }
    el.dataset.regionLevel = LEVELS[target];
    el.dataset.zoom = String(map.getZoom());
  }

  async function loadRoots() {
    try {
      const r = await fetch('api/v1/regions', { headers });
      if (!r.ok) return false;
      const list = await r.json();
      const collections = await Promise.all(list.map(item =>
        fetch(`api/v1/regions/${encodeURIComponent(item.code)}/geojson?depth=0`, { headers }).then(x => (x.ok ? x.json() : { features: [] }))));
      roots = collections.flatMap(fc => fc.features);
      const all = L.latLngBounds([]);
      roots.forEach(f => { const b = boundsOf(f); if (b.isValid()) all.extend(b); });
      if (all.isValid()) map.fitBounds(all, { padding: [10, 10] });
      return all.isValid();
    } catch { return false; }
  }

  // ---- Cases ----------------------------------------------------------------------------------
  const SEVERITY = { red: 3, yellow: 2, green: 1, grey: 0 };
  const NAMES = ['grey', 'green', 'yellow', 'red'];
  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    // A cluster takes the colour of its most urgent case, so an overdue case is never hidden by a green crowd.
    iconCreateFunction: cluster => {
      const worst = cluster.getAllChildMarkers().reduce((w, m) => Math.max(w, SEVERITY[m.options.timer] ?? 0), 0);
      const n = cluster.getChildCount();
      return L.divIcon({ html: `<span>${n}</span>`, className: `case-cluster timer-${NAMES[worst]}`, iconSize: L.point(36, 36) });
    },
  }).addTo(map);
  let caseRun = 0;
  let controller = null;

  function popup(p) {
    const stage = (texts.stages || {})[p.stage] || p.stage;
    const timer = (texts.timers || {})[p.timer] || p.timer;
    const when = new Date(p.reportedAt).toLocaleString(el.dataset.lang || 'zh-CN', { dateStyle: 'short', timeStyle: 'short' });
    return `<div class="case-popup"><a href="cases/${encodeURIComponent(p.id)}"><strong>${esc(p.number)}</strong></a>` +
      `<dl><dt>${esc(texts.category)}</dt><dd>${esc(p.categoryName)} <small>${esc(p.category)}</small></dd>` +
      `<dt>${esc(texts.stage)}</dt><dd>${esc(stage)}</dd>` +
      `<dt>${esc(texts.timer)}</dt><dd><span class="case-dot timer-${esc(p.timer)}"></span>${esc(timer)}</dd>` +
      `<dt>${esc(texts.reportedAt)}</dt><dd>${esc(when)}</dd></dl>` +
      `<a href="cases/${encodeURIComponent(p.id)}">${esc(texts.open)} →</a></div>`;
  }

  // Without region outlines (a resident may not read regions) the first fetch takes every case and the map fits them.
  let fitToCases = false;

  function query() {
    const params = new URLSearchParams({ limit: '5000' });
    const data = new FormData(form);
    for (const key of ['category', 'stage']) if (data.get(key)) params.set(key, data.get(key));
    if (fitToCases) return params;
    const b = map.getBounds().pad(0.1);
    const clamp = (v, m) => Math.max(-m, Math.min(m, v)).toFixed(6);
    params.set('bbox', [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(','));
    return params;
  }

  async function drawCases() {
    const run = ++caseRun;
    if (controller) controller.abort();
    controller = new AbortController();
    el.dataset.loaded = 'false';
    try {
      const r = await fetch(`api/v1/cases/geojson?${query()}`, { headers, signal: controller.signal });
      if (!r.ok) throw new Error(String(r.status));
      const fc = await r.json();
      if (run !== caseRun) return;
      const counts = { red: 0, yellow: 0, green: 0, grey: 0 };
      const markers = fc.features.map(f => {
        const p = f.properties;
        counts[p.timer] = (counts[p.timer] || 0) + 1;
        const [lon, lat] = f.geometry.coordinates;
        return L.marker([lat, lon], {
          timer: p.timer,
          title: `${p.number} · ${p.categoryName}`,
          alt: `${p.number} · ${p.categoryName}`,
          keyboard: true,
          icon: L.divIcon({ className: `case-marker timer-${p.timer}`, iconSize: L.point(16, 16) }),
        }).bindPopup(popup(p));
      });
      clusters.clearLayers();
      clusters.addLayers(markers);
      if (fitToCases) {
        fitToCases = false;
        if (markers.length > 0) map.fitBounds(clusters.getBounds(), { padding: [30, 30], maxZoom: 16 });
      }
      const n = markers.length;
      summary.textContent = fill(texts.shown, { n, ...counts }) + (fc.truncated ? ` ${fill(texts.truncated, { n })}` : '');
      el.dataset.caseCount = String(n);
      el.dataset.loaded = 'true';
    } catch (e) {
      if (e.name === 'AbortError' || run !== caseRun) return;
      summary.textContent = texts.failed;
      el.dataset.loaded = 'error';
    }
  }

  // Panning fires many events; one fetch after the map settles is enough.
  let settle = null;
  function refresh() {
    clearTimeout(settle);
    settle = setTimeout(() => { drawRegions(); drawCases(); }, 200);
  }

  form.addEventListener('change', () => { summary.textContent = texts.loading; drawCases(); });
  form.addEventListener('submit', e => { e.preventDefault(); drawCases(); });
  if (filters) filters.addEventListener('toggle', () => map.invalidateSize());
  window.addEventListener('resize', () => { fitHeight(); map.invalidateSize(); });

  loadRoots().then(found => {
    fitToCases = !found;
    map.on('moveend', refresh);
    drawRegions();
    drawCases();
  });
})();
