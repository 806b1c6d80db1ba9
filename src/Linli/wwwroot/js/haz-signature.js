// The inspection form's signature pad (finger, pen or mouse through pointer events), the phone's
// position, and the notice's print button. No inline script: CSP allows only 'self'.
(function () {
  'use strict';
  var pad = document.getElementById('haz-pad');
  if (pad) {
    var field = document.getElementById('haz-signature-data');
    var ctx = pad.getContext('2d');
    var drawing = false;
    var drawn = false;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    var point = function (e) {
      var r = pad.getBoundingClientRect();
      return { x: (e.clientX - r.left) * pad.width / r.width, y: (e.clientY - r.top) * pad.height / r.height };
    };
    pad.style.touchAction = 'none';
    pad.addEventListener('pointerdown', function (e) {
      drawing = true;
      pad.setPointerCapture(e.pointerId);
      var p = point(e);
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      ctx.lineTo(p.x + 0.1, p.y + 0.1);
      ctx.stroke();
      drawn = true;
      e.preventDefault();
    });
    pad.addEventListener('pointermove', function (e) {
      if (!drawing) return;
      var p = point(e);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      e.preventDefault();
    });
    var stop = function () {
      if (!drawing) return;
      drawing = false;
      field.value = pad.toDataURL('image/png');
    };
    pad.addEventListener('pointerup', stop);
    pad.addEventListener('pointercancel', stop);
    pad.addEventListener('pointerleave', stop);
    document.getElementById('haz-clear').addEventListener('click', function () {
      ctx.clearRect(0, 0, pad.width, pad.height);
      field.value = '';
      drawn = false;
    });
    var form = document.getElementById('haz-form');
    form.addEventListener('submit', function () {
      if (drawn && !field.value) field.value = pad.toDataURL('image/png');
    });
    if (navigator.geolocation) {
      navigator.geolocation.getCurrentPosition(function (pos) {
        document.getElementById('haz-lon').value = pos.coords.longitude.toFixed(6);
        document.getElementById('haz-lat').value = pos.coords.latitude.toFixed(6);
      }, function () { /* position is optional */ }, { timeout: 5000, maximumAge: 60000 });
    }
  }
  var print = document.querySelector('[data-haz-print]');
  if (print) {
    print.addEventListener('click', function () { window.print(); });
  }
})();
