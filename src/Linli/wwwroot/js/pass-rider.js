// The rider's rotating pass (小哥码): signed tokens for the coming hours are fetched while online and
// kept in localStorage; every second the current 30-second window's token is drawn as a QR code, so
// the code keeps changing in a lift or a basement. Fetches again when under 10 minutes remain.
(function () {
  'use strict';
  const root = document.getElementById('rider-pass');
  if (!root || typeof qrcode !== 'function') return;
  const en = document.documentElement.lang === 'en';
  const T = (zh, english) => (en ? english : zh);
  const STORE = 'linli.pass.tokens';
  const REFETCH_BELOW_SECONDS = 600;
  const $ = id => document.getElementById(id);
  const status = $('pass-status'), error = $('pass-error'), card = $('pass-card'), canvas = $('pass-qr');
  let data = load();
  let shown = null;
  let fetching = false;
  let lastAttempt = 0;

  function load() {
    try {
      const stored = JSON.parse(localStorage.getItem(STORE) || 'null');
      return stored && Array.isArray(stored.tokens) ? stored : null;
    } catch {
      return null;
    }
  }

  function save(value) {
    try {
      if (value) localStorage.setItem(STORE, JSON.stringify(value));
      else localStorage.removeItem(STORE);
    } catch {
      // Private mode or a full store: the page still works while it stays open.
    }
  }

  const now = () => Math.floor(Date.now() / 1000);

  function remaining() {
    if (!data || data.tokens.length === 0) return 0;
    return data.tokens[data.tokens.length - 1].notAfter - now();
  }

  function current() {
    if (!data) return null;
    const t = now();
    return data.tokens.find(s => s.notBefore <= t && t < s.notAfter) || null;
  }

  function showError(text) {
    error.textContent = text;
    error.hidden = !text;
  }

  async function refresh() {
    if (fetching || !navigator.onLine) return;
    fetching = true;
    lastAttempt = Date.now();
    try {
      const response = await fetch(root.dataset.tokensUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.ok) {
        data = await response.json();
        save(data);
        showError('');
      } else if (response.status === 409) {
        // No approved courier record or no valid pass: old tokens would be refused anyway.
        const problem = await response.json().catch(() => ({}));
        data = null;
        save(null);
        showError(problem.detail || problem.title || T('您没有有效的通行码。', 'You hold no valid pass.'));
      } else if (response.status === 401 || response.status === 403) {
        showError(T('请先以骑手账号登录。', 'Sign in with your courier account first.'));
      }
    } catch {
      // Offline: keep showing the saved tokens.
    } finally {
      fetching = false;
      render();
    }
  }

  function draw(text) {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const count = qr.getModuleCount();
    const margin = 4;
    const cell = Math.floor(canvas.width / (count + margin * 2));
    const offset = Math.floor((canvas.width - cell * count) / 2);
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#000';
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (qr.isDark(row, col)) context.fillRect(offset + col * cell, offset + row * cell, cell, cell);
      }
    }
    canvas.dataset.token = text; // lets a test read what the code says
  }

  function render() {
    const slot = current();
    if (!slot) {
      card.hidden = true;
      shown = null;
      status.textContent = data
        ? T('已保存的通行码已用完，请连接网络刷新。', 'The saved codes have run out: connect to the network to refresh.')
        : (error.hidden ? T('正在加载通行码…', 'Loading your pass…') : '');
      return;
    }
    card.hidden = false;
    status.textContent = '';
    if (shown !== slot.token) {
      draw(slot.token);
      shown = slot.token;
      $('pass-number').textContent = data.passNumber;
      $('pass-name').textContent = data.maskedName;
      $('pass-platform').textContent = data.platformName || data.platform;
      $('pass-team').textContent = data.team || '';
    }
    const left = slot.notAfter - now();
    $('pass-countdown').textContent = T(`${left} 秒后更新`, `Changes in ${left} s`);
    const minutes = Math.max(0, Math.floor(remaining() / 60));
    $('pass-offline').textContent = navigator.onLine
      ? T(`已保存 ${minutes} 分钟的通行码`, `${minutes} minutes of codes saved`)
      : T(`离线模式：使用已保存的通行码（剩余 ${minutes} 分钟）`, `Offline: showing saved codes (${minutes} minutes left)`);
  }

  function tick() {
    render();
    if (remaining() < REFETCH_BELOW_SECONDS && Date.now() - lastAttempt > 30000) refresh();
  }

  window.addEventListener('online', () => refresh());
  render();
  refresh();
  setInterval(tick, 1000);
})();
