// Draws a region and its children from the GeoJSON export; a click on the map asks /api/v1/locate.
(function () {
  const el = document.getElementById('region-map');
  if (!el || typeof L === 'undefined') return;
  const code = el.dataset.code;
  // No tile server is assumed (cities often run Linli on closed networks): outlines only.
  const map = L.map(el, { zoomSnap: 0.25, attributionControl: false }).setView([30.27, 120.16], 9);
  const palette = ['#e57373', '#64b5f6', '#81c784', '#ffb74d', '#ba68c8', '#4db6ac', '#f06292', '#aed581', '#7986cb', '#ffd54f'];
  const result = document.getElementById('locate-result');

  function esc(s) { return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }

  if (code) {
    fetch(`api/v1/regions/${encodeURIComponent(code)}/geojson?depth=1`)
      .then(r => r.ok ? r.json() : Promise.reject(r.status))
      .then(fc => {
        let i = 0;
        const layer = L.geoJSON(fc, {
          style: f => f.properties.code === code
            ? { color: '#c62828', weight: 3, fill: false }
            : { color: '#37474f', weight: 1, fillColor: palette[(i++) % palette.length], fillOpacity: 0.45 },
          pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 4 }),
          onEachFeature: (f, l) => {
            if (f.properties.code === code) return;
            l.bindTooltip(`${esc(f.properties.name)}<br><small>${esc(f.properties.code)}</small>`, { sticky: true });
            l.on('dblclick', () => { window.location.href = `regions/${encodeURIComponent(f.properties.code)}`; });
          }
        }).addTo(map);
        const bounds = layer.getBounds();
        if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
        el.dataset.loaded = 'true';
      })
      .catch(() => { el.dataset.loaded = 'error'; });
  }

  map.on('click', e => {
    const lon = e.latlng.lng.toFixed(6), lat = e.latlng.lat.toFixed(6);
    fetch(`api/v1/locate?lon=${lon}&lat=${lat}`)
      .then(r => r.json().then(body => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        if (!ok) { result.textContent = `(${lon}, ${lat}) 不在任何网格内 — not in any grid`; return; }
        const parts = [body.district, body.street, body.community, body.grid, body.building].filter(Boolean)
          .map(r => `<a href="regions/${encodeURIComponent(r.code)}">${esc(r.name)}</a>`);
        result.innerHTML = `(${lon}, ${lat})${body.approximate ? ' ≈' : ''}<br>${parts.join(' › ')}`;
        L.popup().setLatLng(e.latlng).setContent(parts.join('<br>')).openOn(map);
      });
  });
})();
