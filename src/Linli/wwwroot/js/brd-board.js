// The route board (issue #11, prefix brd-): one horizontal strip per carriageway, stakes growing to
// the right (up above down), ticks every 10 km, open incidents as markers coloured by their state
// against the targets, crews as small markers between the strips. The first picture comes in a
// data- attribute (CSP: only the app's own scripts); the live part is fetched again every 15 s.
(function () {
  const host = document.getElementById('brd-board');
  const NS = 'http://www.w3.org/2000/svg';
  const W = 1200, PAD = 70, STRIP = 26, BAND = 30;
  const colours = { met: '#2e7d32', running: '#e0a100', missed: '#c62828' };

  function el(name, attrs, text) {
    const e = document.createElementNS(NS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  function html(name, attrs, text) {
    const e = document.createElement(name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  function shortNo(number) { const p = String(number).split('-'); return p[p.length - 1]; }

  function drawRoute(route, t) {
    const stakes = [];
    route.carriageways.forEach(c => { stakes.push(c.firstStakeMeters, c.lastStakeMeters); });
    route.crews.forEach(c => stakes.push(c.stakeMeters));
    let min = Math.min.apply(null, stakes), max = Math.max.apply(null, stakes);
    if (!(max > min)) { max = min + 1000; }
    const x = s => PAD + (s - min) / (max - min) * (W - 2 * PAD);
    const rows = route.carriageways.length;
    const H = 24 + rows * (STRIP + 40) + (rows > 1 ? BAND : 0) + 20;
    const svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'brd-svg', 'data-route': route.code, preserveAspectRatio: 'xMinYMin meet' });
    // Ticks every 10 km (a label every 20 km when the route is long, so they do not collide).
    const step = 10000, labelEvery = (max - min) / step > 30 ? 2 : 1;
    for (let s = Math.ceil(min / step) * step, n = 0; s <= max; s += step, n++) {
      svg.appendChild(el('line', { x1: x(s), x2: x(s), y1: 14, y2: H - 6, class: 'brd-tick' }));
      if (n % labelEvery === 0) svg.appendChild(el('text', { x: x(s), y: 11, class: 'brd-tick-label' }, 'K' + Math.round(s / 1000)));
    }
    let y = 24;
    const bandY = 24 + Math.min(1, rows) * (STRIP + 40) - 6;
    route.carriageways.forEach((c, index) => {
      if (index === 1) y += BAND;
      const up = c.direction === 'up';
      const g = el('g', { class: 'brd-carriageway', 'data-direction': c.direction });
      const x1 = x(Math.min(c.firstStakeMeters, c.lastStakeMeters)), x2 = x(Math.max(c.firstStakeMeters, c.lastStakeMeters));
      g.appendChild(el('rect', { x: x1, y: y + 10, width: Math.max(2, x2 - x1), height: STRIP, rx: 4, class: 'brd-strip' }));
      g.appendChild(el('text', { x: 4, y: y + 10 + STRIP / 2 + 5, class: 'brd-dir' }, (up ? t.tUp + ' →' : '← ' + t.tDown)));
      g.appendChild(el('text', { x: x1, y: y + 10 + STRIP + 14, class: 'brd-end' }, up ? c.firstStake : c.lastStake));
      g.appendChild(el('text', { x: x2, y: y + 10 + STRIP + 14, class: 'brd-end brd-end--right' }, up ? c.lastStake : c.firstStake));
      c.incidents.forEach((i, k) => {
        const cx = x(i.stakeMeters), cy = y + 10 + STRIP / 2;
        const a = el('a', { href: '/traffic/incidents/' + i.id, class: 'brd-incident brd-incident--' + i.state, 'data-id': i.id });
        a.appendChild(el('title', {}, i.number + ' ' + i.stake + ' · ' + (t['tStatus' + cap(i.status)] || i.status) + ' · ' + i.elapsedMinutes + ' ' + t.tMin));
        a.appendChild(el('circle', { cx: cx, cy: cy, r: 11, fill: colours[i.state] || '#555' }));
        a.appendChild(el('text', { x: cx, y: cy + 4, class: 'brd-incident-min' }, String(i.elapsedMinutes)));
        // Labels alternate above and below the strip so neighbours stay readable.
        a.appendChild(el('text', { x: cx, y: k % 2 === 0 ? y + 6 : y + 10 + STRIP + 28, class: 'brd-incident-no' }, shortNo(i.number)));
        g.appendChild(a);
      });
      svg.appendChild(g);
      y += STRIP + 40;
    });
    // Crews in the band between the carriageways (below the only one when a route has one).
    const crewY = rows > 1 ? bandY + BAND / 2 + 4 : y + 4;
    route.crews.forEach(c => {
      const cx = x(c.stakeMeters);
      const g = el('g', { class: 'brd-crew ' + (c.free ? 'brd-crew--free' : 'brd-crew--busy'), 'data-id': c.id });
      g.appendChild(el('title', {}, c.name + ' · ' + (t['tKind' + cap(c.kind)] || c.kind) + ' · ' + c.stake + ' · ' + (c.free ? t.tFree : t.tBusy + ' ' + (c.incidentNumber || ''))));
      g.appendChild(el('rect', { x: cx - 6, y: crewY - 6, width: 12, height: 12, rx: 2, transform: 'rotate(45 ' + cx + ' ' + crewY + ')' }));
      svg.appendChild(g);
    });
    return svg;
  }

  function cap(s) { return String(s).split('-').map(p => p.charAt(0).toUpperCase() + p.slice(1)).join(''); }

  function render(board) {
    const t = host.dataset;
    const strips = document.getElementById('brd-strips');
    strips.replaceChildren();
    if (board.routes.length === 0) strips.appendChild(html('p', { class: 'brd-empty' }, t.tNone));
    board.routes.forEach(route => {
      const figure = html('figure', { class: 'brd-route', id: 'brd-route-' + route.code.replace(/[^A-Za-z0-9]/g, '_') });
      figure.appendChild(html('figcaption', {}, route.code + ' ' + route.name + ' · ' + route.operator + ' · ' + route.crews.length + ' ' + t.tCrews));
      figure.appendChild(drawRoute(route, t));
      strips.appendChild(figure);
    });
    const rows = document.getElementById('brd-rows');
    if (rows) {
      const open = [];
      board.routes.forEach(r => r.carriageways.forEach(c => c.incidents.forEach(i => open.push({ r: r, c: c, i: i }))));
      open.sort((a, b) => (b.i.state === 'missed') - (a.i.state === 'missed') || a.i.reportedAtMs - b.i.reportedAtMs);
      rows.replaceChildren();
      open.forEach(o => {
        const i = o.i;
        const tr = html('tr', { class: 'brd-row brd-row--' + i.state, 'data-id': i.id });
        const th = html('th', { scope: 'row' });
        th.appendChild(html('a', { href: '/traffic/incidents/' + i.id }, i.number));
        tr.appendChild(th);
        const targets = i.targets.map(x => (t['tMs' + cap(x.milestone)] || x.milestone) + (x.setBy === '1315' ? '(1315)' : '') + ' ' + x.minutes + '′ ' + (t['tState' + cap(x.state)] || x.state)
          + (x.minutesLeft != null ? ' (' + x.minutesLeft + ')' : '')).join(' · ');
        [o.r.code + ' ' + (o.c.direction === 'up' ? t.tUp : t.tDown), i.stake, t['tStatus' + cap(i.status)] || i.status, i.categoryCode,
          String(i.lanesBlocked), i.elapsedMinutes + ' ' + t.tMin, targets].forEach(v => tr.appendChild(html('td', {}, v)));
        rows.appendChild(tr);
      });
      if (open.length === 0) {
        const tr = html('tr', {});
        tr.appendChild(html('td', { colspan: '8' }, t.tNoincidents));
        rows.appendChild(tr);
      }
    }
    const set = (id, v) => { const e = document.getElementById(id); if (e) e.textContent = v; };
    set('brd-open', String(board.openIncidents));
    set('brd-missed', String(board.missed));
    const missed = document.getElementById('brd-missed');
    if (missed) missed.classList.toggle('brd-alert', board.missed > 0);
    const d = new Date(board.asOfMs + 8 * 3600000);
    set('brd-asof', d.toISOString().substring(11, 19));
    host.classList.remove('brd-stale');
    host.dataset.loaded = 'true';
  }

  function refresh() {
    fetch(host.dataset.api, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(r => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(render)
      .catch(() => { host.classList.add('brd-stale'); host.title = host.dataset.tStale; });
  }

  if (host) {
    try { render(JSON.parse(host.dataset.board || '{"routes":[]}')); } catch (e) { host.classList.add('brd-stale'); }
    setInterval(() => { if (!document.hidden) refresh(); }, 15000);
  }

  // The indicators chart: clearance median per route (bars) and the share within 20 min (lines, right axis).
  const chartEl = document.getElementById('brd-chart');
  if (chartEl && typeof echarts !== 'undefined') {
    const t = chartEl.dataset;
    let rows = [], months = [];
    try { rows = JSON.parse(t.rows || '[]'); months = JSON.parse(t.months || '[]'); } catch (e) { rows = []; }
    const chart = echarts.init(chartEl, null, { renderer: 'canvas' });
    if (rows.length === 0) {
      chart.setOption({ title: { text: t.tNodata, left: 'center', top: 'middle', textStyle: { fontSize: 14, fontWeight: 'normal' } } });
      chartEl.dataset.loaded = 'true';
    } else {
      const routes = Array.from(new Set(rows.map(r => r.route)));
      const value = (route, month, key) => { const r = rows.find(x => x.route === route && x.month === month); return r && r[key] != null ? r[key] : null; };
      const series = [];
      routes.forEach(route => {
        series.push({ name: route + ' ' + t.tMedian, type: 'bar', data: months.map(m => value(route, m, 'median')) });
        series.push({ name: route + ' ' + t.tShare, type: 'line', yAxisIndex: 1, connectNulls: true,
          data: months.map(m => { const v = value(route, m, 'share'); return v == null ? null : Math.round(v * 1000) / 10; }) });
      });
      chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 48, right: 56, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: months },
        yAxis: [{ type: 'value' }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
        series: series
      });
      chart.on('finished', () => { chartEl.dataset.loaded = 'true'; });
      window.addEventListener('resize', () => chart.resize());
    }
  }
})();
