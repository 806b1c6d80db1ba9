// Draws a region and its children from the GeoJSON export; a click on the map asks /api/v1/locate.
// The page's children list and the map point at each other: hovering or focusing one lights up the other.
(function () {
  const el = document.getElementById('region-map');
  if (!el || typeof L === 'undefined') return;
  const code = el.dataset.code;
  const outside = el.dataset.outside || 'not in any grid';
  // No tile server is assumed (cities often run Linli on closed networks): outlines only.
  const map = L.map(el, { zoomSnap: 0.25, attributionControl: false }).setView([30.27, 120.16], 9);
  const palette = ['#e57373', '#64b5f6', '#81c784', '#ffb74d', '#ba68c8', '#4db6ac', '#f06292', '#aed581', '#7986cb', '#ffd54f'];
  const result = document.getElementById('locate-result');
  const layers = new Map();
  const items = new Map();
  document.querySelectorAll('.rb-children li[data-code]').forEach(li => items.set(li.dataset.code, li));

  function esc(s) { return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }

  function highlight(childCode, on) {
    const layer = layers.get(childCode);
    if (layer && layer.setStyle) layer.setStyle(on ? { weight: 3, color: '#c62828', fillOpacity: 0.7 } : { weight: 1, color: '#37474f', fillOpacity: 0.45 });
    const li = items.get(childCode);
    if (li) li.classList.toggle('rb-hover', on);
  }

  if (code) {
    fetch(`api/v1/regions/${encodeURIComponent(code)}/geojson?depth=1`)
      .then(r => r.ok ? r.json() : Promise.reject(r.status))
      .then(fc => {
        let i = 0;
        const layer = L.geoJSON(fc, {
          style: f => f.properties.code === code
            ? { color: '#c62828', weight: 3, fill: false }
            : { color: '#37474f', weight: 1, fillColor: palette[(i++) % palette.length], fillOpacity: 0.45 },
          pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 5 }),
          onEachFeature: (f, l) => {
            const c = f.properties.code;
            if (c === code) return;
            layers.set(c, l);
            l.bindTooltip(`${esc(f.properties.name)}<br><small>${esc(c)}</small>`, { sticky: true });
            l.on('mouseover', () => highlight(c, true));
            l.on('mouseout', () => highlight(c, false));
            // A single click locates (below); a double click goes down to the child.
            l.on('dblclick', e => { L.DomEvent.stop(e); window.location.href = `regions/${encodeURIComponent(c)}`; });
          }
        }).addTo(map);
        const bounds = layer.getBounds();
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
        items.forEach((li, c) => {
          li.addEventListener('mouseenter', () => highlight(c, true));
          li.addEventListener('mouseleave', () => highlight(c, false));
          li.addEventListener('focusin', () => highlight(c, true));
          li.addEventListener('focusout', () => highlight(c, false));
        });
        el.dataset.loaded = 'true';
      })
      .catch(() => { el.dataset.loaded = 'error'; });
  }

  map.doubleClickZoom.disable();
  map.on('click', e => {
    const lon = e.latlng.lng.toFixed(6), lat = e.latlng.lat.toFixed(6);
    fetch(`api/v1/locate?lon=${lon}&lat=${lat}`)
      .then(r => r.json().then(body => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        if (!ok) { result.textContent = `(${lon}, ${lat}) ${outside}`; return; }
        const parts = [body.district, body.street, body.community, body.grid, body.building].filter(Boolean)
          .map(r => `<a href="regions/${encodeURIComponent(r.code)}">${esc(r.name)}</a>`);
        result.innerHTML = `(${lon}, ${lat})${body.approximate ? ' ≈' : ''}<br>${parts.join(' › ')}`;
        L.popup().setLatLng(e.latlng).setContent(parts.join('<br>')).openOn(map);
      });
  });
})();
