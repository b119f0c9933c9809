/**
 * The pages around the wizard: a dead link (and its "send me a new link" form), an order already
 * set up, the answer to a new-link request, a delegation done, and the success page after the PONR.
 */
import type { SetupOutcome } from '../../app/setup/get-setup-outcome.js';
import { canAskForNewLink, type DeadLinkReason, isHandedOver } from '../../domain/setup-rules.js';
import { retryWhen } from '../../i18n/error-message.js';
import { CsrfField, type PageContext } from '../layout.js';
import { countryName, regionName, SetupPage, TextField } from './setup-components.js';

export function DeadLinkPage(props: {
  ctx: PageContext;
  token: string;
  reason: DeadLinkReason;
  /** The partner that placed the order: a link revoked by a contact change names it. */
  partnerName?: string | undefined;
  error?: string;
}) {
  const { ctx, token, reason } = props;
  const help = isHandedOver(reason) ? 'setup:dead.handedOverHelp' : 'setup:dead.unknownHelp';
  return (
    <SetupPage ctx={ctx} heading={ctx.t('setup:dead.heading')}>
      <p class="notice warn" id="dead-reason">
        {ctx.t(`setup:dead.reason.${reason}`, { partnerName: props.partnerName ?? '' })}
      </p>
      {canAskForNewLink(reason) ? (
        <section class="card" aria-labelledby="new-link-heading">
          <h2 id="new-link-heading">{ctx.t('setup:dead.newLinkHeading')}</h2>
          <p>{ctx.t('setup:dead.newLinkIntro')}</p>
          <form method="post" action={`/setup/${token}/new-link`} novalidate>
            <CsrfField ctx={ctx} />
            <TextField
              id="email"
              type="email"
              label={ctx.t('setup:dead.email')}
              autocomplete="email"
              maxlength={254}
              error={props.error}
            />
            <div class="actions">
              <button type="submit">{ctx.t('setup:dead.submit')}</button>
            </div>
          </form>
        </section>
      ) : (
        <p>{ctx.t(help)}</p>
      )}
    </SetupPage>
  );
}

/** The same words whatever the address: nobody learns who the contact is by trying addresses. */
export function NewLinkSentPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('setup:dead.sentHeading')}>
      <p class="notice ok" role="status">
        {ctx.t('setup:dead.sent')}
      </p>
      <p>{ctx.t('setup:dead.askPartner')}</p>
    </SetupPage>
  );
}

export function RateLimitedPage(props: { ctx: PageContext; retryAfterSeconds: number }) {
  const { ctx } = props;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('setup:dead.newLinkHeading')}>
      <p class="notice bad" role="alert">
        {ctx.t('errors.RATE_LIMITED_RETRY', { when: retryWhen(props.retryAfterSeconds, ctx.language) })}
      </p>
    </SetupPage>
  );
}

export function AlreadyMappedPage(props: { ctx: PageContext; adminPortalUrl: string }) {
  const { ctx } = props;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('setup:mapped.heading')}>
      <p class="notice">{ctx.t('setup:mapped.text')}</p>
      <p>
        <a class="button" href={props.adminPortalUrl}>
          {ctx.t('setup:mapped.adminPortal')}
        </a>
      </p>
    </SetupPage>
  );
}

export function DelegatedPage(props: { ctx: PageContext; name: string; email: string }) {
  const { ctx } = props;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('setup:delegate.doneHeading', { name: props.name })}>
      <p class="notice ok" role="status">
        {ctx.t('setup:delegate.doneText', { email: props.email })}
      </p>
    </SetupPage>
  );
}

export function SetupDonePage(props: { ctx: PageContext; outcome: SetupOutcome }) {
  const { ctx, outcome } = props;
  const org = outcome.organization;
  return (
    <SetupPage ctx={ctx} heading={ctx.t('setup:done.heading')}>
      <div class="notice ok setup-done" role="status">
        <p>
          {ctx.t('setup:done.intro', {
            webOrderId: outcome.webOrderId,
            organization: org.name,
            dataRegion: regionName(ctx, org.dataRegion),
          })}
        </p>
      </div>
      <dl class="facts card setup-outcome">
        <dt>{ctx.t('setup:review.organization')}</dt>
        <dd>{org.name}</dd>
        <dt>{ctx.t('setup:review.country')}</dt>
        <dd>{countryName(ctx.language, org.country) || ctx.t('setup:admin.notSet')}</dd>
        <dt>{ctx.t('setup:review.dataRegion')}</dt>
        <dd>{regionName(ctx, org.dataRegion)}</dd>
      </dl>
      <p>
        {outcome.awaitingPassword
          ? ctx.t('setup:done.nextWelcome', { email: outcome.confirmedByEmail })
          : ctx.t('setup:done.nextSignIn')}
      </p>
      <p>
        <a class="button" href={outcome.adminPortalUrl}>
          {ctx.t('setup:done.adminPortal')}
        </a>
      </p>
    </SetupPage>
  );
}
