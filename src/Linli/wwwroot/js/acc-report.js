// 快处快撤 on the driver's phone: the qualifying check (any "no" sends it to the police at once), the place from GPS
// (route + stake, correctable by hand), the three photos and party A; then the code for the other driver, large,
// with a QR of the confirm link and a button for a fresh code.
(function () {
  const form = document.getElementById('acc-form');
  if (!form) return;
  const result = document.getElementById('acc-result');
  const en = document.documentElement.lang === 'en';
  const t = (zh, english) => en ? english : zh;
  const pick = both => { const p = String(both).split(' · '); return p.length === 2 ? (en ? p[1] : p[0]) : both; };
  const $ = id => document.getElementById(id);
  let located = false;

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) node.textContent = text; // text, never HTML
    return node;
  }

  function problem(body, fallback) {
    const nodes = [element('p', { class: 'error' }, body.detail || body.title || fallback)];
    Object.entries(body.errors || {}).forEach(([field, reasons]) => nodes.push(element('p', { class: 'error' }, `${field}: ${reasons.join('; ')}`)));
    return nodes;
  }

  function answers() {
    const value = name => { const c = form.querySelector(`input[name="${name}"]:checked`); return c ? c.value === 'true' : null; };
    return {
      noInjuries: value('noInjuries'), vehiclesMovable: value('vehiclesMovable'), propertyOnly: value('propertyOnly'),
      noRoadPropertyDamage: value('noRoadPropertyDamage'), estimatedLoss: $('acc-loss').value ? Number($('acc-loss').value) : null,
    };
  }

  function advice(list) {
    const ul = element('ul', { class: 'acc-advice' });
    (list || []).forEach(a => ul.appendChild(element('li', {}, pick(a))));
    return ul;
  }

  function position() {
    return new Promise((resolve, reject) => {
      if (!navigator.geolocation) { reject(new Error('no geolocation')); return; }
      navigator.geolocation.getCurrentPosition(resolve, reject, { enableHighAccuracy: true, timeout: 15000 });
    });
  }

  async function locate(body) {
    const response = await fetch('/api/v1/traffic/accidents/locate', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) { $('acc-where').replaceChildren(...problem(answer, t('定位失败', 'Could not place it'))); located = false; return; }
    located = true;
    $('acc-lon').value = answer.lon; $('acc-lat').value = answer.lat;
    $('acc-route').value = answer.routeCode; $('acc-direction').value = answer.direction; $('acc-stake').value = answer.stake;
    $('acc-where').replaceChildren(element('strong', { id: 'acc-where-label' }, answer.label));
    $('acc-step-photos').hidden = false;
    $('acc-step-party').hidden = false;
  }

  async function fromPhone() {
    try {
      const p = await position();
      $('acc-heading').value = p.coords.heading != null && !isNaN(p.coords.heading) ? p.coords.heading : '';
      // A typed stake wins on the server; clear it so the GPS point is used.
      $('acc-stake').value = '';
      await locate({ lon: p.coords.longitude, lat: p.coords.latitude, heading: $('acc-heading').value ? Number($('acc-heading').value) : null });
    } catch (e) {
      $('acc-where').textContent = t('无法获取定位，请手动填写路线和桩号。', 'No position from the phone: type the route and stake.');
      $('acc-correct').open = true;
    }
  }

  async function toPolice(reason) {
    result.replaceChildren(element('p', { class: 'acc-alarm' }, t('正在报警…', 'Calling the police…')));
    const data = new FormData(form);
    ['front', 'rear', 'contact'].forEach(k => data.delete(k));
    if (reason === 'asked') data.set('police', 'true');
    if (!$('acc-lon').value && !$('acc-stake').value) {
      try {
        const p = await position();
        data.set('lon', p.coords.longitude); data.set('lat', p.coords.latitude);
      } catch (e) { /* the server names the missing location */ }
    }
    const response = await fetch('/api/v1/traffic/accidents', { method: 'POST', body: data });
    const body = await response.json();
    const nodes = [element('h2', { class: 'acc-alarm' }, t('不适用快处快撤，已转交警处理', 'Not for quick handling: passed to the traffic police'))];
    if (response.ok) {
      nodes.push(element('p', {}, t(`报警编号 ${body.number}，交警和救援正在调度。`, `Report ${body.number}: police and rescue are being dispatched.`)));
      nodes.push(element('a', { href: body.recordUrl }, t('查看记录', 'See the record')));
    } else {
      nodes.push(...problem(body, t('报警未成功，请立即拨打 122。', 'Not sent: call 122 now.')));
      $('acc-step-location').hidden = false;
    }
    nodes.push(advice(body.advice || [
      '人员撤离到护栏外 · Everyone behind the guardrail', '在来车方向 150 米外放置三角警告标志 · Warning triangle 150 m behind',
      '拨打 122（交警）；有人受伤拨打 120 · Call 122 (police); 120 if anyone is hurt']));
    result.replaceChildren(...nodes);
  }

  $('acc-check').addEventListener('click', async () => {
    const a = answers();
    if ([a.noInjuries, a.vehiclesMovable, a.propertyOnly, a.noRoadPropertyDamage].some(v => v === null)) {
      result.replaceChildren(element('p', { class: 'error' }, t('请回答全部四个问题。', 'Answer all four questions.')));
      return;
    }
    const response = await fetch('/api/v1/traffic/accidents/check', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(a),
    });
    const body = await response.json();
    if (!response.ok) { result.replaceChildren(...problem(body, t('检查失败', 'Check failed'))); return; }
    if (!body.qualifies) {
      result.replaceChildren(element('p', { class: 'acc-alarm' },
        t('不符合快处快撤：', 'Does not qualify: ') + body.failing.map(f => en ? f.en : f.zh).join(t('；', '; '))));
      await toPolice('answers');
      return;
    }
    result.replaceChildren();
    $('acc-step-location').hidden = false;
    if (!located) await fromPhone();
  });

  $('acc-police').addEventListener('click', () => toPolice('asked'));
  $('acc-locate').addEventListener('click', fromPhone);
  $('acc-stake-check').addEventListener('click', () =>
    locate({ route: $('acc-route').value, direction: $('acc-direction').value, stake: $('acc-stake').value }));

  function showCode(box, body, token, id) {
    const expires = new Date(body.codeExpiresAt || body.expiresAt);
    const confirmUrl = body.confirmUrl;
    const number = body.number || box.dataset.number;
    box.dataset.number = number;
    box.replaceChildren(
      element('p', {}, t('请让对方用自己的手机扫码或打开 /accident/confirm，输入：', 'Let the other driver scan this or open /accident/confirm and enter:')),
      element('p', { class: 'acc-number' }, number),
      element('p', { class: 'acc-code', id: 'acc-code' }, body.confirmCode || body.code),
      element('p', { class: 'acc-expiry' }, t(`有效至 ${expires.toLocaleTimeString()}`, `Valid until ${expires.toLocaleTimeString()}`)),
      element('img', { class: 'acc-qr', src: `/api/v1/traffic/accidents/confirm-qr.svg?number=${encodeURIComponent(number)}`, alt: confirmUrl || '' }));
    const again = element('button', { type: 'button', id: 'acc-new-code' }, t('重新生成确认码', 'New code'));
    again.addEventListener('click', async () => {
      const response = await fetch(`/api/v1/traffic/accidents/${id}/code`, { method: 'POST', headers: { 'X-Accident-Token': token } });
      const fresh = await response.json();
      if (response.ok) showCode(box, fresh, token, id); else box.appendChild(element('p', { class: 'error' }, fresh.detail || fresh.title));
    });
    box.appendChild(again);
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!located) { result.replaceChildren(element('p', { class: 'error' }, t('请先确定事故位置。', 'Place the accident first.'))); return; }
    const send = $('acc-send');
    send.disabled = true;
    result.replaceChildren(element('p', {}, t('正在提交…', 'Sending…')));
    try {
      const response = await fetch('/api/v1/traffic/accidents', { method: 'POST', body: new FormData(form) });
      const body = await response.json();
      if (!response.ok) { result.replaceChildren(...problem(body, t('提交失败', 'Not sent'))); return; }
      if (body.status === 'routed-to-police') { form.hidden = true; result.replaceChildren(advice(body.advice)); return; }
      form.hidden = true;
      const box = element('div', { class: 'acc-code-box' });
      showCode(box, body, body.token, body.id);
      result.replaceChildren(
        element('h2', { class: 'acc-move' }, t('请立即将车辆移出行车道！', 'Move the vehicles off the carriageway now!')),
        box, advice(body.advice),
        element('p', {}, t('您的事故记录（已短信发送）：', 'Your record (also sent by SMS):')),
        element('a', { href: body.recordUrl, id: 'acc-record-link' }, t('打开事故记录', 'Open the record')));
    } catch (e) {
      result.replaceChildren(element('p', { class: 'error' }, t('网络异常，请重试。', 'Network problem: try again.')));
    } finally {
      send.disabled = false;
    }
  });
})();
