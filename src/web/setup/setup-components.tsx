/** Building blocks of the setup wizard's pages: the shell with its steps, the lines, form fields. */
import type { Child } from 'hono/jsx';

import type { OrganizationOption } from '../../app/setup/find-organizations-for-setup.js';
import type { SetupLine, SetupView } from '../../app/setup/open-setup-link.js';
import { INTL_LOCALES, type Language } from '../../domain/types.js';
import { Layout, type PageContext } from '../layout.js';

export const STEPS = ['who', 'organization', 'country', 'review'] as const;
export type Step = (typeof STEPS)[number];

const displayNames = new Map<Language, Intl.DisplayNames>();

/** "Italy" / "Italia" for IT. */
export function countryName(language: Language, code: string | null): string {
  if (!code) return '';
  let names = displayNames.get(language);
  if (!names) displayNames.set(language, (names = new Intl.DisplayNames([language], { type: 'region' })));
  return names.of(code) ?? code;
}

export function regionName(ctx: PageContext, region: string | null): string {
  return region ? ctx.t(`setup:region.${region}`, { defaultValue: region }) : ctx.t('setup:admin.notSet');
}

export function formatNumber(ctx: PageContext, n: number): string {
  return new Intl.NumberFormat(INTL_LOCALES[ctx.language]).format(n);
}

function Steps(props: { ctx: PageContext; step: Step }) {
  const { ctx } = props;
  const current = STEPS.indexOf(props.step);
  return (
    <ol class="setup-steps" aria-label={ctx.t('setup:steps.label')}>
      {STEPS.map((s, i) => (
        <li
          class={i < current ? 'done' : i === current ? 'current' : ''}
          aria-current={i === current ? 'step' : undefined}
        >
          <span class="setup-step-number" aria-hidden="true">
            {i + 1}
          </span>
          <span>
            {ctx.t(`setup:steps.${s}`)}
            {i < current && <span class="visually-hidden"> ({ctx.t('setup:steps.done')})</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Every wizard step: the order it is about, where the visitor is, and the step's own card. */
export function WizardPage(props: {
  ctx: PageContext;
  view: SetupView;
  step: Step;
  heading: string;
  children: Child;
}) {
  const { ctx, view } = props;
  return (
    <Layout ctx={ctx} title={`${props.heading} · ${ctx.t('setup:title')}`}>
      <div class="setup">
        <h1>{ctx.t('setup:title')}</h1>
        <p class="muted setup-order">
          {ctx.t('setup:orderLine', {
            webOrderId: view.order.webOrderId,
            endCustomerName: view.order.endCustomerName,
            partnerName: view.order.partnerName,
          })}
        </p>
        <Steps ctx={ctx} step={props.step} />
        <section class="card setup-card" aria-labelledby="step-heading">
          <h2 id="step-heading">{props.heading}</h2>
          {props.children}
        </section>
      </div>
    </Layout>
  );
}

/** A page of the setup flow that is not a step (dead link, done, delegated). */
export function SetupPage(props: { ctx: PageContext; heading: string; children: Child }) {
  return (
    <Layout ctx={props.ctx} title={props.heading}>
      <div class="setup">
        <h1>{props.heading}</h1>
        {props.children}
      </div>
    </Layout>
  );
}

export function LinesTable(props: {
  ctx: PageContext;
  webOrderId: string;
  lines: Pick<SetupLine, 'subscriptionId' | 'offerCode' | 'offerName' | 'quantity'>[];
}) {
  const { ctx } = props;
  return (
    <div class="table-wrap">
      <table class="data stack">
        <caption class="setup-caption">
          {ctx.t('setup:lines.caption', { webOrderId: props.webOrderId })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('setup:lines.subscription')}</th>
            <th scope="col">{ctx.t('setup:lines.offer')}</th>
            <th scope="col" class="num">
              {ctx.t('setup:lines.licences')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((l) => (
            <tr>
              <td data-label={ctx.t('setup:lines.subscription')}>{l.subscriptionId}</td>
              <td data-label={ctx.t('setup:lines.offer')}>
                {l.offerName} <span class="muted">({l.offerCode})</span>
              </td>
              <td data-label={ctx.t('setup:lines.licences')} class="num">
                {formatNumber(ctx, l.quantity)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A labelled text input with its error, wired for screen readers. */
export function TextField(props: {
  id: string;
  label: string;
  value?: string;
  type?: 'text' | 'email' | 'password';
  error?: string | undefined;
  hint?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  minlength?: number;
}) {
  const described = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean);
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        required={props.required ?? true}
        maxlength={props.maxlength ?? 200}
        minlength={props.minlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described.length > 0 ? described.join(' ') : undefined}
      />
    </div>
  );
}

/** A step's buttons: go on (submit) and the link back to where the previous answer can change. */
export function StepActions(props: { submit: string; back: string; backHref: string }) {
  return (
    <div class="actions">
      <button type="submit">{props.submit}</button>
      <a class="button secondary" href={props.backHref}>
        {props.back}
      </a>
    </div>
  );
}

/** A page-level problem, announced when the page loads. */
export function ErrorNotice(props: { text: string | undefined }) {
  return props.text ? (
    <p class="notice bad" role="alert">
      {props.text}
    </p>
  ) : null;
}

/** "Created 1 December 2026 · 12 active subscriptions · 2 administrators": counts, never people. */
export function OrganizationStats(props: {
  ctx: PageContext;
  organization: Pick<OrganizationOption, 'createdAt' | 'activeSubscriptions' | 'administrators'>;
}) {
  const { ctx, organization: o } = props;
  const created = o.createdAt
    ? new Intl.DateTimeFormat(INTL_LOCALES[ctx.language], {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(o.createdAt))
    : '';
  return (
    <span class="muted setup-facts setup-stats">
      {[
        ...(created ? [ctx.t('setup:organization.created', { date: created })] : []),
        ctx.t('setup:organization.activeSubscriptions', { count: o.activeSubscriptions }),
        ctx.t('setup:organization.administrators', { count: o.administrators }),
      ].join(' · ')}
    </span>
  );
}
