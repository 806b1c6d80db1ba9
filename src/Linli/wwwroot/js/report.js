// The report page: category suggestions while the reporter types, the phone's location on request,
// and the report sent as a multipart form to POST /api/v1/cases (one Idempotency-Key per report, so
// a retry after a dropped connection is the same report).
(function () {
  const form = document.getElementById('report-form');
  const description = document.getElementById('description');
  const category = document.getElementById('category');
  const suggestions = document.getElementById('suggestions');
  const result = document.getElementById('report-result');
  const en = document.documentElement.lang === 'en';
  const t = (zh, english) => en ? english : zh;
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
    suggestions.replaceChildren(element('span', { class: 'hint' }, t('可能是：', 'Likely:')), ...chips);
  }

  description.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 300);
  });

  const lon = document.getElementById('lon');
  const lat = document.getElementById('lat');
  let pickMap = null, pickMarker = null;

  function place(longitude, latitude) {
    lon.value = longitude.toFixed(6);
    lat.value = latitude.toFixed(6);
    if (pickMap) {
      const point = [latitude, longitude];
      if (pickMarker) pickMarker.setLatLng(point); else pickMarker = L.marker(point).addTo(pickMap);
    }
  }

  document.getElementById('use-location').addEventListener('click', () => {
    if (!navigator.geolocation) { result.textContent = t('此设备不能定位，请在地图上选点。', 'This device cannot tell its location; tap it on the map.'); return; }
    navigator.geolocation.getCurrentPosition(p => place(p.coords.longitude, p.coords.latitude),
      () => { result.textContent = t('定位失败，请在地图上选点或手动填写。', 'Could not get the location; tap it on the map or enter it.'); },
      { enableHighAccuracy: true, timeout: 15000 });
  });

  // Leaflet is fetched only when someone opens the map, so the form itself stays small on a slow connection.
  function load(tag, attributes) {
    return new Promise((resolve, reject) => {
      const node = element(tag, attributes);
      node.onload = resolve; node.onerror = reject;
      document.head.appendChild(node);
    });
  }

  document.getElementById('pick-on-map').addEventListener('click', async () => {
    const holder = document.getElementById('pick-map');
    holder.hidden = false;
    if (pickMap) return;
    await Promise.all([load('link', { rel: 'stylesheet', href: '/lib/leaflet/leaflet.css' }), load('script', { src: '/lib/leaflet/leaflet.js' })]);
    const [cLon, cLat] = (form.dataset.center || '120.16,30.27').split(',').map(Number);
    const start = lon.value && lat.value ? [Number(lat.value), Number(lon.value)] : [cLat, cLon];
    pickMap = L.map(holder, { attributionControl: false }).setView(start, lon.value ? 17 : 13);
    if (form.dataset.tiles) L.tileLayer(form.dataset.tiles, { maxZoom: 19 }).addTo(pickMap);
    if (lon.value && lat.value) place(Number(lon.value), Number(lat.value));
    pickMap.on('click', e => place(e.latlng.lng, e.latlng.lat));
    holder.dataset.loaded = 'true';
  });

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const missing = [];
    if (!description.value.trim()) missing.push(t('请描述发生了什么。', 'Say what is wrong.'));
    if (!lon.value || !lat.value) missing.push(t('请提供位置：使用我的位置，或在地图上选点。', 'Give the location: use your location, or tap it on the map.'));
    if (missing.length) {
      result.replaceChildren(...missing.map(m => element('p', { class: 'error' }, m)));
      (description.value.trim() ? document.getElementById('use-location') : description).focus();
      return;
    }
    const send = document.getElementById('send');
    send.disabled = true;
    result.replaceChildren(element('p', {}, t('正在提交…', 'Sending…')));
    try {
      const response = await fetch('/api/v1/cases', { method: 'POST', headers: { 'Idempotency-Key': key }, body: new FormData(form) });
      const body = await response.json();
      if (response.ok) {
        const followUrl = body.followUrl || '';
        const lines = body.duplicateOf
          ? [t(`谢谢！附近已有人上报了同一问题，您的上报已并入案件 ${body.duplicateOf.number}，处理进展会一并告诉您。`,
               `Thank you! Someone nearby already reported this, so your report joined case ${body.duplicateOf.number}; you will see its progress too.`)]
          : [t(`已收到，案件编号 ${body.number}。`, `Received: case ${body.number}.`)];
        const nodes = lines.map(l => element('p', { class: 'success' }, l));
        if (followUrl) {
          nodes.push(element('p', {}, t('保存此链接，随时查看处理进度：', 'Keep this link to follow it:')));
          nodes.push(element('a', { href: followUrl, id: 'follow-link' }, location.origin + followUrl));
        }
        result.replaceChildren(...nodes);
        form.reset();
        suggestions.replaceChildren();
        key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
      } else {
        const problems = Object.entries(body.errors || {}).map(([field, reasons]) => element('li', {}, `${field}: ${reasons.join('; ')}`));
        result.replaceChildren(element('p', { class: 'error' }, body.detail || body.title || t('提交失败', 'Not sent')), element('ul', {}, undefined));
        result.querySelector('ul').replaceChildren(...problems);
      }
    } catch (e) {
      result.replaceChildren(element('p', { class: 'error' }, t('网络异常，请重试（不会重复上报）。', 'Network problem: try again, it will not be sent twice.')));
    } finally {
      send.disabled = false;
    }
  });
})();
