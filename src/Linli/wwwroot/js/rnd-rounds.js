// The dispatcher's map of a day's rounds: one coloured line per inspector from the depot through
// the numbered stops. The rounds come in the map's data-rounds attribute (no inline script).
(function () {
  const el = document.getElementById('rnd-map');
  if (!el || typeof L === 'undefined') return;
  const rounds = JSON.parse(el.dataset.rounds || '[]');
  const map = L.map(el, { attributionControl: !!el.dataset.tileUrl }).setView([30.275, 120.165], 12);
  if (el.dataset.tileUrl) L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.attribution || '', maxZoom: 19 }).addTo(map);
  function esc(s) { return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }
  const layer = L.featureGroup().addTo(map);
  let stops = 0;
  for (const r of rounds) {
    if (!r.stops.length) continue;
    const line = [[r.start[1], r.start[0]]].concat(r.stops.map(s => [s.lat, s.lon]));
    L.polyline(line, { color: r.colour, weight: 3, opacity: 0.85 }).bindTooltip(`${esc(r.inspector)} · ${r.km} km`).addTo(layer);
    for (const s of r.stops) {
      const icon = L.divIcon({
        className: 'rnd-stop' + (s.done ? ' rnd-stop-done' : ''),
        html: `<span style="background:${r.colour}">${s.order}</span>`,
        iconSize: [22, 22], iconAnchor: [11, 11],
      });
      L.marker([s.lat, s.lon], { icon, title: `${r.inspector} #${s.order} ${s.name}` })
        .bindPopup(`<strong>${esc(r.inspector)} #${s.order}</strong><br>${esc(s.name)}<br>${esc(s.address)}`).addTo(layer);
      stops++;
    }
  }
  if (rounds.length) {
    const depot = rounds[0].start;
    L.circleMarker([depot[1], depot[0]], { radius: 8, color: '#333', weight: 3, fillOpacity: 0.9 }).bindTooltip('depot').addTo(layer);
  }
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 });
  el.dataset.stops = String(stops);
  el.dataset.loaded = 'true';
})();
