// The coverage chart: share met and median waiting time per community (or grid). The figures are
// on the page already (the table); this draws them from the data-rows attribute.
(function () {
  const el = document.getElementById('coverage-chart');
  if (!el || typeof echarts === 'undefined') return;
  const t = el.dataset;
  const rows = JSON.parse(t.rows || '[]');
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.on('finished', () => { el.dataset.loaded = 'true'; });
  if (rows.length === 0) {
    chart.setOption({ title: { text: t.tNodata, left: 'center', top: 'middle', textStyle: { fontWeight: 'normal' } } });
  } else {
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t.tShare, t.tMedian] },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map(r => r.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 35 : 0 } },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', min: 0, name: t.tMedian, splitLine: { show: false } }
      ],
      series: [
        { name: t.tShare, type: 'bar', barMaxWidth: 36, itemStyle: { color: '#2e7d32' }, data: rows.map(r => r.share) },
        { name: t.tMedian, type: 'bar', barMaxWidth: 36, yAxisIndex: 1, itemStyle: { color: '#ef6c00' }, data: rows.map(r => r.median) }
      ]
    });
  }
  window.addEventListener('resize', () => chart.resize());
})();
