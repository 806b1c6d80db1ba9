// Draws the inspections overview's chart: plan completion (line, right axis) and hazards found
// (stacked bars) per district. The figures come in data- attributes; the table below has them too.
(function () {
  const el = document.getElementById('ind-chart');
  if (!el || typeof echarts === 'undefined') return;
  const t = el.dataset;
  let rows = [];
  try { rows = JSON.parse(t.rows || '[]'); } catch (e) { rows = []; }
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  if (rows.length === 0) {
    chart.setOption({ title: { text: t.tNodata, left: 'center', top: 'middle', textStyle: { fontSize: 14, fontWeight: 'normal' } } });
    el.dataset.loaded = 'true';
    return;
  }
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: rows.map(r => r.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
    ],
    series: [
      { name: t.tGeneral, type: 'bar', stack: 'hazards', data: rows.map(r => r.general), itemStyle: { color: '#f0b429' } },
      { name: t.tMajor, type: 'bar', stack: 'hazards', data: rows.map(r => r.major), itemStyle: { color: '#d64545' } },
      {
        name: t.tCompletion, type: 'line', yAxisIndex: 1, itemStyle: { color: '#2680c2' },
        data: rows.map(r => r.completion == null ? null : Math.round(r.completion * 1000) / 10)
      }
    ]
  });
  chart.on('finished', () => { el.dataset.loaded = 'true'; });
  window.addEventListener('resize', () => chart.resize());
})();
