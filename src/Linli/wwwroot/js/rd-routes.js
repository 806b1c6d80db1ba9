// The road network map: each carriageway as a line coloured by route, and the looked-up point.
// Data come in data-routes / data-marker (no inline script, CSP script-src 'self').
(function () {
  const el = document.getElementById('rd-map');
  for (const s of document.querySelectorAll('.rd-swatch[data-colour]')) s.style.background = s.dataset.colour;
  const here = document.getElementById('rd-here');
  if (here && navigator.geolocation) {
    here.hidden = false;
    here.addEventListener('click', () => navigator.geolocation.getCurrentPosition(p => {
      document.getElementById('rd-lon').value = p.coords.longitude.toFixed(6);
      document.getElementById('rd-lat').value = p.coords.latitude.toFixed(6);
      const heading = document.querySelector('#rd-where-form input[name=heading]');
      if (heading && p.coords.heading != null && !isNaN(p.coords.heading)) heading.value = Math.round(p.coords.heading);
    }));
  }
  if (!el || typeof L === 'undefined') return;
  const routes = JSON.parse(el.dataset.routes || '[]');
  const map = L.map(el, { attributionControl: !!el.dataset.tileUrl }).setView([30.262, 120.165], 10);
  if (el.dataset.tileUrl) L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.attribution || '', maxZoom: 19 }).addTo(map);
  function esc(s) { return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }
  const layer = L.featureGroup().addTo(map);
  for (const r of routes) {
    L.polyline(r.line, { color: r.colour, weight: 4, opacity: 0.8 })
      .bindPopup(`<strong>${esc(r.code)} ${esc(r.name)}</strong><br>${esc(r.direction)} ${esc(r.from)} → ${esc(r.to)}`).addTo(layer);
  }
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
  if (el.dataset.marker) {
    const m = JSON.parse(el.dataset.marker);
    L.circleMarker([m.lat, m.lon], { radius: 9, color: '#000', weight: 3, fillColor: '#ffd600', fillOpacity: 0.9 })
      .bindPopup(esc(m.label)).addTo(map).openPopup();
    map.setView([m.lat, m.lon], 14);
  }
  el.dataset.loaded = 'true';
})();
