// Keeps the inbox current: when the hub says a case moved, the lists are fetched again and swapped in
// (at most once a second, however many cases move), without losing the reader's place.
(function () {
  const root = document.getElementById('inbox');
  if (!root || typeof signalR === 'undefined') return;
  const state = document.getElementById('inbox-live');
  const en = document.documentElement.lang === 'en';
  let timer = null;

  async function refresh() {
    timer = null;
    const response = await fetch(window.location.href, { credentials: 'same-origin' });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('inbox-sections');
    if (fresh) {
      document.getElementById('inbox-sections').replaceWith(fresh);
      root.dataset.refreshed = String(Number(root.dataset.refreshed || 0) + 1);
    }
  }

  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/cases').withAutomaticReconnect().build();
  connection.on('caseChanged', change => {
    state.textContent = (en ? 'Updated: ' : '有更新：') + change.number;
    if (!timer) timer = setTimeout(refresh, 1000);
  });
  connection.onreconnected(() => refresh());
  connection.start()
    .then(() => { root.dataset.connected = 'true'; state.textContent = en ? '● live' : '● 实时'; })
    .catch(() => { state.textContent = en ? 'not live: reload to update' : '未连接实时更新，请手动刷新'; });
})();
