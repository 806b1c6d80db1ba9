// The spreadsheet import page: upload with progress, then follow the background import until it is
// done or refused, and list every bad row the server names.
(() => {
  const form = document.getElementById('list-import');
  if (!form) return;
  const box = document.getElementById('import-progress');
  const stage = document.getElementById('import-stage');
  const bar = document.getElementById('import-bar');
  const count = document.getElementById('import-count');
  const outcome = document.getElementById('import-outcome');
  const errors = document.getElementById('import-errors');
  const words = form.dataset;
  const fill = (text, value) => text.replace('{0}', value);

  const show = (label, done, total) => {
    box.hidden = false;
    stage.textContent = label;
    bar.max = Math.max(total, 1);
    bar.value = done;
    count.textContent = total ? `${done} / ${total}` : '';
  };

  const listErrors = (list, more) => {
    const table = document.createElement('table');
    table.className = 'grid-table';
    const head = table.createTHead().insertRow();
    for (const title of [words.row, words.column, words.reason]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = title;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const e of list) {
      const tr = body.insertRow();
      for (const value of [e.row, e.column, e.reason]) tr.insertCell().textContent = value;
    }
    errors.replaceChildren(table);
    if (more > 0) {
      const p = document.createElement('p');
      p.textContent = fill(words.more, more);
      errors.appendChild(p);
    }
    errors.hidden = false;
  };

  const upload = (kind, data) => new Promise((resolve, reject) => {
    // XMLHttpRequest rather than fetch: only it reports upload progress.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/lists/imports/${kind}`);
    xhr.upload.onprogress = e => { if (e.lengthComputable) show(words.uploading, e.loaded, e.total); };
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(data);
  });

  const follow = async id => {
    for (;;) {
      const response = await fetch(`/api/v1/lists/imports/${id}`, { credentials: 'same-origin' });
      const job = await response.json();
      if (job.status === 'checking') show(words.checking, job.checkedRows, job.totalRows);
      else if (job.status === 'writing') show(words.writing, job.writtenRows, job.totalRows);
      else return job;
      await new Promise(r => setTimeout(r, 500));
    }
  };

  form.addEventListener('submit', async event => {
    event.preventDefault();
    errors.hidden = true;
    outcome.textContent = '';
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const kind = form.querySelector('input[name=kind]:checked').value;
      const data = new FormData();
      data.append('file', document.getElementById('import-file').files[0]);
      const started = await upload(kind, data);
      if (started.status !== 202) {
        const problem = started.body || {};
        const reasons = problem.errors ? Object.values(problem.errors).flat().join('; ') : (problem.detail || started.status);
        outcome.textContent = words.failed + reasons;
        return;
      }
      const job = await follow(started.body.id);
      if (job.status === 'done') {
        show(words.writing, job.writtenRows, job.totalRows);
        outcome.textContent = fill(words.done, job.writtenRows);
      } else if (job.status === 'refused') {
        box.hidden = true;
        outcome.textContent = fill(words.refused, job.errors.length + job.moreErrors);
        listErrors(job.errors, job.moreErrors);
      } else {
        outcome.textContent = words.failed + (job.reason || '');
      }
    } catch (e) {
      outcome.textContent = words.failed + e.message;
    } finally {
      button.disabled = false;
    }
  });
})();
