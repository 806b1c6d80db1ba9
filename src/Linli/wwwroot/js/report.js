// The report page: category suggestions while the reporter types, the phone's location on request,
// and the report sent as a multipart form to POST /api/v1/cases (one Idempotency-Key per report, so
// a retry after a dropped connection is the same report).
(function () {
  const form = document.getElementById('report-form');
  const description = document.getElementById('description');
  const category = document.getElementById('category');
  const suggestions = document.getElementById('suggestions');
  const result = document.getElementById('report-result');
  let timer = null;
  let key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) node.textContent = text; // text, never HTML
    return node;
  }

  async function suggest() {
    const text = description.value.trim();
    if (text.length < 2) { suggestions.replaceChildren(); return; }
    const response = await fetch('/api/v1/cases/suggest', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }),
    });
    if (!response.ok) return;
    const list = await response.json();
    const chips = list.map(s => {
      const chip = element('button', { type: 'button', class: 'chip', 'data-code': s.code },
        `${s.name} ${Math.round(s.confidence * 100)}%`);
      chip.setAttribute('aria-pressed', String(category.value === s.code));
      chip.addEventListener('click', () => {
        category.value = s.code;
        suggestions.querySelectorAll('.chip').forEach(c => c.setAttribute('aria-pressed', String(c === chip)));
      });
      return chip;
    });
    suggestions.replaceChildren(element('span', { class: 'hint' }, '可能是 Likely:'), ...chips);
  }

  description.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 300);
  });

  document.getElementById('use-location').addEventListener('click', () => {
    if (!navigator.geolocation) { result.textContent = '此设备不能定位 This device cannot tell its location.'; return; }
    navigator.geolocation.getCurrentPosition(p => {
      document.getElementById('lon').value = p.coords.longitude.toFixed(6);
      document.getElementById('lat').value = p.coords.latitude.toFixed(6);
    }, () => { result.textContent = '定位失败，请手动填写 Could not get the location; please enter it.'; });
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const send = document.getElementById('send');
    send.disabled = true;
    result.replaceChildren(element('p', {}, '正在提交… Sending…'));
    try {
      const response = await fetch('/api/v1/cases', { method: 'POST', headers: { 'Idempotency-Key': key }, body: new FormData(form) });
      const body = await response.json();
      if (response.ok) {
        const followUrl = body.followUrl || '';
        const lines = body.duplicateOf
          ? [`附近已有人上报同一问题，您的上报已并入案件 ${body.duplicateOf.number}，将一起收到进展。`,
             `Someone nearby already reported this; your report joined case ${body.duplicateOf.number}.`]
          : [`已受理，案件编号 ${body.number}。`, `Received: case ${body.number}.`];
        const nodes = lines.map(l => element('p', {}, l));
        if (followUrl) {
          nodes.push(element('p', {}, '保存此链接以跟进处理 Keep this link to follow it: '));
          nodes.push(element('a', { href: followUrl, id: 'follow-link' }, location.origin + followUrl));
        }
        result.replaceChildren(...nodes);
        form.reset();
        suggestions.replaceChildren();
        key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
      } else {
        const problems = Object.entries(body.errors || {}).map(([field, reasons]) => element('li', {}, `${field}: ${reasons.join('; ')}`));
        result.replaceChildren(element('p', { class: 'error' }, body.detail || body.title || '提交失败 Not sent'), element('ul', {}, undefined));
        result.querySelector('ul').replaceChildren(...problems);
      }
    } catch (e) {
      result.replaceChildren(element('p', { class: 'error' }, '网络异常，请重试（不会重复上报） Network problem: try again, it will not be sent twice.'));
    } finally {
      send.disabled = false;
    }
  });
})();
