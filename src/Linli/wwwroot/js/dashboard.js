// Draws the dashboard's charts from GET /api/v1/dashboard; the key numbers are already on the page
// as text (rendered by the server), so this only adds pictures and, on the big screen, refreshes.
(function () {
  const root = document.getElementById('dashboard');
  if (!root || typeof echarts === 'undefined') return;
  const t = root.dataset;
  const english = t.lang === 'en';
  const big = t.big === 'true';
  // Dark with large type on the big screen (?screen=big) and while the dashboard is in full screen.
  let dark, ink, faint, font, axis, legend;
  function setTheme(isDark) {
    dark = isDark;
    ink = dark ? '#e6edf3' : '#1f2933';
    faint = dark ? '#30363d' : '#e4e7eb';
    font = dark ? 18 : 12;
    axis = { axisLabel: { color: ink, fontSize: font }, axisLine: { lineStyle: { color: ink } }, splitLine: { lineStyle: { color: faint } } };
    legend = { textStyle: { color: ink, fontSize: font }, top: 0 };
    root.classList.toggle('dash--big', dark);
  }
  setTheme(big);
  let last = null;
  const charts = {};
  const registered = new Set();
  // The first drawing animates; the big screen's minute-by-minute refreshes just change the figures.
  let animate = true;

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function percent(rate) { return rate == null ? '—' : (rate * 100).toFixed(1) + '%'; }

  const drawn = {};

  function draw(id, option) {
    drawn[id] = finished(id);
    chart(id).setOption({ animation: animate, ...option }, true);
  }

  function note(text) {
    return { text, left: 'center', top: 'middle', textStyle: { color: ink, fontSize: font + 2, fontWeight: 'normal' } };
  }

  function empty(id) { draw(id, { title: note(t.tNodata) }); }

  // Resolves once a chart has finished drawing (animations included), so data-loaded means "look now";
  // listened for before each setOption, since a quick chart may finish before the slowest is drawn.
  function finished(id) {
    return new Promise(resolve => {
      const c = chart(id);
      const done = () => { c.off('finished', done); resolve(); };
      c.on('finished', done);
      setTimeout(done, 4000);
    });
  }

  function drawSubRegions(d) {
    const items = d.subRegions.items;
    if (items.length === 0) { empty('chart-subregions'); return; }
    const noneClosed = items.every(r => r.onTimeClosingRate == null && r.reworkRate == null);
    draw('chart-subregions', {
      title: noneClosed ? { ...note(t.tNoclosed), top: '45%' } : { show: false },
      textStyle: { fontSize: font },
      tooltip: { trigger: 'axis', valueFormatter: v => v == null ? '—' : v + '%' },
      legend: { ...legend, data: [t.tOntime, t.tRework] },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: items.map(r => r.name), ...axis, axisLabel: { ...axis.axisLabel, interval: 0, rotate: items.length > 6 ? 35 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, ...axis, axisLabel: { ...axis.axisLabel, formatter: '{value}%' } },
      series: [
        { name: t.tOntime, type: 'bar', barMaxWidth: 40, itemStyle: { color: '#2e7d32' }, data: items.map(r => r.onTimeClosingRate == null ? null : +(r.onTimeClosingRate * 100).toFixed(1)) },
        { name: t.tRework, type: 'bar', barMaxWidth: 40, itemStyle: { color: '#ef6c00' }, data: items.map(r => r.reworkRate == null ? null : +(r.reworkRate * 100).toFixed(1)) }
      ]
    });
  }

  function drawTrend(d) {
    draw('chart-trend', {
      tooltip: { trigger: 'axis' },
      legend: { ...legend, data: [t.tReported, t.tClosed] },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: d.trend.map(p => p.day.slice(5)), ...axis },
      yAxis: { type: 'value', minInterval: 1, ...axis },
      series: [
        { name: t.tReported, type: 'line', symbolSize: 5, itemStyle: { color: '#c62828' }, areaStyle: { opacity: 0.12 }, data: d.trend.map(p => p.reported) },
        { name: t.tClosed, type: 'line', symbolSize: 5, itemStyle: { color: '#1565c0' }, data: d.trend.map(p => p.closed) }
      ]
    });
  }

  function drawCategories(d) {
    const top = d.topCategories.slice().reverse();
    if (top.length === 0) { empty('chart-categories'); return; }
    draw('chart-categories', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, bottom: 8, top: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, ...axis },
      yAxis: { type: 'category', data: top.map(c => english ? c.nameEn : c.nameZh), ...axis, axisLabel: { ...axis.axisLabel, width: 130, overflow: 'truncate' } },
      series: [{ name: t.tReports, type: 'bar', barMaxWidth: 28, itemStyle: { color: '#6a1b9a' }, label: { show: true, position: 'right', color: ink, fontSize: font }, data: top.map(c => c.reports) }]
    });
  }

  // The outlines change rarely: fetched once per region and depth, then reused on every refresh.
  function outlines(d) {
    const key = `linli-${d.region.code}-${d.heatMap.depth}`;
    if (registered.has(key)) return Promise.resolve(key);
    return fetch(`api/v1/regions/${encodeURIComponent(d.region.code)}/geojson?depth=${d.heatMap.depth}`, { credentials: 'same-origin' })
      .then(r => r.ok ? r.json() : Promise.reject(new Error(String(r.status))))
      .then(fc => {
        const features = fc.features.filter(f => f.properties.level === d.heatMap.level && f.geometry);
        echarts.registerMap(key, { type: 'FeatureCollection', features });
        registered.add(key);
        return key;
      });
  }

  function drawHeat(d) {
    const cells = d.heatMap.cells;
    const names = Object.fromEntries(cells.map(c => [c.code, c.name]));
    return outlines(d).then(key => {
      draw('chart-heat', {
        tooltip: { trigger: 'item', formatter: p => `${names[p.name] || p.name}<br>${t.tReports}: ${isNaN(p.value) ? 0 : p.value}` },
        visualMap: {
          min: 0, max: Math.max(1, d.heatMap.max), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
          itemHeight: dark ? 240 : 120, textStyle: { color: ink, fontSize: font },
          // On the dark wall screen the scale runs from the background up to a bright red, never from white.
          inRange: { color: dark ? ['#22303c', '#6d2c2c', '#b71c1c', '#ff5252', '#ffcdd2'] : ['#fff5f0', '#fcbba1', '#fb6a4a', '#cb181d', '#67000d'] }
        },
        series: [{
          type: 'map', map: key, nameProperty: 'code', roam: true, top: 8, bottom: 48, selectedMode: false,
          // Names only when they fit; hundreds of grids would be a blur of text.
          label: { show: cells.length <= 30, color: '#111', fontSize: font - 2, formatter: p => names[p.name] || '' },
          emphasis: { label: { show: true, formatter: p => names[p.name] || '' }, itemStyle: { areaColor: '#ffd54f' } },
          itemStyle: { borderColor: dark ? '#8b949e' : '#607d8b', borderWidth: 0.6, areaColor: dark ? '#22303c' : '#eceff1' },
          data: cells.map(c => ({ name: c.code, value: c.reports }))
        }]
      });
    }).catch(() => { draw('chart-heat', { title: note(t.tNomap) }); });
  }

  function updateText(d) {
    document.getElementById('kpi-open').textContent = d.open;
    document.getElementById('kpi-overdue').textContent = d.overdue;
    document.getElementById('kpi-overdue').parentElement.classList.toggle('kpi--alert', d.overdue > 0);
    document.getElementById('kpi-ontime').textContent = percent(d.onTimeClosingRate);
    document.getElementById('kpi-rework').textContent = percent(d.reworkRate);
    const asOf = document.getElementById('dash-asof');
    if (asOf) asOf.textContent = d.asOf.slice(11, 16);
  }

  function load() {
    return fetch(`api/v1/dashboard?region=${encodeURIComponent(t.region)}&days=${encodeURIComponent(t.days)}`, { credentials: 'same-origin' })
      .then(r => r.ok ? r.json() : Promise.reject(new Error(String(r.status))))
      .then(d => { last = d; return render(d); })
      .then(() => { root.dataset.loaded = 'true'; animate = false; })
      .catch(() => { root.dataset.loaded = 'error'; });
  }

  function render(d) {
    updateText(d);
    drawSubRegions(d);
    drawTrend(d);
    drawCategories(d);
    return drawHeat(d).then(() => Promise.all(Object.values(drawn)));
  }

  load();
  // A wall screen runs unattended: fresh figures every minute without a reload, in either dark mode.
  setInterval(() => { if (dark) load(); }, 60000);

  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  document.addEventListener('fullscreenchange', () => {
    setTheme(big || document.fullscreenElement === root);
    // Wait for the new layout before measuring, then redraw in the new colours.
    setTimeout(() => {
      Object.values(charts).forEach(c => c.resize());
      if (last) render(last);
    }, 150);
  });

  const full = document.getElementById('dash-fullscreen');
  if (full) {
    if (!document.fullscreenEnabled) full.hidden = true;
    full.addEventListener('click', () => {
      if (document.fullscreenElement) document.exitFullscreen();
      else root.requestFullscreen().catch(() => { /* refused by the browser: the page stays as it is */ });
    });
  }

  // The picker works as a plain form; with scripts it goes as soon as a choice is made.
  ['dash-region', 'dash-days'].forEach(id => {
    const select = document.getElementById(id);
    if (select) select.addEventListener('change', () => select.form.submit());
  });
})();
