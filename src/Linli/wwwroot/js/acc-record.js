// The accident record page: a print button (inline handlers are not allowed by the CSP).
(function () {
  const button = document.getElementById('acc-print');
  if (button) button.addEventListener('click', () => window.print());
})();
