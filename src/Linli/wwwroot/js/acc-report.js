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

  // A proxy's 429/502 page is not JSON: never let that become an unhandled error.
  async function json(response) {
    try { return await response.json(); } catch (e) { return {}; }
  }

  // The field's own label on the page ("手机号: is not a mainland mobile number"), not the form field's name.
  function fieldName(field) {
    const input = form.querySelector(`[name="${field}"]`);
    const label = input && input.id ? form.querySelector(`label[for="${input.id}"]`) : null;
    return label ? label.textContent.trim() : field;
  }

  function problem(body, fallback) {
    const nodes = [element('p', { class: 'error' }, body.errors ? t('请检查以下内容：', 'Please check:') : body.detail || body.title || fallback)];
    Object.entries(body.errors || {}).forEach(([field, reasons]) => nodes.push(element('p', { class: 'error' }, `${fieldName(field)}: ${reasons.join('; ')}`)));
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
    let response, answer;
    try {
      response = await fetch('/api/v1/traffic/accidents/locate', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
      answer = await json(response);
    } catch (e) {
      response = { ok: false }; answer = {};
    }
    if (!response.ok) {
      located = false;
      const errors = answer.errors || {};
      // Off the network: say so in the page's language and open the typed stake, the driver can read it off the roadside marker.
      const nodes = errors.location && !errors.route && !errors.stake && !errors.direction
        ? [element('p', { class: 'error', id: 'acc-where-error' }, body.stake
          ? t('这个桩号不在高速公路网上，请核对路线编号、方向和桩号。', 'That stake is not on the expressway network: check the route, direction and stake.')
          : t('此位置不在高速公路上。快处快撤只适用于高速公路，其他道路请拨打 122；如在高速上，请手动填写路线和桩号。',
            'This position is not on an expressway. Quick handling is for expressways (elsewhere call 122); if you are on one, type the route and stake.'))]
        : problem(answer, t('定位失败，请手动填写路线和桩号。', 'Could not place it: type the route and stake.'));
      $('acc-where').replaceChildren(...nodes);
      $('acc-correct').open = true;
      return;
    }
    located = true;
    $('acc-lon').value = answer.lon; $('acc-lat').value = answer.lat;
    $('acc-route').value = answer.routeCode; $('acc-direction').value = answer.direction; $('acc-stake').value = answer.stake;
    $('acc-where').replaceChildren(element('strong', { id: 'acc-where-label' }, answer.label));
    $('acc-correct').open = false;
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

  // The police outcome, shown in place of the form: what was sent, why, and what to do now.
  function policeView(body, why) {
    form.hidden = true;
    result.dataset.status = 'routed-to-police';
    result.dataset.number = body.number;
    const reasons = why || (body.failing || []).map(f => en ? f.en : f.zh).join(t('；', '; '));
    result.replaceChildren(
      element('h2', { class: 'acc-alarm' }, t('不适用快处快撤，已转交警处理', 'Not for quick handling: passed to the traffic police')),
      ...(reasons ? [element('p', { class: 'acc-alarm' }, t('原因：', 'Because: ') + reasons)] : []),
      element('p', { class: 'acc-number' }, t(`报警编号 ${body.number}`, `Report ${body.number}`)),
      element('p', {}, t('交警和救援正在调度，请保持电话畅通。', 'Police and rescue are being dispatched: keep your phone on.')),
      advice(body.advice),
      element('a', { href: body.recordUrl, id: 'acc-record-link', class: 'acc-button' }, t('查看记录', 'See the record')));
    done();
  }

  // The form is gone: the "I am the other driver" link would only distract; the call buttons stay in view.
  function done() {
    document.querySelectorAll('.acc-aside').forEach(a => { a.hidden = true; });
    document.querySelector('.acc-safety').scrollIntoView({ block: 'start' });
  }

  async function toPolice(reason, why) {
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
    let response, body;
    try {
      response = await fetch('/api/v1/traffic/accidents', { method: 'POST', body: data });
      body = await json(response);
    } catch (e) {
      response = { ok: false }; body = {};
    }
    if (response.ok) { policeView(body, why); return; }
    // Not sent (no position, say): the driver can place it by hand and try again, and is told to call.
    result.replaceChildren(
      element('h2', { class: 'acc-alarm' }, t('不适用快处快撤：报警未成功，请立即拨打 122。', 'Not for quick handling, and not sent: call 122 now.')),
      ...problem(body, t('报警未成功。', 'Not sent.')),
      advice([
        '人员撤离到护栏外 · Everyone behind the guardrail', '在来车方向 150 米外放置三角警告标志 · Warning triangle 150 m behind',
        '拨打 122（交警）；有人受伤拨打 120 · Call 122 (police); 120 if anyone is hurt']));
    $('acc-step-location').hidden = false;
  }

  $('acc-check').addEventListener('click', async () => {
    const a = answers();
    if ([a.noInjuries, a.vehiclesMovable, a.propertyOnly, a.noRoadPropertyDamage].some(v => v === null)) {
      result.replaceChildren(element('p', { class: 'error' }, t('请回答全部四个问题。', 'Answer all four questions.')));
      return;
    }
    let response, body;
    try {
      response = await fetch('/api/v1/traffic/accidents/check', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(a),
      });
      body = await json(response);
    } catch (e) {
      result.replaceChildren(element('p', { class: 'error' }, t('网络异常，请重试；有人受伤请直接拨打 122/120。', 'Network problem: try again; if anyone is hurt call 122/120.')));
      return;
    }
    if (!response.ok) { result.replaceChildren(...problem(body, t('检查失败', 'Check failed'))); return; }
    if (!body.qualifies) {
      await toPolice('answers', body.failing.map(f => en ? f.en : f.zh).join(t('；', '; ')));
      return;
    }
    result.replaceChildren();
    $('acc-step-location').hidden = false;
    if (!located) await fromPhone();
  });

  $('acc-police').addEventListener('click', () => toPolice('asked', t('驾驶人选择报警', 'the driver asked for the police')));
  $('acc-locate').addEventListener('click', fromPhone);
  $('acc-stake-check').addEventListener('click', () =>
    locate({ route: $('acc-route').value, direction: $('acc-direction').value, stake: $('acc-stake').value }));

  function showCode(box, body, token, id) {
    const expires = new Date(body.codeExpiresAt || body.expiresAt);
    const confirmUrl = body.confirmUrl || box.dataset.confirmUrl;
    const number = body.number || box.dataset.number;
    box.dataset.number = number;
    box.dataset.confirmUrl = confirmUrl;
    const link = element('a', { href: confirmUrl, id: 'acc-confirm-link' }, confirmUrl.replace(/^https?:\/\//, ''));
    const open = element('p', { class: 'acc-link' });
    open.append(t('或在对方手机浏览器打开：', 'or open on their phone: '), link);
    // The code first (what the other driver types), then the QR and the link that open their confirm page.
    box.replaceChildren(
      element('p', {}, t('请对方在自己的手机上确认，输入：', 'Let the other driver confirm on their own phone with:')),
      element('p', { class: 'acc-label' }, t('事故编号', 'Accident number')),
      element('p', { class: 'acc-number', id: 'acc-number' }, number),
      element('p', { class: 'acc-label' }, t('确认码', 'Code')),
      element('p', { class: 'acc-code', id: 'acc-code' }, body.confirmCode || body.code),
      element('p', { class: 'acc-expiry' }, t(`有效至 ${clock(expires)}（北京时间）`, `Valid until ${clock(expires)} (China time)`)),
      element('p', { class: 'acc-label' }, t('对方扫码打开确认页面：', 'The other driver scans this to open the confirm page:')),
      element('img', { class: 'acc-qr', src: `/api/v1/traffic/accidents/confirm-qr.svg?number=${encodeURIComponent(number)}`,
        alt: t('确认页面二维码', 'QR code of the confirm page'), width: '192', height: '192' }),
      open);
    const again = element('button', { type: 'button', id: 'acc-new-code' }, t('重新生成确认码', 'New code'));
    again.addEventListener('click', async () => {
      again.disabled = true;
      try {
        const response = await fetch(`/api/v1/traffic/accidents/${id}/code`, { method: 'POST', headers: { 'X-Accident-Token': token } });
        const fresh = await json(response);
        if (response.ok) showCode(box, fresh, token, id);
        else box.appendChild(element('p', { class: 'error' }, fresh.detail || fresh.title || t('未成功，请重试。', 'That did not work: try again.')));
      } catch (e) {
        box.appendChild(element('p', { class: 'error' }, t('网络异常，请重试。', 'Network problem: try again.')));
      } finally {
        again.disabled = false;
      }
    });
    box.appendChild(again);
  }

  function clock(date) {
    // China time, as on the record and the SMS, whatever zone the phone is set to.
    return isNaN(date) ? '' : date.toLocaleTimeString(en ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
  }

  // Party A's phone keeps showing the code until the other driver confirms: ask the record now and then, and say so when done.
  function watchForConfirmation(box, token, id) {
    let stopped = false;
    const stop = () => { stopped = true; };
    const deadline = Date.now() + 60 * 60 * 1000;
    async function poll() {
      if (stopped || Date.now() > deadline) return;
      try {
        const response = await fetch(`/api/v1/traffic/accidents/${id}`, { headers: { 'X-Accident-Token': token } });
        if (response.ok) {
          const record = await json(response);
          if (record.status === 'confirmed') {
            const other = (record.parties || []).find(p => p.role === 'B');
            box.replaceChildren(
              element('p', { class: 'acc-done', id: 'acc-confirmed' },
                t(`对方（${other ? other.plate : ''}）已确认，双方的事故记录已生效。`, `The other driver (${other ? other.plate : ''}) has confirmed: both records are valid.`)));
            box.classList.add('acc-code-box-done');
            stop();
            return;
          }
          if (record.status !== 'awaiting-other') { stop(); return; }
        }
      } catch (e) { /* no network for a moment: try again next round */ }
      setTimeout(poll, 4000);
    }
    setTimeout(poll, 4000);
    return stop;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!located) { result.replaceChildren(element('p', { class: 'error' }, t('请先确定事故位置。', 'Place the accident first.'))); return; }
    const missing = ['front', 'rear', 'contact'].filter(k => !$(`acc-${k}`).files.length);
    if (missing.length) {
      result.replaceChildren(element('p', { class: 'error' }, t('请拍齐三张照片：', 'Take all three photos: ') + missing.map(fieldName).join(t('、', ', '))));
      return;
    }
    const send = $('acc-send');
    send.disabled = true;
    result.replaceChildren(element('p', {}, t('正在提交…', 'Sending…')));
    try {
      const response = await fetch('/api/v1/traffic/accidents', { method: 'POST', body: new FormData(form) });
      const body = await json(response);
      if (!response.ok) { result.replaceChildren(...problem(body, t('提交失败', 'Not sent'))); return; }
      if (body.status === 'routed-to-police') { policeView(body); return; }
      form.hidden = true;
      result.dataset.status = body.status;
      result.dataset.number = body.number;
      const box = element('div', { class: 'acc-code-box' });
      showCode(box, body, body.token, body.id);
      const where = element('p', { class: 'acc-where' });
      where.append(element('strong', {}, t('地点：', 'Where: ')), document.createTextNode(body.location.label));
      result.replaceChildren(
        element('h2', { class: 'acc-move' }, t('请立即将车辆移出行车道！', 'Move the vehicles off the carriageway now!')),
        where, box, advice(body.advice),
        element('p', {}, t('您的事故记录（已短信发送）：', 'Your record (also sent by SMS):')),
        element('a', { href: body.recordUrl, id: 'acc-record-link', class: 'acc-button' }, t('打开事故记录', 'Open the record')));
      done();
      watchForConfirmation(box, body.token, body.id);
    } catch (e) {
      result.replaceChildren(element('p', { class: 'error' }, t('网络异常，请重试。', 'Network problem: try again.')));
    } finally {
      send.disabled = false;
    }
  });
})();
