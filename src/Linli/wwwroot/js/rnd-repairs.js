// The repair desk's map: crews (squares; green when free) and open tickets (circles; red while
// waiting for a crew). The points come in the map's data-points attribute (no inline script).
(function () {
  const el = document.getElementById('rnd-repairs-map');
  if (!el || typeof L === 'undefined') return;
  const data = JSON.parse(el.dataset.points || '{"crews":[],"tickets":[]}');
  const map = L.map(el, { attributionControl: !!el.dataset.tileUrl }).setView([30.275, 120.165], 12);
  if (el.dataset.tileUrl) L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.attribution || '', maxZoom: 19 }).addTo(map);
  function esc(s) { return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }
  const layer = L.featureGroup().addTo(map);
  for (const c of data.crews) {
    const icon = L.divIcon({ className: 'rnd-crew' + (c.free ? ' rnd-crew-free' : ''), html: '<span>修</span>', iconSize: [24, 24], iconAnchor: [12, 12] });
    L.marker([c.lat, c.lon], { icon, title: c.name }).bindPopup(`<strong>${esc(c.name)}</strong><br>${esc(c.state)}`).addTo(layer);
  }
  for (const t of data.tickets) {
    L.circleMarker([t.lat, t.lon], { radius: 9, color: t.waiting ? '#b71c1c' : (t.late ? '#ef6c00' : '#1565c0'), weight: 3, fillOpacity: 0.6 })
      .bindPopup(`<a href="repairs/${encodeURIComponent(t.id)}"><strong>${esc(t.number)}</strong></a><br>${esc(t.description)}<br>${esc(t.state)}`).addTo(layer);
  }
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 });
  el.dataset.loaded = 'true';
})();
