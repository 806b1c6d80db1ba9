// The other driver's confirmation: number + code → the facts (A's plate, place, time, photos) → B's details → record link.
(function () {
  const form = document.getElementById('acc-confirm-form');
  if (!form) return;
  const en = document.documentElement.lang === 'en';
  const t = (zh, english) => en ? english : zh;
  const $ = id => document.getElementById(id);
  const result = $('acc-c-result');

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function problem(body) {
    const nodes = [element('p', { class: 'error' }, body.detail || body.title || t('失败', 'Failed'))];
    Object.entries(body.errors || {}).forEach(([field, reasons]) => nodes.push(element('p', { class: 'error' }, `${field}: ${reasons.join('; ')}`)));
    return nodes;
  }

  const key = () => ({ number: $('acc-c-number').value.trim(), code: $('acc-c-code').value.trim() });

  $('acc-c-preview').addEventListener('click', async () => {
    const response = await fetch('/api/v1/traffic/accidents/preview', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(key()),
    });
    const body = await response.json();
    if (!response.ok) { result.replaceChildren(...problem(body)); return; }
    result.replaceChildren();
    const facts = $('acc-facts');
    const photos = element('ul', { class: 'acc-photos' });
    body.photos.forEach(p => {
      const li = element('li');
      li.appendChild(element('img', { src: p.thumbnailUrl, alt: p.kind }));
      photos.appendChild(li);
    });
    facts.replaceChildren(
      element('p', {}, t(`对方车辆：${body.otherPlate}（${body.otherPhone}）`, `Other vehicle: ${body.otherPlate} (${body.otherPhone})`)),
      element('p', {}, t(`地点：${body.location.label}`, `Where: ${body.location.label}`)),
      element('p', {}, t(`时间：${new Date(body.reportedAt).toLocaleString()}`, `When: ${new Date(body.reportedAt).toLocaleString()}`)),
      photos);
    facts.hidden = false;
    $('acc-b-step').hidden = false;
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const send = $('acc-c-send');
    send.disabled = true;
    try {
      const response = await fetch('/api/v1/traffic/accidents/confirm', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...key(), phone: $('acc-c-phone').value, plate: $('acc-c-plate').value, name: $('acc-c-name').value, insurer: $('acc-c-insurer').value }),
      });
      const body = await response.json();
      if (!response.ok) { result.replaceChildren(...problem(body)); return; }
      form.hidden = true;
      result.replaceChildren(
        element('h2', { class: 'acc-move' }, t('双方已确认。请立即将车辆移出行车道！', 'Confirmed by both. Move the vehicles off the carriageway now!')),
        element('p', {}, t('您的事故记录（已短信发送），用于保险理赔：', 'Your record for the insurers (also sent by SMS):')),
        element('a', { href: body.recordUrl, id: 'acc-record-link' }, t('打开事故记录', 'Open the record')));
    } catch (e) {
      result.replaceChildren(element('p', { class: 'error' }, t('网络异常，请重试。', 'Network problem: try again.')));
    } finally {
      send.disabled = false;
    }
  });
})();
