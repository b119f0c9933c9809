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
