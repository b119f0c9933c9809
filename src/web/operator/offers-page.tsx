/**
 * /operator/offers pages: the catalogue with the add form, and one offer's edit page. Retire and
 * reinstate ask in a <dialog> when scripts run (the form posts on its own without them).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { OfferView } from '../../app/orders/list-offers.js';
import type { AppError } from '../../domain/errors.js';
import { ConfirmedPost } from '../confirm-dialog.js';
import { DataTable } from '../data-table.js';
import { FieldNote, noteIdOf } from '../field-note.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { RefusalMessage } from '../workspace/refusal.js';
import type { PageResponse, WebContext } from '../workspace/workspace-support.js';

export const OFFERS_PATH = '/operator/offers';
export const offerPath = (code: string) => `${OFFERS_PATH}/${encodeURIComponent(code)}`;

export type OfferField = 'code' | 'name' | 'policyDays';
export type OfferValues = Record<OfferField, string>;

export interface OfferForm {
  values: OfferValues;
  errors: Partial<Record<OfferField, string>>;
  refusal?: AppError;
}

export const EMPTY_OFFER_FORM: OfferForm = { values: { code: '', name: '', policyDays: '' }, errors: {} };

/** The one-shot notice after a change (Post/Redirect/Get): which change, and the offer's code. */
export type OfferNotice = { kind: 'added' | 'changed' | 'retired' | 'reinstated'; code: string };

const NOTICE_KEY = { added: 'add', changed: 'edit', retired: 'retire', reinstated: 'reinstate' } as const;

function Field(props: {
  ctx: PageContext;
  field: OfferField;
  form: OfferForm;
  prefix: string;
  hint?: boolean;
}) {
  const { ctx, field, form } = props;
  const error = form.errors[field];
  const id = `${props.prefix}-${field}`;
  const invalid = error || (field === 'code' && form.refusal);
  const hint = props.hint ? ctx.t(`offers:hint.${field}`) : undefined;
  return (
    <>
      <label for={id}>{ctx.t(`offers:field.${field}`)}</label>
      <input
        id={id}
        name={field}
        type={field === 'policyDays' ? 'number' : 'text'}
        inputmode={field === 'policyDays' ? 'numeric' : undefined}
        min={field === 'policyDays' ? '1' : undefined}
        max={field === 'policyDays' ? '365' : undefined}
        autocomplete="off"
        required
        value={form.values[field]}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={noteIdOf(id, error, hint)}
      />
      <FieldNote id={id} error={error} hint={hint} />
    </>
  );
}

function FormProblems(props: { ctx: PageContext; form: OfferForm }) {
  const { form } = props;
  if (!form.refusal && Object.keys(form.errors).length === 0) return null;
  return (
    <div class="notice bad" role="alert">
      {form.refusal ? (
        <RefusalMessage ctx={props.ctx} error={form.refusal} />
      ) : (
        Object.values(form.errors).map((e) => <p>{e}</p>)
      )}
    </div>
  );
}

/** Retire (active offer) or reinstate (retired offer), confirmed in a dialog. */
function StatusForm(props: { ctx: PageContext; offer: OfferView }) {
  const { t } = props.ctx;
  const { code } = props.offer;
  const action = props.offer.active ? 'retire' : 'reinstate';
  const dialogId = `${action}-${code}`;
  return (
    <ConfirmedPost
      ctx={props.ctx}
      id={dialogId}
      action={`${offerPath(code)}/${action}`}
      button={t(`offers:${action}.button`)}
      buttonLabel={t(`offers:${action}.buttonLabel`, { code })}
      title={t(`offers:${action}.title`, { code })}
      yes={t(`offers:${action}.yes`)}
      no={t(`offers:${action}.no`)}
    >
      <p>{props.offer.name}</p>
      <p>{t(`offers:${action}.body`)}</p>
    </ConfirmedPost>
  );
}

function StatusBadge(props: { ctx: PageContext; active: boolean }) {
  return (
    <span class={`badge ${props.active ? 'offer-active' : 'offer-retired'}`}>
      {props.ctx.t(`offers:status.${props.active ? 'active' : 'retired'}`)}
    </span>
  );
}

