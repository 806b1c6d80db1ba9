// Counts the incident targets down once a second: green while running, yellow in the last third, red when missed.
(function () {
  'use strict';
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-inc-due]').forEach(function (el) {
      var due = Number(el.getAttribute('data-inc-due'));
      var total = Number(el.getAttribute('data-inc-minutes')) * 60000;
      var left = due - now;
      var abs = Math.abs(left);
      var text = (left < 0 ? '+' : '') + Math.floor(abs / 60000) + ':' + String(Math.floor(abs / 1000) % 60).padStart(2, '0');
      var out = el.querySelector('.inc-left');
      if (out) out.textContent = text;
      el.classList.remove('inc-green', 'inc-yellow', 'inc-red');
      el.classList.add(left < 0 ? 'inc-red' : left <= total / 3 ? 'inc-yellow' : 'inc-green');
    });
    document.querySelectorAll('[data-inc-since]').forEach(function (el) {
      var since = Number(el.getAttribute('data-inc-since'));
      var s = Math.max(0, Math.floor((now - since) / 1000));
      el.textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
    });
  }
  tick();
  setInterval(tick, 1000);
})();
