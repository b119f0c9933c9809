/**
 * The pages of an invitation link: the accept form (who invited you to which organization as
 * what; name and password), an address that already has an account, a dead link, an expired link
 * with "Send me a new invitation", and the answer to that request.
 */
import type { Child } from 'hono/jsx';

import type { DeadInvitationReason, InvitationLinkView } from '../../app/identity/open-invitation.js';
import { MIN_PASSWORD_LENGTH } from '../../domain/setup-rules.js';
import { CsrfField, Layout, type PageContext } from '../layout.js';
import { formatDateTime } from '../workspace/workspace-support.js';

export type AcceptField = 'name' | 'password' | 'confirm';
export interface AcceptForm {
  name: string;
  errors: Partial<Record<AcceptField, string>>;
}

function InvitationPage(props: { ctx: PageContext; heading: string; children: Child }) {
  return (
    <Layout ctx={props.ctx} title={`${props.heading} · ${props.ctx.t('people:accept.title')}`}>
      <div class="setup">
        <h1>{props.heading}</h1>
        {props.children}
      </div>
    </Layout>
  );
}

function Field(props: {
  ctx: PageContext;
  id: AcceptField;
  type: string;
  label: string;
  autocomplete: string;
  value?: string;
  hint?: string;
  error?: string | undefined;
}) {
  const describedBy = props.error ? `${props.id}-error` : props.hint ? `${props.id}-hint` : undefined;
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        type={props.type}
        autocomplete={props.autocomplete}
        required
        maxlength={props.type === 'password' ? 1000 : 200}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {props.error ? (
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      ) : (
        props.hint && (
          <p id={`${props.id}-hint`} class="muted small">
            {props.hint}
          </p>
        )
      )}
    </>
  );
}

export function AcceptPage(props: {
  ctx: PageContext;
  token: string;
  invitation: InvitationLinkView;
  form?: AcceptForm;
}) {
  const { ctx, invitation: i } = props;
  const { t } = ctx;
  const form = props.form ?? { name: '', errors: {} };
  const invalid = Object.keys(form.errors).length > 0;
  return (
    <InvitationPage ctx={ctx} heading={t('people:accept.heading', { organization: i.organizationName })}>
      <p class="lead" id="invitation-intro">
        {t('people:accept.intro', {
          inviter: i.invitedBy.name,
          organization: i.organizationName,
          role: t(`people:role.${i.role}`),
        })}
      </p>
      <section class="card setup-card narrow" aria-labelledby="accept-heading">
        <h2 id="accept-heading" class="sr-only">
          {t('people:accept.submit')}
        </h2>
        {invalid && (
          <div class="notice bad" role="alert">
            {Object.values(form.errors).map((e) => (
              <p>{e}</p>
            ))}
          </div>
        )}
        <form method="post" action={`/invitations/${props.token}`} novalidate>
          <CsrfField ctx={ctx} />
          <label for="email">{t('people:accept.email')}</label>
          <input id="email" type="email" value={i.email} readonly autocomplete="username" />
          <Field
            ctx={ctx}
            id="name"
            type="text"
            label={t('people:accept.name')}
            autocomplete="name"
            value={form.name}
            error={form.errors.name}
          />
          <Field
            ctx={ctx}
            id="password"
            type="password"
            label={t('people:accept.password')}
            autocomplete="new-password"
            hint={t('people:accept.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            error={form.errors.password}
          />
          <Field
            ctx={ctx}
            id="confirm"
            type="password"
            label={t('people:accept.confirm')}
            autocomplete="new-password"
            error={form.errors.confirm}
          />
          <div class="actions">
            <button type="submit">{t('people:accept.submit')}</button>
          </div>
        </form>
        <p class="muted small">
          {t('people:accept.expiresAt', { expiresAt: formatDateTime(i.expiresAt, ctx.language) })}
        </p>
      </section>
    </InvitationPage>
  );
}

/** The inviter, with a mailto link: whom to ask. */
function Inviter(props: { invitation: InvitationLinkView }) {
  const { name, email } = props.invitation.invitedBy;
  return (
    <p>
      {name}
      {email && (
        <>
          {' · '}
          <a href={`mailto:${email}`}>{email}</a>
        </>
      )}
    </p>
  );
}

export function TakenPage(props: { ctx: PageContext; invitation: InvitationLinkView }) {
  const { ctx, invitation: i } = props;
  const { t } = ctx;
  return (
    <InvitationPage ctx={ctx} heading={t('people:accept.taken.heading')}>
      <div class="notice warn" role="status">
        <p>
          {t('people:accept.taken.text', {
            email: i.email,
            organization: i.organizationName,
            inviter: i.invitedBy.name,
          })}
        </p>
        <Inviter invitation={i} />
      </div>
      <p>
        <a href="/sign-in">{t('people:accept.taken.signIn')}</a>
      </p>
    </InvitationPage>
  );
}

export function DeadInvitationPage(props: { ctx: PageContext; reason: DeadInvitationReason }) {
  const { t } = props.ctx;
  return (
    <InvitationPage ctx={props.ctx} heading={t('people:accept.dead.heading')}>
      <p class="notice warn" id="dead-reason">
        {t(`people:accept.dead.${props.reason}`)}
      </p>
      <p>
        <a href="/sign-in">{t('people:accept.dead.signIn')}</a>
      </p>
    </InvitationPage>
  );
}

export function ExpiredInvitationPage(props: {
  ctx: PageContext;
  token: string;
  invitation: InvitationLinkView;
}) {
  const { ctx, invitation: i } = props;
  const { t } = ctx;
  return (
    <InvitationPage ctx={ctx} heading={t('people:accept.expired.heading')}>
      <p class="notice warn">
        {t('people:accept.expired.text', {
          inviter: i.invitedBy.name,
          organization: i.organizationName,
          email: i.email,
        })}
      </p>
      <form method="post" action={`/invitations/${props.token}/renew`}>
        <CsrfField ctx={ctx} />
        <div class="actions">
          <button type="submit">{t('people:accept.expired.submit')}</button>
        </div>
      </form>
    </InvitationPage>
  );
}

/** The same words whatever happened: nobody learns anything by trying links. */
export function RenewedPage(props: { ctx: PageContext; retryAfterSeconds?: number }) {
  const { t } = props.ctx;
  if (props.retryAfterSeconds)
    return (
      <InvitationPage ctx={props.ctx} heading={t('people:accept.expired.heading')}>
        <p class="notice bad" role="alert">
          {t('people:accept.rateLimited', { count: Math.max(1, Math.ceil(props.retryAfterSeconds / 60)) })}
        </p>
      </InvitationPage>
    );
  return (
    <InvitationPage ctx={props.ctx} heading={t('people:accept.renewed.heading')}>
      <p class="notice ok" role="status">
        {t('people:accept.renewed.text')}
      </p>
    </InvitationPage>
  );
}
