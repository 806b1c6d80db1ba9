// The other driver's confirmation: number + code → the facts (A's plate, place, time, photos) → B's details → record link.
(function () {
  const form = document.getElementById('acc-confirm-form');
  if (!form) return;
  const en = document.documentElement.lang === 'en';
  const t = (zh, english) => en ? english : zh;
  const $ = id => document.getElementById(id);
  const result = $('acc-c-result');
  const photoNames = { front: t('车头', 'Front'), rear: t('车尾', 'Rear'), contact: t('碰撞部位', 'Point of contact') };
  const fieldNames = {
    number: t('事故编号', 'Accident number'), code: t('确认码', 'Code'), phone: t('手机号', 'Mobile'), plate: t('车牌号', 'Plate'),
    name: t('姓名', 'Name'), insurer: t('保险公司', 'Insurer'),
  };

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A proxy's 429/502 page is not JSON: never let that become an unhandled error.
  async function json(response) {
    try { return await response.json(); } catch (e) { return {}; }
  }

  // What the code check refused, in the page's language (the server's detail is English).
  function refusal(body, status) {
    switch (body.reason) {
      case 'wrong-code': return t(`确认码不对，还可以再试 ${body.triesLeft} 次。请核对对方手机上显示的 6 位数字。`,
        `Wrong code: ${body.triesLeft} ${body.triesLeft === 1 ? 'try' : 'tries'} left. Check the six digits on the other driver's phone.`);
      case 'locked': return t('确认码错误次数过多，已锁定。请让对方在手机上点“重新生成确认码”。',
        'Too many wrong codes: locked. Ask the other driver to tap "New code" on their phone.');
      case 'expired': return t('确认码已过期。请让对方在手机上点“重新生成确认码”。', 'The code has expired. Ask the other driver to tap "New code" on their phone.');
      case 'unknown': return t('没有这个事故编号，请核对对方手机上显示的编号（KC-…）。', 'No accident has this number: check the number on the other driver\'s phone (KC-…).');
      case 'confirmed': return t('这起事故已经确认过了，双方各有自己的记录链接。', 'This accident has been confirmed already; each driver has a record link.');
      case 'police': return t('这起事故已转交警处理，无需双方确认。', 'This accident was passed to the traffic police: nothing to confirm.');
      default:
        if (status === 429) return t('操作太频繁，请稍后再试。', 'Too many tries: wait a minute.');
        return body.detail || body.title || t('操作未成功，请重试。', 'That did not work: try again.');
    }
  }

  function problem(body, status) {
    const nodes = [element('p', { class: 'error' }, body.errors ? t('请检查以下内容：', 'Please check:') : refusal(body, status))];
    Object.entries(body.errors || {}).forEach(([field, reasons]) =>
      nodes.push(element('p', { class: 'error' }, `${fieldNames[field] || field}: ${reasons.join('; ')}`)));
    return nodes;
  }

  function when(iso) {
    const d = new Date(iso);
    // China time, as on the record and the SMS, whatever zone the phone is set to.
    return isNaN(d) ? '' : d.toLocaleString(en ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  }

  const key = () => ({ number: $('acc-c-number').value.trim(), code: $('acc-c-code').value.trim() });

  async function preview() {
    const k = key();
    if (!k.number || !/^[0-9]{6}$/.test(k.code)) {
      result.replaceChildren(element('p', { class: 'error' }, t('请输入事故编号和 6 位确认码。', 'Enter the accident number and the six-digit code.')));
      return;
    }
    const button = $('acc-c-preview');
    button.disabled = true;
    try {
      const response = await fetch('/api/v1/traffic/accidents/preview', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(k),
      });
      const body = await json(response);
      if (!response.ok) {
        $('acc-facts').hidden = true;
        $('acc-b-step').hidden = true;
        result.replaceChildren(...problem(body, response.status));
        $('acc-c-code').focus();
        return;
      }
      result.replaceChildren();
      const facts = $('acc-facts');
      const photos = element('ul', { class: 'acc-photos' });
      body.photos.forEach(p => {
        const li = element('li');
        li.append(element('img', { src: p.thumbnailUrl, alt: photoNames[p.kind] || p.kind }), element('small', {}, photoNames[p.kind] || p.kind));
        photos.appendChild(li);
      });
      const line = (label, value) => { const p = element('p'); p.append(element('strong', {}, label), document.createTextNode(value)); return p; };
      facts.replaceChildren(
        element('h2', {}, t('请核对事故信息', 'Check the facts')),
        line(t('对方车辆：', 'Other vehicle: '), `${body.otherPlate}（${body.otherPhone}）`),
        line(t('地点：', 'Where: '), body.location.label),
        line(t('时间：', 'When: '), when(body.reportedAt)),
        photos);
      facts.hidden = false;
      $('acc-b-step').hidden = false;
      $('acc-c-phone').focus();
    } catch (e) {
      result.replaceChildren(element('p', { class: 'error' }, t('网络异常，请重试。', 'Network problem: try again.')));
    } finally {
      button.disabled = false;
    }
  }

  $('acc-c-preview').addEventListener('click', preview);

  form.addEventListener('submit', async event => {
    event.preventDefault();
    // Enter in the code field, before the facts are shown, means "show the accident".
    if ($('acc-b-step').hidden) { await preview(); return; }
    const send = $('acc-c-send');
    send.disabled = true;
    try {
      const response = await fetch('/api/v1/traffic/accidents/confirm', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...key(), phone: $('acc-c-phone').value, plate: $('acc-c-plate').value, name: $('acc-c-name').value, insurer: $('acc-c-insurer').value }),
      });
      const body = await json(response);
      if (!response.ok) { result.replaceChildren(...problem(body, response.status)); return; }
      form.hidden = true;
      result.replaceChildren(
        element('h2', { class: 'acc-move' }, t('双方已确认。请立即将车辆移出行车道！', 'Confirmed by both. Move the vehicles off the carriageway now!')),
        element('p', {}, t(`事故编号 ${body.number}。您的事故记录（已短信发送），用于保险理赔：`, `Accident ${body.number}. Your record for the insurers (also sent by SMS):`)),
        element('a', { href: body.recordUrl, id: 'acc-record-link', class: 'acc-button' }, t('打开我的事故记录', 'Open my record')));
    } catch (e) {
      result.replaceChildren(element('p', { class: 'error' }, t('网络异常，请重试。', 'Network problem: try again.')));
    } finally {
      send.disabled = false;
    }
  });
})();
