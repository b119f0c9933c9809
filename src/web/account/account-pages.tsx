/** The password pages: "Forgot password?", its answer, choosing a password from a link, a dead link. */
import type { PasswordLink } from '../../app/identity/open-password-link.js';
import { MAX_PASSWORD_LENGTH } from '../../app/identity/set-password.js';
import { MIN_PASSWORD_LENGTH } from '../../domain/setup-rules.js';
import { CsrfField, type PageContext } from '../layout.js';
import { SetupPage, TextField } from '../setup/setup-components.js';

export type DeadLinkReason = 'used' | 'expired' | 'unknown';

export function ForgotPasswordPage(props: {
  ctx: PageContext;
  email: string;
  error?: string | undefined;
  /** Set when the request was refused by the rate limit. */
  retryAfterSeconds?: number;
}) {
  const { ctx } = props;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('account:title')}>
      <div class="card setup-card account-card">
        {props.retryAfterSeconds !== undefined && (
          <p class="notice bad" role="alert">
            {ctx.t('account:forgot.rateLimited', { count: Math.ceil(props.retryAfterSeconds / 60) })}
          </p>
        )}
        <p>{ctx.t('account:forgot.intro')}</p>
        <form method="post" action="/forgot-password" novalidate>
          <CsrfField ctx={ctx} />
          <TextField
            id="email"
            type="email"
            label={ctx.t('account:forgot.email')}
            value={props.email}
            error={props.error}
            autocomplete="username"
            maxlength={254}
          />
          <div class="actions">
            <button type="submit">{ctx.t('account:forgot.submit')}</button>
          </div>
        </form>
        <p>
          <a href="/sign-in">{ctx.t('account:forgot.signIn')}</a>
        </p>
      </div>
    </SetupPage>
  );
}

/** The one answer to every accepted request, whether or not the address has an account. */
export function ForgotPasswordSentPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('account:forgot.sentHeading')}>
      <div class="card setup-card account-card">
        <p class="notice ok" role="status">
          {ctx.t('account:forgot.sent')}
        </p>
        <p class="muted">{ctx.t('account:forgot.sentHint')}</p>
        <p>
          <a class="button" href="/sign-in">
            {ctx.t('account:forgot.signIn')}
          </a>
        </p>
      </div>
    </SetupPage>
  );
}

export interface PasswordErrors {
  password?: string | undefined;
  repeat?: string | undefined;
}

export function PasswordPage(props: {
  ctx: PageContext;
  token: string;
  link: PasswordLink;
  errors: PasswordErrors;
}) {
  const { ctx, link, errors } = props;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('account:password.heading')}>
      <div class="card setup-card account-card">
        <p>{ctx.t(`account:password.intro.${link.purpose}`, { name: link.name })}</p>
        <form method="post" action={`/set-password/${props.token}`} novalidate>
          <CsrfField ctx={ctx} />
          <label for="username">{ctx.t('account:password.email')}</label>
          <input
            id="username"
            name="username"
            type="email"
            value={link.email}
            autocomplete="username"
            readonly
          />
          <TextField
            id="password"
            type="password"
            label={ctx.t('account:password.password')}
            hint={ctx.t('account:password.hint', { min: MIN_PASSWORD_LENGTH })}
            error={errors.password}
            autocomplete="new-password"
            minlength={MIN_PASSWORD_LENGTH}
            maxlength={MAX_PASSWORD_LENGTH}
          />
          <TextField
            id="repeat"
            type="password"
            label={ctx.t('account:password.repeat')}
            error={errors.repeat}
            autocomplete="new-password"
            maxlength={MAX_PASSWORD_LENGTH}
          />
          <div class="actions">
            <button type="submit">{ctx.t('account:password.submit')}</button>
          </div>
        </form>
      </div>
    </SetupPage>
  );
}

/** A used, expired or unknown link; an expired one offers a new link to its holder. */
export function PasswordLinkDeadPage(props: {
  ctx: PageContext;
  reason: DeadLinkReason;
  token: string;
  retryAfterSeconds?: number;
}) {
  const { ctx } = props;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('account:password.deadHeading')}>
      <p class="notice warn">{ctx.t(`account:password.dead.${props.reason}`)}</p>
      {props.reason === 'expired' && (
        <div class="card setup-card account-card">
          {props.retryAfterSeconds !== undefined && (
            <p class="notice bad" role="alert">
              {ctx.t('account:forgot.rateLimited', { count: Math.ceil(props.retryAfterSeconds / 60) })}
            </p>
          )}
          <p>{ctx.t('account:password.newLinkIntro')}</p>
          <form method="post" action={`/set-password/${props.token}/new-link`}>
            <CsrfField ctx={ctx} />
            <div class="actions">
              <button type="submit">{ctx.t('account:password.newLink')}</button>
            </div>
          </form>
        </div>
      )}
      <p>
        <a class={props.reason === 'expired' ? undefined : 'button'} href="/sign-in">
          {ctx.t('account:password.signIn')}
        </a>
      </p>
    </SetupPage>
  );
}

export function NewLinkSentPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('account:password.newLinkSentHeading')}>
      <p class="notice ok" role="status">
        {ctx.t('account:password.newLinkSent')}
      </p>
      <p>
        <a class="button" href="/sign-in">
          {ctx.t('account:password.signIn')}
        </a>
      </p>
    </SetupPage>
  );
}
