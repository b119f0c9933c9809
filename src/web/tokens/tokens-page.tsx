/**
 * /settings/tokens: the signed-in user's API tokens, the create form, and a new token shown once
 * (after a create or a roll); plus the Roll confirmation page for browsers without JavaScript.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { ApiTokenView } from '../../app/identity/list-api-tokens.js';
import { DEFAULT_EXPIRY_DAYS, EXPIRY_CHOICES, TOKEN_PREFIX } from '../../domain/api-token-rules.js';
import { DataTable } from '../data-table.js';
import { FieldError } from '../field-note.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { formatDateTime, type PageResponse, type WebContext } from '../workspace/workspace-support.js';
import type { NewTokenFlash } from './new-token-flash.js';
import { RollForm, TokenActions } from './token-actions.js';
import { TOKENS_PATH } from './token-paths.js';

export type TokenField = 'name' | 'expiresInDays' | 'access';
export interface TokenForm {
  values: { name: string; expiresInDays: string; access: string };
  errors: Partial<Record<TokenField, string>>;
  /** A refusal of the whole form (the per-user limit). */
  problem?: string;
}

const EMPTY_FORM: TokenForm = {
  values: { name: '', expiresInDays: String(DEFAULT_EXPIRY_DAYS), access: 'read_write' },
  errors: {},
};

/** `onr_…abcd`: enough to tell tokens apart, nothing to use. */
const masked = (hint: string) => (hint ? `${TOKEN_PREFIX}…${hint}` : '—');

function When(props: { ctx: PageContext; iso: string | null; none: string }) {
  if (!props.iso) return <span class="muted">{props.none}</span>;
  return <time datetime={props.iso}>{formatDateTime(props.iso, props.ctx.language)}</time>;
}

