// The gate's pass scanner. Mounted as <section id="gate-scanner" data-site data-bundle-url data-verify-url
// data-sync-url> after /lib/jsqr/jsQR.js. Reads the rider's rotating token from the camera (jsQR), a USB
// scanner or the keyboard; asks Linli when online, and otherwise checks it here with the gate bundle
// (public keys, refused passes, the site's policy) and WebCrypto Ed25519, by the same rules and reason
// codes as the server's PassTokenVerifier. Offline passages are queued and uploaded when the network returns.
// window.LinliGate.checkToken(text) runs one check without a camera (tests, other scripts).
(function () {
  'use strict';
  const root = document.getElementById('gate-scanner');
  if (!root) return;
  const site = (root.dataset.site || '').trim().toUpperCase();
  const bundleUrl = root.dataset.bundleUrl;
  const verifyUrl = root.dataset.verifyUrl;
  const syncUrl = root.dataset.syncUrl;
  const en = document.documentElement.lang === 'en';
  const T = (zh, english) => (en ? english : zh);

  // The guard's words, as Gate.GatePassages.ReasonText has them.
  const REASONS = {
    'malformed': '码无法识别（格式错误或不完整）',
    'unknown-key': '签名密钥未知',
    'retired-key': '签名密钥已停用',
    'bad-signature': '签名无效（可能伪造）',
    'expired': '码已过期，请刷新',
    'not-yet-valid': '码尚未生效（请核对设备时间）',
    'revoked': '通行码已吊销',
    'suspended': '骑手已被暂停通行',
    'not-approved': '骑手未通过审核',
    'no-pass': '骑手没有有效通行码',
    'platform-not-allowed': '本场所不允许该平台进入',
    'site-closed': '不在本场所允许进入的时段',
    'site-unknown': '场所码无效或已停用',
    'replayed': '此码已在本门岗使用过（疑似截图重放）'
  };
  const PREFIX = 'LX1.';
  const MAX_TOKEN_CHARS = 256;
  const SIGNATURE_LENGTH = 64;
  const FIXED_LENGTH = 1 + 1 + 16 + 1 + 4 + 4 + 1;
  const BUNDLE_KEY = `linli.gate.bundle.${site}`;
  const QUEUE_KEY = `linli.gate.queue.${site}`;
  const SEEN_KEY = `linli.gate.seen.${site}`;

  const read = (key, fallback) => {
    try { return JSON.parse(localStorage.getItem(key) || 'null') ?? fallback; } catch { return fallback; }
  };
  const write = (key, value) => {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch { /* full store: the page still works while open */ }
  };
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  // ---- the page ----
  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  };
  root.classList.add('gate-scanner');
  const video = el('video', { playsinline: '', muted: '', class: 'gate-video', hidden: '' });
  const frame = el('canvas', { hidden: '' });
  const cameraButton = el('button', { type: 'button', class: 'gate-camera' }, T('打开摄像头扫码', 'Scan with the camera'));
  const form = el('form', { class: 'gate-manual' });
  const input = el('input', { id: 'gate-token', name: 'token', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off',
    placeholder: 'LX1.…', 'aria-label': T('通行码（扫码枪或手动输入）', 'Pass token (USB scanner or typed)') });
  form.append(el('label', { for: 'gate-token' }, T('扫码枪/手动输入', 'USB scanner or typed')), input,
    el('button', { type: 'submit' }, T('核验', 'Check')));
  const card = el('div', { class: 'gate-check', id: 'gate-check', role: 'status', 'aria-live': 'assertive', hidden: '' });
  const state = el('p', { class: 'gate-state muted' });
  root.append(cameraButton, video, frame, form, card, state);

  // ---- the bundle ----
  let bundle = read(BUNDLE_KEY, null);
  let keyCache = new Map();

  async function refreshBundle() {
    if (!navigator.onLine) return;
    try {
      const headers = { Accept: 'application/json' };
      if (bundle && bundle.etag) headers['If-None-Match'] = bundle.etag;
      const response = await fetch(bundleUrl, { credentials: 'same-origin', headers });
      if (response.status === 304) {
        bundle.fetchedAt = Date.now();
      } else if (response.ok) {
        bundle = { etag: response.headers.get('ETag'), data: await response.json(), fetchedAt: Date.now() };
        keyCache = new Map();
      } else {
        return;
      }
      write(BUNDLE_KEY, bundle);
    } catch {
      // Offline: the stored bundle stands.
    } finally {
      showState();
    }
  }

  function base64UrlBytes(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
    const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
    try {
      const binary = atob(padded);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return bytes;
    } catch {
      return null;
    }
  }

  const hex = bytes => Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  const uuid = bytes => { const h = hex(bytes); return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`; };

  // The same layout and length checks as PassTokenCodec.TryParse: anything off is malformed.
  function decode(text) {
    const token = (text || '').trim();
    if (token.length > MAX_TOKEN_CHARS || !token.startsWith(PREFIX)) return null;
    const bytes = base64UrlBytes(token.slice(PREFIX.length));
    if (!bytes || bytes.length < FIXED_LENGTH + 1 + SIGNATURE_LENGTH || bytes[0] !== 1) return null;
    const keyLength = bytes[1];
    if (keyLength < 1 || keyLength > 8) return null;
    let at = 2 + keyLength;
    if (bytes.length < at + 26) return null;
    const view = new DataView(bytes.buffer);
    const keyId = String.fromCharCode(...bytes.subarray(2, at));
    const passId = uuid(bytes.subarray(at, at + 16));
    at += 16;
    const platformCode = bytes[at++];
    const notBefore = view.getUint32(at); at += 4;
    const notAfter = view.getUint32(at); at += 4;
    const nameLength = bytes[at++];
    if (nameLength > 48 || bytes.length !== at + nameLength + SIGNATURE_LENGTH || notAfter <= notBefore) return null;
    let maskedName;
    try {
      maskedName = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + nameLength));
    } catch {
      return null;
    }
    const signatureAt = at + nameLength;
    return { keyId, passId, platformCode, notBefore, notAfter, maskedName,
      signed: bytes.subarray(0, signatureAt), signature: bytes.subarray(signatureAt) };
  }

  async function publicKey(entry) {
    if (!keyCache.has(entry.keyId)) {
      keyCache.set(entry.keyId, crypto.subtle.importKey('raw', base64UrlBytes(entry.publicKey), { name: 'Ed25519' }, false, ['verify']));
    }
    return keyCache.get(entry.keyId);
  }

  function isOpen(policy, now) {
    if (policy.closed) return false;
    if (policy.openFromMinute == null || policy.openToMinute == null) return true;
    const minute = Math.floor((now + 8 * 3600) / 60) % 1440;
    const from = policy.openFromMinute, to = policy.openToMinute;
    return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
  }

  function remember(passId, notBefore) {
    const seen = read(SEEN_KEY, {});
    const key = `${passId}:${notBefore}`;
    if (seen[key]) return false;
    const cutoff = nowSeconds() - 3600;
    for (const [k, at] of Object.entries(seen)) if (at < cutoff) delete seen[k];
    seen[key] = notBefore;
    write(SEEN_KEY, seen);
    return true;
  }

  // The server's order: malformed → unknown-key → retired-key → bad-signature → window → revoked/suspended
  // → platform-not-allowed → site-closed → replayed.
  async function verifyOffline(text) {
    const claims = decode(text);
    const refuse = reason => ({ valid: false, reason, claims });
    if (!claims) return refuse('malformed');
    if (!bundle || !bundle.data) return refuse('unknown-key');
    const data = bundle.data;
    const entry = data.keys.find(k => k.keyId === claims.keyId);
    if (!entry) return refuse(data.retiredKeyIds.includes(claims.keyId) ? 'retired-key' : 'unknown-key');
    let good = false;
    try {
      good = await crypto.subtle.verify({ name: 'Ed25519' }, await publicKey(entry), claims.signature, claims.signed);
    } catch {
      good = false;
    }
    if (!good) return refuse('bad-signature');
    const now = nowSeconds();
    const skew = data.clockSkewSeconds;
    if (claims.notBefore > now + skew) return refuse('not-yet-valid');
    if (claims.notAfter + skew <= now) return refuse('expired');
    const revoked = data.revoked.find(r => r.passId === claims.passId);
    if (revoked) return refuse(revoked.reason);
    const allowed = data.site.allowedPlatformCodes;
    if (allowed.length > 0 && !allowed.includes(claims.platformCode)) return refuse('platform-not-allowed');
    if (!isOpen(data.site, now)) return refuse('site-closed');
    if (!remember(claims.passId, claims.notBefore)) return refuse('replayed');
    return { valid: true, reason: null, claims };
  }

  function platformName(code) {
    const platform = bundle && bundle.data && bundle.data.platforms.find(p => p.tokenCode === code);
    return platform ? platform.name : '';
  }

  // ---- online, with the offline fallback ----
  async function verifyOnline(text) {
    const response = await fetch(verifyUrl, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ token: text, site })
    });
    if (response.status >= 500) throw new Error(`server ${response.status}`);
    const body = await response.json().catch(() => ({}));
    if (response.status === 400) return { valid: false, reason: 'malformed', claims: null, mode: 'online' };
    if (!response.ok) return { valid: false, reason: null, error: body.detail || body.title || `${response.status}`, claims: null, mode: 'online' };
    const claims = decode(text);
    if (body.valid && claims) remember(claims.passId, claims.notBefore); // the same window offline later is a replay too
    return {
      valid: body.valid, reason: body.reason, claims, mode: 'online', passageId: body.passageId,
      pass: body.pass
    };
  }

  async function checkToken(text) {
    const token = (text || '').trim();
    let result = null;
    if (navigator.onLine) {
      try {
        result = await verifyOnline(token);
      } catch {
        result = null; // unreachable: check here instead
      }
    }
    if (!result) {
      result = await verifyOffline(token);
      result.mode = 'offline';
      enqueue(token, result);
    }
    result.reasonText = result.reason ? (REASONS[result.reason] || result.reason) : null;
    result.maskedName = (result.pass && result.pass.maskedName) || (result.claims && !untrusted(result.reason) ? result.claims.maskedName : null);
    result.platformName = (result.pass && result.pass.platformName) || (result.claims && !untrusted(result.reason) ? platformName(result.claims.platformCode) : null);
    show(result);
    return result;
  }

  const untrusted = reason => ['malformed', 'unknown-key', 'retired-key', 'bad-signature'].includes(reason);

  function show(result) {
    card.hidden = false;
    card.className = `gate-check ${result.valid ? 'gate-check-ok' : 'gate-check-refused'}`;
    card.replaceChildren(
      el('p', { class: 'gate-check-verdict' }, result.valid ? T('✔ 通行', '✔ Let in') : T('✘ 拒绝', '✘ Refused')),
      ...(result.reasonText ? [el('p', { class: 'gate-check-reason' }, result.reasonText)] : []),
      ...(result.error ? [el('p', { class: 'gate-check-reason' }, result.error)] : []),
      ...(result.maskedName ? [el('p', { class: 'gate-check-rider' }, `${result.maskedName}　${result.platformName || ''}`)] : []),
      el('p', { class: 'gate-check-mode muted' }, result.mode === 'online' ? T('在线核验', 'Checked online') : T('离线核验（稍后上传）', 'Checked offline (uploaded later)'))
    );
    card.dataset.valid = String(result.valid);
    card.dataset.reason = result.reason || '';
    card.dataset.mode = result.mode;
  }

  // ---- the offline queue ----
  function newRef() {
    if (crypto.randomUUID) return crypto.randomUUID();
    return uuid(crypto.getRandomValues(new Uint8Array(16)));
  }

  function enqueue(token, result) {
    const queue = read(QUEUE_KEY, []);
    queue.push({ deviceRef: newRef(), token: token.slice(0, 1024) || '-', checkedAt: new Date().toISOString(),
      allowed: result.valid, reason: result.reason });
    write(QUEUE_KEY, queue);
    showState();
  }

  let syncing = false;
  async function sync() {
    const queue = read(QUEUE_KEY, []);
    if (syncing || queue.length === 0 || !navigator.onLine) return;
    syncing = true;
    const batch = queue.slice(0, 1000);
    try {
      const response = await fetch(syncUrl, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ site, passages: batch })
      });
      if (response.ok) {
        // Stored, already stored and refused entries are all done with; a retry would change nothing.
        const sent = new Set(batch.map(p => p.deviceRef));
        write(QUEUE_KEY, read(QUEUE_KEY, []).filter(p => !sent.has(p.deviceRef)));
      }
    } catch {
      // Still offline: next round.
    } finally {
      syncing = false;
      showState();
    }
  }

  function showState() {
    const waiting = read(QUEUE_KEY, []).length;
    const when = bundle && bundle.fetchedAt ? new Date(bundle.fetchedAt).toLocaleTimeString() : T('从未', 'never');
    state.textContent = `${navigator.onLine ? T('在线', 'Online') : T('离线', 'Offline')} · ${T('名单更新于', 'List updated')} ${when}`
      + (waiting ? ` · ${T(`待上传 ${waiting} 条`, `${waiting} to upload`)}` : '');
  }

  // ---- input: USB scanner / keyboard, camera ----
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const text = input.value;
    input.value = '';
    if (text.trim()) await checkToken(text);
    input.focus();
  });

  let lastScan = { text: '', at: 0 };
  let scanning = false;
  async function startCamera() {
    if (scanning || typeof jsQR !== 'function' || !navigator.mediaDevices) return;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      scanning = true;
      cameraButton.hidden = true;
      requestAnimationFrame(scanFrame);
    } catch {
      state.textContent = T('无法打开摄像头，请使用扫码枪或手动输入。', 'The camera cannot be opened: use a USB scanner or type the token.');
    }
  }

  function scanFrame() {
    if (!scanning) return;
    if (video.readyState >= 2 && video.videoWidth > 0) {
      const scale = Math.min(1, 640 / video.videoWidth);
      frame.width = Math.floor(video.videoWidth * scale);
      frame.height = Math.floor(video.videoHeight * scale);
      const context = frame.getContext('2d', { willReadFrequently: true });
      context.drawImage(video, 0, 0, frame.width, frame.height);
      const image = context.getImageData(0, 0, frame.width, frame.height);
      const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
      const now = Date.now();
      // The same code stays in front of the camera for a while: check it once.
      if (code && code.data && (code.data !== lastScan.text || now - lastScan.at > 5000)) {
        lastScan = { text: code.data, at: now };
        checkToken(code.data);
      }
    }
    requestAnimationFrame(scanFrame);
  }

  cameraButton.addEventListener('click', startCamera);
  window.addEventListener('online', () => { refreshBundle(); sync(); });
  window.addEventListener('offline', showState);

  window.LinliGate = { checkToken, verifyOffline, refreshBundle, sync };
  showState();
  refreshBundle();
  sync();
  setInterval(refreshBundle, 60000);
  setInterval(sync, 15000);
  input.focus();
})();
