/**
 * The new-order page, for those who may place orders (a form, no script needed):
 *   GET  /orders/new   the form: order fields and a fixed number of line rows
 *   POST /orders/new   place it through the API's use case, then off to the order (PRG); field
 *                      errors are shown next to their fields, with everything typed kept
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppDeps } from '../../app/deps.js';
import { type NewOrderChoices, newOrderChoices } from '../../app/orders/new-order-choices.js';
import { placeOrder } from '../../app/orders/place-order.js';
import { invalidInput, isAppError } from '../../domain/errors.js';
import { LANGUAGE_NAMES, LANGUAGES } from '../../domain/types.js';
import { errorMessage } from '../../i18n/error-message.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { WebApp } from '../web-env.js';
import {
  emptyOrderValues,
  type FieldErrors,
  fieldErrors,
  type OrderValues,
  orderValuesOf,
  parseOrder,
} from './new-order-form.js';
import { RefusalMessage } from './refusal.js';
import { orderPath, type PageResponse, signedIn, type WebContext } from './workspace-support.js';

export const NEW_ORDER_PATH = '/orders/new';

const idOf = (name: string) => `f-${name.replace(/\./g, '-')}`;

/** The ARIA wiring of a field: invalid and described by its error, or by its hint. */
function described(name: string, errors: FieldErrors, hint?: string) {
  const error = errors[name];
  return {
    id: idOf(name),
    name,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${idOf(name)}-error` : hint,
  };
}

function ErrorOf(props: { name: string; errors: FieldErrors }) {
  const error = props.errors[props.name];
  return error ? (
    <p id={`${idOf(props.name)}-error`} class="field-error">
      {error}
    </p>
  ) : null;
}

function Text(props: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string;
  errors: FieldErrors;
  type?: 'text' | 'email' | 'date';
  autocomplete?: string;
  hint?: string;
}) {
  const hintId = props.hint ? `${idOf(props.name)}-hint` : undefined;
  return (
    <div class="field">
      <label for={idOf(props.name)}>{props.label}</label>
      <input
        {...described(props.name, props.errors, hintId)}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete ?? 'off'}
      />
      {props.hint && !props.errors[props.name] && (
        <p id={hintId} class="muted small">
          {props.hint}
        </p>
      )}
      <ErrorOf name={props.name} errors={props.errors} />
    </div>
  );
}

function LineRow(props: {
  ctx: PageContext;
  i: number;
  values: OrderValues['lines'][number];
  errors: FieldErrors;
  choices: NewOrderChoices;
}) {
  const { ctx, i, values, errors } = props;
  const { t } = ctx;
  const f = (field: string) => `lines.${i}.${field}`;
  return (
    <fieldset class="order-line card">
      <legend>{t('workspace:newOrder.line', { n: i + 1 })}</legend>
      <div class="field">
        <label for={idOf(f('offerCode'))}>{t('workspace:newOrder.offer')}</label>
        <select {...described(f('offerCode'), errors)}>
          <option value="">{t('workspace:newOrder.chooseOffer')}</option>
          {props.choices.offers.map((o) => (
            <option value={o.code} selected={values.offerCode === o.code}>
              {o.name} ({o.code})
            </option>
          ))}
        </select>
        <ErrorOf name={f('offerCode')} errors={errors} />
      </div>
      <div class="field">
        <label for={idOf(f('quantity'))}>{t('workspace:newOrder.quantity')}</label>
        <input
          {...described(f('quantity'), errors)}
          type="text"
          inputmode="numeric"
          value={values.quantity}
        />
        <ErrorOf name={f('quantity')} errors={errors} />
      </div>
      <Text
        ctx={ctx}
        name={f('name')}
        label={t('workspace:newOrder.contactName')}
        value={values.name}
        errors={errors}
      />
      <Text
        ctx={ctx}
        name={f('email')}
        type="email"
        label={t('workspace:newOrder.contactEmail')}
        value={values.email}
        errors={errors}
      />
      <div class="field">
        <label for={idOf(f('language'))}>{t('workspace:newOrder.contactLanguage')}</label>
        <select {...described(f('language'), errors)}>
          {LANGUAGES.map((l) => (
            <option value={l} lang={l} selected={values.language === l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        <ErrorOf name={f('language')} errors={errors} />
      </div>
    </fieldset>
  );
}

function newOrderPage(
  c: WebContext,
  choices: NewOrderChoices,
  values: OrderValues,
  errors: FieldErrors,
  status: ContentfulStatusCode = 200,
): PageResponse {
  const ctx = pageContext(c);
  const { t } = ctx;
  const invalid = Object.keys(errors).length > 0;
  return c.html(
    <Layout ctx={ctx} title={t('workspace:newOrder.title')}>
      <h1>{t('workspace:newOrder.title')}</h1>
      <p class="muted">{t('workspace:newOrder.intro')}</p>
      {invalid && (
        <div class="notice bad" role="alert">
          <RefusalMessage ctx={ctx} error={invalidInput([])} />
        </div>
      )}
      <form method="post" action={NEW_ORDER_PATH} class="new-order" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset class="card">
          <legend>{t('workspace:newOrder.order')}</legend>
          <Text
            ctx={ctx}
            name="webOrderId"
            label={t('workspace:newOrder.webOrderId')}
            value={values.webOrderId}
            errors={errors}
            hint={t('workspace:newOrder.webOrderIdHint')}
          />
          <Text
            ctx={ctx}
            name="endCustomerName"
            label={t('workspace:newOrder.endCustomerName')}
            value={values.endCustomerName}
            errors={errors}
            autocomplete="organization"
          />
          <Text
            ctx={ctx}
            name="rsd"
            type="date"
            label={t('workspace:newOrder.rsd')}
            value={values.rsd}
            errors={errors}
          />
          <div class="field">
            <label for={idOf('distributorId')}>{t('workspace:newOrder.distributor')}</label>
            <select {...described('distributorId', errors)}>
              <option value="">{t('workspace:newOrder.noDistributor')}</option>
              {choices.distributors.map((d) => (
                <option value={d.id} selected={values.distributorId === d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            <ErrorOf name="distributorId" errors={errors} />
          </div>
        </fieldset>
        <h2>{t('workspace:newOrder.lines')}</h2>
        <p
          id={errors['lines'] ? `${idOf('lines')}-error` : undefined}
          class={errors['lines'] ? 'field-error' : 'muted'}
        >
          {errors['lines'] ?? t('workspace:newOrder.linesHint')}
        </p>
        {values.lines.map((line, i) => (
          <LineRow ctx={ctx} i={i} values={line} errors={errors} choices={choices} />
        ))}
        <div class="actions">
          <button type="submit">{t('workspace:newOrder.place')}</button>
          <a class="button secondary" href="/orders">
            {t('workspace:common.cancel')}
          </a>
        </div>
      </form>
    </Layout>,
    status,
  );
}

export function registerNewOrderRoutes(app: WebApp, deps: AppDeps): void {
  app.get(
    NEW_ORDER_PATH,
    signedIn(async (c, user) => {
      const choices = await newOrderChoices(deps, user);
      return newOrderPage(c, choices, emptyOrderValues(c.get('language')), {});
    }),
  );

  app.post(
    NEW_ORDER_PATH,
    signedIn(async (c, user) => {
      const choices = await newOrderChoices(deps, user);
      const t = c.get('t');
      const values = orderValuesOf(await c.req.parseBody(), c.get('language'));
      const parsed = parseOrder(values, t);
      if ('errors' in parsed) return newOrderPage(c, choices, values, parsed.errors, 400);
      try {
        const placed = await placeOrder(deps, user, parsed.input);
        return c.redirect(orderPath(placed), 303);
      } catch (e) {
        // The use case's own checks (past dates, retired offers, a duplicate id) stay on the form.
        if (isAppError(e, 'INVALID_INPUT'))
          return newOrderPage(c, choices, values, fieldErrors(e.details.issues, parsed.rows, t), 400);
        if (isAppError(e, 'DUPLICATE_WEB_ORDER_ID')) {
          const message = errorMessage(e, c.get('language'), pageContext(c).brand);
          return newOrderPage(c, choices, values, { webOrderId: message }, 409);
        }
        throw e;
      }
    }),
  );
}