function CatalogueTable(props: { ctx: PageContext; offers: OfferView[] }) {
  const { t } = props.ctx;
  const col = (key: string) => t(`offers:col.${key}`);
  if (props.offers.length === 0) return <p class="muted">{t('offers:none')}</p>;
  return (
    <DataTable
      class="offers"
      caption={t('offers:catalogue')}
      columns={['code', 'name', 'period', 'status', 'actions'].map(col)}
    >
      {props.offers.map((o) => (
        <tr class={o.active ? undefined : 'retired'}>
          <td data-label={col('code')}>
            <code>{o.code}</code>
          </td>
          <td data-label={col('name')}>{o.name}</td>
          <td data-label={col('period')}>{t('offers:days', { count: o.policyDays })}</td>
          <td data-label={col('status')}>
            <StatusBadge ctx={props.ctx} active={o.active} />
          </td>
          <td data-label={col('actions')}>
            <div class="line-actions">
              <a href={offerPath(o.code)} aria-label={t('offers:edit.linkLabel', { code: o.code })}>
                {t('offers:edit.link')}
              </a>
              <StatusForm ctx={props.ctx} offer={o} />
            </div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function offersPage(
  c: WebContext,
  offers: OfferView[],
  opts: { form?: OfferForm; notice?: OfferNotice } = {},
  status: ContentfulStatusCode = 200,
): PageResponse {
  const ctx = pageContext(c);
  const { t } = ctx;
  const form = opts.form ?? EMPTY_OFFER_FORM;
  return c.html(
    <Layout ctx={ctx} title={t('offers:title')}>
      <h1>{t('offers:title')}</h1>
      {opts.notice && (
        <p class="notice ok" role="status">
          {t(`offers:${NOTICE_KEY[opts.notice.kind]}.done`, { code: opts.notice.code })}
        </p>
      )}
      <p class="lead">{t('offers:intro')}</p>
      <p class="notice warn">{t('offers:periodRule')}</p>
      <section class="card titled" aria-labelledby="offers-catalogue">
        <h2 id="offers-catalogue">{t('offers:catalogue')}</h2>
        <CatalogueTable ctx={ctx} offers={offers} />
      </section>
      <section class="card titled narrow" aria-labelledby="offers-add">
        <h2 id="offers-add">{t('offers:add.title')}</h2>
        <FormProblems ctx={ctx} form={form} />
        <form method="post" action={OFFERS_PATH} novalidate>
          <CsrfField ctx={ctx} />
          <Field ctx={ctx} field="code" form={form} prefix="offer-add" hint />
          <Field ctx={ctx} field="name" form={form} prefix="offer-add" />
          <Field ctx={ctx} field="policyDays" form={form} prefix="offer-add" hint />
          <div class="actions">
            <button type="submit">{t('offers:add.submit')}</button>
          </div>
        </form>
      </section>
    </Layout>,
    status,
  );
}

export function offerEditPage(
  c: WebContext,
  offer: OfferView,
  form?: OfferForm,
  status: ContentfulStatusCode = 200,
): PageResponse {
  const ctx = pageContext(c);
  const { t } = ctx;
  const shown: OfferForm = form ?? {
    values: { code: offer.code, name: offer.name, policyDays: String(offer.policyDays) },
    errors: {},
  };
  const title = t('offers:edit.title', { code: offer.code });
  return c.html(
    <Layout ctx={ctx} title={title}>
      <p class="crumbs">
        <a href={OFFERS_PATH}>{t('offers:edit.back')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <StatusBadge ctx={ctx} active={offer.active} />
      </p>
      <p class="notice warn">{t('offers:periodRule')}</p>
      <section class="card titled narrow" aria-labelledby="offer-edit">
        <h2 id="offer-edit">{offer.name}</h2>
        <FormProblems ctx={ctx} form={shown} />
        <form method="post" action={offerPath(offer.code)} novalidate>
          <CsrfField ctx={ctx} />
          <Field ctx={ctx} field="name" form={shown} prefix="offer-edit" />
          <Field ctx={ctx} field="policyDays" form={shown} prefix="offer-edit" hint />
          <div class="actions">
            <button type="submit">{t('offers:edit.submit')}</button>
          </div>
        </form>
      </section>
      <section class="card narrow">
        <p>{t(`offers:${offer.active ? 'retire' : 'reinstate'}.body`)}</p>
        <StatusForm ctx={ctx} offer={offer} />
      </section>
    </Layout>,
    status,
  );
}
