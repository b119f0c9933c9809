/**
 * Actions that ask first. Without JavaScript the form posts at once; with it, app.js
 * (data-confirm) opens the <dialog> and posts only on its Yes button.
 */
import type { Child } from 'hono/jsx';

import { CsrfField, type PageContext } from './layout.js';

export function ConfirmDialog(props: {
  id: string;
  title: string;
  yes: string;
  no: string;
  /** The Yes button's class, for a destructive action ('danger'). */
  yesClass?: string;
  children: Child;
}) {
  return (
    <dialog id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
      <div class="actions">
        <button type="button" class={props.yesClass} data-confirm-yes>
          {props.yes}
        </button>
        <button type="button" class="secondary" data-confirm-no>
          {props.no}
        </button>
      </div>
    </dialog>
  );
}

/** A small inline form of one button, confirmed in a dialog whose body is the children. */
export function ConfirmedPost(props: {
  ctx: PageContext;
  id: string;
  action: string;
  button: Child;
  /** The button's accessible name when its text alone would not say which row it acts on. */
  buttonLabel?: string;
  title: string;
  yes: string;
  no: string;
  children: Child;
}) {
  return (
    <>
      <form method="post" action={props.action} class="inline" data-confirm={props.id}>
        <CsrfField ctx={props.ctx} />
        <button type="submit" class="secondary small" aria-label={props.buttonLabel}>
          {props.button}
        </button>
      </form>
      <ConfirmDialog id={props.id} title={props.title} yes={props.yes} no={props.no}>
        {props.children}
      </ConfirmDialog>
    </>
  );
}
