/**
 * Roll and Revoke for one token row. Roll is a link to a confirmation page with the grace-period
 * choice; with JavaScript it opens the same form in a <dialog>. Revoke posts at once without
 * JavaScript and asks in a <dialog> first with it (app.js: data-confirm).
 */
import type { ApiTokenView } from '../../app/identity/list-api-tokens.js';
import { GRACE_CHOICES } from '../../domain/api-token-rules.js';
import { ConfirmedPost } from '../confirm-dialog.js';
import { CsrfField, type PageContext } from '../layout.js';
import { TOKENS_PATH } from './token-paths.js';

const DEFAULT_GRACE_DAYS = 1;
const rollDialogId = (tokenId: string) => `roll-${tokenId}`;
const revokeDialogId = (tokenId: string) => `revoke-${tokenId}`;
export const rollPath = (tokenId: string) => `${TOKENS_PATH}/${encodeURIComponent(tokenId)}/roll`;

/** The grace-period choice and the Roll button; Cancel closes the dialog or goes back. */
export function RollForm(props: { ctx: PageContext; token: ApiTokenView; inDialog: boolean }) {
  const { ctx, token } = props;
  const { t } = ctx;
  const selectId = `grace-${token.tokenId}${props.inDialog ? '-dialog' : ''}`;
  return (
    <form method="post" action={rollPath(token.tokenId)}>
      <CsrfField ctx={ctx} />
      <label for={selectId}>{t('tokens:roll.grace')}</label>
      <select id={selectId} name="graceDays">
        {GRACE_CHOICES.map((days) => (
          <option value={String(days)} selected={days === DEFAULT_GRACE_DAYS}>
            {days === 0 ? t('tokens:roll.graceNone') : t('tokens:roll.graceDays', { count: days })}
          </option>
        ))}
      </select>
      <div class="actions">
        <button type="submit">{t('tokens:roll.yes')}</button>
        {props.inDialog ? (
          <button type="button" class="secondary" data-close-dialog>
            {t('tokens:roll.no')}
          </button>
        ) : (
          <a class="button secondary" href={TOKENS_PATH}>
            {t('tokens:roll.no')}
          </a>
        )}
      </div>
    </form>
  );
}

function RollDialog(props: { ctx: PageContext; token: ApiTokenView }) {
  const id = rollDialogId(props.token.tokenId);
  return (
    <dialog id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.ctx.t('tokens:roll.title', { name: props.token.name })}</h2>
      <p>{props.ctx.t('tokens:roll.body')}</p>
      <RollForm ctx={props.ctx} token={props.token} inDialog />
    </dialog>
  );
}

function RevokeForm(props: { ctx: PageContext; token: ApiTokenView }) {
  const { ctx, token } = props;
  const { t } = ctx;
  const id = revokeDialogId(token.tokenId);
  return (
    <ConfirmedPost
      ctx={ctx}
      id={id}
      action={`${TOKENS_PATH}/${encodeURIComponent(token.tokenId)}/revoke`}
      button={
        <>
          {t('tokens:revoke.action')}
          <span class="sr-only"> {token.name}</span>
        </>
      }
      title={t('tokens:revoke.title', { name: token.name })}
      yes={t('tokens:revoke.yes')}
      no={t('tokens:revoke.no')}
    >
      <p>{t('tokens:revoke.body')}</p>
    </ConfirmedPost>
  );
}

/** What a row offers: an active token rolls and revokes; a rolled one (in grace) revokes. */
export function TokenActions(props: { ctx: PageContext; token: ApiTokenView }) {
  const { ctx, token } = props;
  if (token.status !== 'active' && token.status !== 'rolled') return <span class="muted">—</span>;
  return (
    <div class="line-actions">
      {token.status === 'active' && (
        <>
          <a
            class="button small"
            href={rollPath(token.tokenId)}
            data-open-dialog={rollDialogId(token.tokenId)}
          >
            {ctx.t('tokens:roll.action')}
            <span class="sr-only"> {token.name}</span>
          </a>
          <RollDialog ctx={ctx} token={token} />
        </>
      )}
      <RevokeForm ctx={ctx} token={token} />
    </div>
  );
}
