// The reporter rates a closed case from the follow page: the link's secret stands in for an account.
(function () {
  const form = document.getElementById('rating-form');
  if (!form) return;
  const result = document.getElementById('rating-result');
  const en = document.documentElement.lang === 'en';
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const rating = form.querySelector('input[name=rating]:checked');
    if (!rating) { result.textContent = en ? 'Choose 1 to 5 stars.' : '请选择 1–5 分。'; result.className = 'error'; return; }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const response = await fetch(`/api/v1/cases/${form.dataset.case}/actions/evaluate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Follow-Token': form.dataset.token },
        body: JSON.stringify({ rating: Number(rating.value), comment: form.comment.value || null })
      });
      if (response.ok) { window.location.reload(); return; }
      const problem = await response.json().catch(() => ({}));
      result.textContent = problem.detail || problem.title || `${response.status}`;
      result.className = 'error';
    } catch {
      result.textContent = en ? 'No connection; try again.' : '网络不通，请重试。';
      result.className = 'error';
    }
    button.disabled = false;
  });
})();
