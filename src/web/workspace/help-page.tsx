/**
 * /help (and /help/provisioning, where the e-mails link; public): what to do when the provisioning
 * e-mail does not arrive or cannot be resent. It follows the support article the product is
 * modelled on, section by section, each with an id for deep links (`/help#send-statuses`) and a
 * table of contents. The policy periods come from the offer catalogue, the sender and the address
 * limit from the settings, so the page says what the running product does.
 */
import type { AppDeps } from '../../app/deps.js';
import { describeClosePolicy } from '../../app/orders/describe-close-policy.js';
import { DEFAULT_EMAILS_PER_ADDRESS_PER_HOUR } from '../../domain/address-cap.js';
import { Layout } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { WebApp } from '../web-env.js';
import { ClosedLines, type HelpFacts, Ponr, Section, SendStatuses, Steps } from './help-sections.js';
import { addressOf, type WebContext } from './workspace-support.js';

/** Section ids and their title keys, in the page's order. */
export const HELP_SECTIONS = [
  ['no-email', 'missing'],
  ['setup-link', 'link'],
  ['no-access', 'noAccess'],
  ['resend', 'resend'],
  ['closed-lines', 'closed'],
  ['ponr', 'ponr'],
  ['send-statuses', 'sendStatuses'],
  ['resend-fails', 'resendFails'],
  ['support-case', 'case'],
] as const;

async function helpPage(c: WebContext, deps: AppDeps) {
  const ctx = pageContext(c);
  const { t } = ctx;
  const facts: HelpFacts = {
    sender: addressOf(deps.settings.mailFrom),
    adminPortalUrl: deps.settings.adminPortalUrl,
    emailsPerAddressPerHour:
      deps.settings.provisioningEmailsPerAddressPerHour ?? DEFAULT_EMAILS_PER_ADDRESS_PER_HOUR,
    policy: await describeClosePolicy(deps),
  };
  const title = (key: string) => t(`workspace:help.${key}.title`);
  return c.html(
    <Layout ctx={ctx} title={t('workspace:help.title')}>
      <h1>{t('workspace:help.title')}</h1>
      <p class="lead">{t('workspace:help.intro')}</p>
      <nav class="card toc" aria-labelledby="help-toc">
        <h2 id="help-toc">{t('workspace:help.toc')}</h2>
        <ol>
          {HELP_SECTIONS.map(([id, key]) => (
            <li>
              <a href={`#${id}`}>{title(key)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <Section id="no-email" title={title('missing')}>
        <ul class="steps">
          <li>{t('workspace:help.missing.1')}</li>
          <li>
            {t('workspace:help.missing.allowListBefore')}
            <code class="sender">{facts.sender}</code>
            {t('workspace:help.missing.allowListAfter')}
          </li>
          <li>
            {t('workspace:help.missing.3', {
              awaiting: t('status.awaiting_provisioning_details'),
              closed: t('status.closed'),
            })}
          </li>
          <li>{t('workspace:help.missing.4')}</li>
          <li>{t('workspace:help.missing.5')}</li>
        </ul>
      </Section>
      <Section id="setup-link" title={title('link')}>
        <Steps t={t} section="link" count={2} />
      </Section>
      <Section id="no-access" title={title('noAccess')}>
        <Steps t={t} section="noAccess" count={3} vars={{ exists: t('workspace:hidden.exists') }} />
      </Section>
      <Section id="resend" title={title('resend')}>
        <p>{t('workspace:help.resend.intro')}</p>
        <Steps t={t} section="resend" count={4} vars={{ applyToAll: t('workspace:contact.applyToAll') }} />
      </Section>
      <ClosedLines ctx={ctx} facts={facts} />
      <Ponr ctx={ctx} facts={facts} />
      <SendStatuses ctx={ctx} facts={facts} />
      <Section id="resend-fails" title={title('resendFails')}>
        <p>{t('workspace:help.resendFails.intro')}</p>
        <Steps t={t} section="resendFails" count={3} />
      </Section>
      <Section id="support-case" title={title('case')}>
        <p>{t('workspace:help.case.intro', { type: t('support:type.resend_provisioning_email') })}</p>
        <Steps t={t} section="case" count={4} />
        <p>
          <a class="button" href="/support/new?type=resend_provisioning_email">
            {t('support:help.openCase')}
          </a>
        </p>
      </Section>
    </Layout>,
  );
}

export function registerHelpRoutes(app: WebApp, deps: AppDeps): void {
  app.get('/help', (c) => helpPage(c, deps));
  app.get('/help/provisioning', (c) => helpPage(c, deps));
}
