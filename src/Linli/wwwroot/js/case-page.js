// The case page: sends the chosen action to the API (guarded by the case's ETag) and shows the map around the case.
(function () {
  const root = document.querySelector('.case-layout');
  if (!root) return;
  const en = document.documentElement.lang === 'en';

  function problemText(problem, status) {
    const fields = problem.errors ? Object.entries(problem.errors).map(([k, v]) => `${k}: ${[].concat(v).join(', ')}`) : [];
    return [problem.detail || problem.title || `HTTP ${status}`, ...fields].join(' · ');
  }

  root.querySelectorAll('form.action-form').forEach(form => {
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const error = form.querySelector('.form-error');
      error.textContent = '';
      const missing = [...form.querySelectorAll('[required]')].find(f => !f.value.trim());
      if (missing) {
        error.textContent = en ? 'Please fill in the required field.' : '请填写必填项。';
        missing.focus();
        return;
      }
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const response = await fetch(`/api/v1/cases/${root.dataset.case}/actions/${form.dataset.action}`, {
          method: 'POST',
          headers: { 'If-Match': root.dataset.etag },
          body: new FormData(form),
          credentials: 'same-origin'
        });
        if (response.ok) { window.location.reload(); return; }
        const problem = await response.json().catch(() => ({}));
        error.textContent = response.status === 412
          ? (en ? 'Someone else changed this case just now; the page will reload.' : '案件刚被他人更新，页面即将刷新。')
          : problemText(problem, response.status);
        if (response.status === 412) setTimeout(() => window.location.reload(), 1500);
      } catch {
        error.textContent = en ? 'No connection; try again.' : '网络不通，请重试。';
      }
      button.disabled = false;
    });
  });

  const el = document.getElementById('case-page-map');
  if (!el || typeof L === 'undefined') return;
  const point = [Number(el.dataset.lat), Number(el.dataset.lon)];
  const map = L.map(el, { attributionControl: false }).setView(point, 17);
  L.circleMarker(point, { radius: 9, color: '#c62828', weight: 3, fillOpacity: 0.6 }).addTo(map);
  // The grid's outline, when this user may read regions (unit staff may not: the marker is enough).
  fetch(`/api/v1/regions/${encodeURIComponent(el.dataset.grid)}/geojson?depth=1`)
    .then(r => r.ok ? r.json() : null)
    .then(fc => {
      if (fc) {
        const layer = L.geoJSON(fc, { style: f => f.properties.code === el.dataset.grid ? { color: '#37474f', weight: 2, fill: false } : { color: '#90a4ae', weight: 1, fillOpacity: 0.1 } }).addTo(map);
        const bounds = layer.getBounds();
        if (bounds.isValid()) map.fitBounds(bounds.extend(point), { padding: [10, 10], maxZoom: 18 });
      }
      el.dataset.loaded = 'true';
    })
    .catch(() => { el.dataset.loaded = 'true'; });
})();
