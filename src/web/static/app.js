// Progressive enhancement only: every form works without this file.
// A form with data-confirm="ID" opens <dialog id="ID"> first; its [data-confirm-yes] button
// submits the form, [data-confirm-no] closes the dialog.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.confirm || form.dataset.confirmed === 'yes') return;
  const dialog = document.getElementById(form.dataset.confirm);
  if (!(dialog instanceof HTMLDialogElement)) return;
  event.preventDefault();
  const yes = dialog.querySelector('[data-confirm-yes]');
  const no = dialog.querySelector('[data-confirm-no]');
  const onYes = () => {
    form.dataset.confirmed = 'yes';
    dialog.close();
    form.requestSubmit();
  };
  yes?.addEventListener('click', onYes, { once: true });
  no?.addEventListener('click', () => dialog.close(), { once: true });
  dialog.addEventListener('close', () => yes?.removeEventListener('click', onYes), { once: true });
  dialog.showModal();
});
// Buttons with data-open-dialog="ID" open that dialog (e.g. the PONR explanation).
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-open-dialog]') : null;
  if (!button) return;
  const dialog = document.getElementById(button.getAttribute('data-open-dialog') ?? '');
  if (dialog instanceof HTMLDialogElement) {
    event.preventDefault();
    dialog.showModal();
  }
});
document.addEventListener('click', (event) => {
  const closer = event.target instanceof Element ? event.target.closest('[data-close-dialog]') : null;
  const dialog = closer?.closest('dialog');
  if (dialog instanceof HTMLDialogElement) dialog.close();
});
// The country list (every ISO country): a search field narrows the <select> as the visitor types.
// Options are removed and put back rather than hidden, which not every browser honours in a select.
for (const box of document.querySelectorAll('[data-country-filter]')) {
  const select = document.getElementById(box.getAttribute('data-country-filter') ?? '');
  const input = box.querySelector('input');
  if (!(select instanceof HTMLSelectElement) || !(input instanceof HTMLInputElement)) continue;
  const [placeholder, ...options] = Array.from(select.options);
  const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const labels = new Map(options.map((o) => [o, fold(o.text)]));
  box.hidden = false;
  input.addEventListener('input', () => {
    const wanted = fold(input.value.trim());
    const matches = options.filter((o) => labels.get(o)?.includes(wanted));
    const chosen = select.value;
    select.replaceChildren(...(placeholder ? [placeholder] : []), ...matches);
    if (matches.length === 1) select.value = matches[0].value;
    else if (matches.some((o) => o.value === chosen)) select.value = chosen;
    else select.value = '';
  });
}

// A background import's progress page: follow it without reloading (the page's meta refresh is
// for browsers without JavaScript), then reload once it is done to show the result.
const importProgress = document.querySelector('[data-import-progress]');
if (importProgress) {
  const url = importProgress.getAttribute('data-import-progress') ?? '';
  const bar = importProgress.querySelector('progress');
  const rows = importProgress.querySelector('[data-rows]');
  const follow = async () => {
    try {
      const response = await window.fetch(url, { headers: { accept: 'application/json' } });
      if (response.ok) {
        const state = await response.json();
        if (state.status === 'done' || state.status === 'failed') return window.location.reload();
        if (bar) bar.value = state.doneRows;
        if (rows) rows.textContent = state.rows;
      }
    } catch {
      // A network hiccup: try again at the next tick.
    }
    window.setTimeout(follow, 1000);
  };
  window.setTimeout(follow, 1000);
}
