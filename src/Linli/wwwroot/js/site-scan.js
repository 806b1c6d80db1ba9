// The site-code page: sends the check-in once when the page opens from the poster (not again on a
// reload within a minute), and draws the compound's buildings once the rider is let in.
(function () {
  const form = document.getElementById('scan-form');
  if (form && form.dataset.auto === 'true') {
    const key = 'linli-scan:' + location.pathname;
    const last = Number(sessionStorage.getItem(key) || 0);
    if (Date.now() - last > 60000) {
      sessionStorage.setItem(key, String(Date.now()));
      form.requestSubmit();
    }
  }

  const el = document.getElementById('site-map');
  if (!el || typeof L === 'undefined') return;
  const summary = document.getElementById('site-map-summary');
  const map = L.map(el, { attributionControl: !!el.dataset.tileUrl }).setView([30.27, 120.16], 16);
  if (el.dataset.tileUrl) L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.attribution || '', maxZoom: 20 }).addTo(map);
  fetch(el.dataset.source, { credentials: 'same-origin' })
    .then(r => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(fc => {
      const layer = L.geoJSON(fc, {
        style: f => f.properties.level === 'building'
          ? { color: '#1565c0', weight: 1, fillOpacity: 0.35 }
          : { color: '#2e7d32', weight: 2, fillOpacity: 0.05, dashArray: '4 4' },
        pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 8, color: '#c62828', fillOpacity: 0.9 }),
        onEachFeature: (f, l) => {
          if (f.properties.level === 'building' || f.properties.level === 'site') {
            l.bindTooltip(f.properties.name, { permanent: f.properties.level === 'building', direction: 'center', className: 'building-label' });
          }
        },
      }).addTo(map);
      const bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 19 });
      const buildings = fc.features.filter(f => f.properties.level === 'building').length;
      summary.textContent = buildings + (document.documentElement.lang === 'en' ? ' buildings' : ' 栋楼');
      el.dataset.loaded = 'true';
    })
    .catch(() => { summary.textContent = el.dataset.failed; el.dataset.loaded = 'error'; });
})();
