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