function TokensTable(props: { ctx: PageContext; tokens: ApiTokenView[] }) {
  const { ctx } = props;
  const { t } = ctx;
  const col = (key: string) => t(`tokens:list.col.${key}`);
  if (props.tokens.length === 0) return <p class="muted">{t('tokens:list.none')}</p>;
  return (
    <DataTable
      class="tokens"
      caption={t('tokens:list.title')}
      columns={['name', 'scope', 'token', 'created', 'expires', 'lastUsed', 'status', 'actions'].map(col)}
    >
      {props.tokens.map((tok) => (
        <tr id={`token-${tok.tokenId}`}>
          <td data-label={col('name')}>{tok.name}</td>
          <td data-label={col('scope')}>
            {t(tok.readOnly ? 'tokens:scope.readOnly' : 'tokens:scope.readWrite')}
          </td>
          <td data-label={col('token')}>
            <code>{masked(tok.hint)}</code>
          </td>
          <td data-label={col('created')}>
            <When ctx={ctx} iso={tok.createdAt} none="—" />
          </td>
          <td data-label={col('expires')}>
            <When ctx={ctx} iso={tok.expiresAt} none={t('tokens:list.never')} />
          </td>
          <td data-label={col('lastUsed')}>
            <When ctx={ctx} iso={tok.lastUsedAt} none={t('tokens:list.neverUsed')} />
          </td>
          <td data-label={col('status')}>
            <span class={`badge token-${tok.status}`}>{t(`tokens:status.${tok.status}`)}</span>
          </td>
          <td data-label={col('actions')}>
            <TokenActions ctx={ctx} token={tok} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The secret, this once, in a read-only field that is easy to select and copy. */
function NewToken(props: { ctx: PageContext; flash: NewTokenFlash }) {
  const { ctx, flash } = props;
  const { t } = ctx;
  const previous = flash.previousExpiresAt;
  return (
    <div class="notice ok new-token" role="status">
      <p>
        <strong>{t(`tokens:shown.${flash.kind}`, { name: flash.name })}</strong>
      </p>
      <label for="new-token">{t('tokens:shown.label')}</label>
      <input
        id="new-token"
        type="text"
        class="token-secret"
        readonly
        value={flash.token}
        autocomplete="off"
        spellcheck={false}
        aria-describedby="new-token-hint new-token-warning"
      />
      <p id="new-token-hint" class="hint">
        {t('tokens:shown.copyHint')}
      </p>
      <p id="new-token-warning" class="notice warn">
        {t('tokens:shown.warning')}
      </p>
      {previous !== undefined && (
        <p>
          {flash.previousStopped
            ? t('tokens:shown.previousStopped')
            : t('tokens:shown.previousUntil', { date: formatDateTime(previous, ctx.language) })}
        </p>
      )}
    </div>
  );
}

function CreateForm(props: { ctx: PageContext; form: TokenForm }) {
  const { ctx, form } = props;
  const { t } = ctx;
  const { errors, values } = form;
  const invalid = (f: TokenField) => (errors[f] ? 'true' : undefined);
  return (
    <form method="post" action={TOKENS_PATH} novalidate>
      <CsrfField ctx={ctx} />
      <label for="token-name">{t('tokens:create.name')}</label>
      <input
        id="token-name"
        name="name"
        type="text"
        required
        maxlength={100}
        autocomplete="off"
        value={values.name}
        aria-invalid={invalid('name')}
        aria-describedby={errors.name ? 'token-name-error' : 'token-name-hint'}
      />
      {errors.name ? (
        <FieldError id="token-name-error" error={errors.name} />
      ) : (
        <p id="token-name-hint" class="hint">
          {t('tokens:create.nameHint')}
        </p>
      )}
      <label for="token-expiry">{t('tokens:create.expiry')}</label>
      <select
        id="token-expiry"
        name="expiresInDays"
        aria-invalid={invalid('expiresInDays')}
        aria-describedby={errors.expiresInDays ? 'token-expiry-error' : undefined}
      >
        {EXPIRY_CHOICES.map((days) => (
          <option value={String(days)} selected={values.expiresInDays === String(days)}>
            {t('tokens:create.days', { count: days })}
          </option>
        ))}
      </select>
      <FieldError id="token-expiry-error" error={errors.expiresInDays} />
      <fieldset class="token-access" aria-describedby={errors.access ? 'token-access-error' : undefined}>
        <legend>{t('tokens:create.access')}</legend>
        {(['read_write', 'read_only'] as const).map((access) => (
          <label class="check">
            <input type="radio" name="access" value={access} checked={values.access === access} />
            {t(access === 'read_only' ? 'tokens:create.readOnly' : 'tokens:create.readWrite')}
          </label>
        ))}
        <FieldError id="token-access-error" error={errors.access} />
      </fieldset>
      <div class="actions">
        <button type="submit">{t('tokens:create.submit')}</button>
      </div>
    </form>
  );
}

export function tokensPage(
  c: WebContext,
  tokens: ApiTokenView[],
  opts: { form?: TokenForm; flash?: NewTokenFlash | null; notice?: 'revoked'; problem?: string } = {},
  status: ContentfulStatusCode = 200,
): PageResponse {
  const ctx = pageContext(c);
  const { t } = ctx;
  const form = opts.form ?? EMPTY_FORM;
  const errors = Object.values(form.errors);
  const problem = form.problem ?? opts.problem;
  // A page holding a secret must not be kept by the browser or a proxy.
  if (opts.flash) c.header('Cache-Control', 'no-store');
  return c.html(
    <Layout ctx={ctx} title={t('tokens:title')}>
      <h1>{t('tokens:title')}</h1>
      {opts.flash && <NewToken ctx={ctx} flash={opts.flash} />}
      {opts.notice === 'revoked' && (
        <p class="notice ok" role="status">
          {t('tokens:revoke.done')}
        </p>
      )}
      {problem && !opts.form && (
        <p class="notice bad" role="alert">
          {problem}
        </p>
      )}
      <p class="lead">{t('tokens:intro')}</p>
      <section class="card titled" aria-labelledby="tokens-list">
        <h2 id="tokens-list">{t('tokens:list.title')}</h2>
        <TokensTable ctx={ctx} tokens={tokens} />
      </section>
      <section class="card titled narrow" aria-labelledby="tokens-create">
        <h2 id="tokens-create">{t('tokens:create.title')}</h2>
        {(errors.length > 0 || form.problem) && (
          <div class="notice bad" role="alert">
            {form.problem ? <p>{form.problem}</p> : errors.map((e) => <p>{e}</p>)}
          </div>
        )}
        <CreateForm ctx={ctx} form={form} />
      </section>
    </Layout>,
    status,
  );
}

/** Roll without JavaScript: the same form as the dialog, on a page of its own. */
export function rollPage(c: WebContext, token: ApiTokenView): PageResponse {
  const ctx = pageContext(c);
  const title = ctx.t('tokens:roll.title', { name: token.name });
  return c.html(
    <Layout ctx={ctx} title={title}>
      <p class="crumbs">
        <a href={TOKENS_PATH}>{ctx.t('tokens:title')}</a>
      </p>
      <h1>{title}</h1>
      <section class="card narrow">
        <p>
          <code>{masked(token.hint)}</code>
        </p>
        <p>{ctx.t('tokens:roll.body')}</p>
        <RollForm ctx={ctx} token={token} inDialog={false} />
      </section>
    </Layout>,
  );
}
