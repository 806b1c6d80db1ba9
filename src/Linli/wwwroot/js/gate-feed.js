// The gate page's live feed: joins the site's group on the gate hub and puts each passage on top
// as a card (photo, masked name, platform, team, pass number, complaint phone) the moment it is checked.
(function () {
  const root = document.getElementById('gate');
  const feed = document.getElementById('gate-feed');
  if (!root || !feed || typeof signalR === 'undefined') return;
  const state = document.getElementById('gate-live');
  const texts = JSON.parse(feed.dataset.texts || '{}');
  const site = root.dataset.site;

  function esc(s) { return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }
  function time(iso) {
    const d = new Date(iso);
    return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function card(p) {
    const li = document.createElement('li');
    li.className = 'gate-card fresh ' + (p.allowed ? 'ok' : 'refused');
    li.dataset.passage = p.passageId;
    const verdict = p.allowed ? texts.allowed : `${texts.refused}：${p.reasonText || p.reason}`;
    const complain = p.passNumber ? ` <a href="${esc(feed.dataset.complaintUrl + encodeURIComponent(p.passNumber))}">${esc(texts.complain)}</a>` : '';
    li.innerHTML =
      (p.photoUrl ? `<img src="${esc(p.photoUrl)}" alt="${esc(texts.photo)}" width="72" height="96">` : '') +
      `<div><p class="gate-verdict">${esc(verdict)}</p>` +
      `<p class="gate-who"><strong>${esc(p.maskedName || texts.unknown)}</strong> ${esc(p.platformName || '')} ${esc(p.team || '')}</p>` +
      `<p class="muted">${esc(time(p.at))} · ${esc(texts[p.method] || p.method)}${p.passNumber ? ` · <code>${esc(p.passNumber)}</code>` : ''}</p>` +
      `<p class="muted">${esc(texts.complaints)} ${esc(p.complaintPhone)}${complain}</p></div>`;
    return li;
  }

  function show(p) {
    if (feed.querySelector(`[data-passage="${CSS.escape(p.passageId)}"]`)) return;
    document.getElementById('gate-empty')?.remove();
    feed.prepend(card(p));
    while (feed.children.length > 50) feed.lastElementChild.remove();
    root.dataset.received = String(Number(root.dataset.received || 0) + 1);
  }

  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/gate').withAutomaticReconnect().build();
  connection.on('passage', show);
  async function watch() {
    const ok = await connection.invoke('Watch', site);
    root.dataset.connected = ok ? 'true' : 'refused';
    state.textContent = ok ? texts.live : texts.offline;
  }
  connection.onreconnected(watch);
  connection.onreconnecting(() => { root.dataset.connected = 'false'; state.textContent = texts.offline; });
  connection.start().then(watch).catch(() => { state.textContent = texts.offline; });
  // The scanner (pass-gate.js) shows its own result; it also lands here through the hub when checked online.
  window.LinliGateFeed = { show };
})();
