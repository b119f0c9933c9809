/**
 * /help/provisioning (public): what to do when the provisioning e-mail does not arrive or its
 * link does not work. Every provisioning e-mail links here, so it speaks to the provisioning
 * contact first and to partners second.
 */
import type { AppDeps } from '../../app/deps.js';
import { Layout } from '../layout.js';
import { pageContext } from '../page-context.js';
import type { WebApp } from '../web-env.js';
import { addressOf } from './workspace-support.js';

/** A list of catalogue entries `workspace:help.<section>.<n>`, n = 1..count. */
function Steps(props: {
  t: (key: string, vars?: Record<string, unknown>) => string;
  section: string;
  count: number;
  vars?: Record<string, unknown>;
}) {
  return (
    <ul class="steps">
      {Array.from({ length: props.count }, (_, i) => (
        <li>{props.t(`workspace:help.${props.section}.${i + 1}`, props.vars)}</li>
      ))}
    </ul>
  );
}

export function registerHelpRoutes(app: WebApp, deps: AppDeps): void {
  app.get('/help/provisioning', (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const sender = addressOf(deps.settings.mailFrom);
    return c.html(
      <Layout ctx={ctx} title={t('workspace:help.title')}>
        <h1>{t('workspace:help.title')}</h1>
        <p class="lead">{t('workspace:help.intro')}</p>
        <section class="card titled" aria-labelledby="help-missing">
          <h2 id="help-missing">{t('workspace:help.missing.title')}</h2>
          <ul class="steps">
            <li>{t('workspace:help.missing.1')}</li>
            <li>
              {t('workspace:help.missing.allowListBefore')}
              <code class="sender">{sender}</code>
              {t('workspace:help.missing.allowListAfter')}
            </li>
            <li>{t('workspace:help.missing.3')}</li>
            <li>{t('workspace:help.missing.4')}</li>
          </ul>
        </section>
        <section class="card titled" aria-labelledby="help-link">
          <h2 id="help-link">{t('workspace:help.link.title')}</h2>
          <Steps t={t} section="link" count={3} />
        </section>
        <section class="card titled" aria-labelledby="help-partners">
          <h2 id="help-partners">{t('workspace:help.partners.title')}</h2>
          <Steps t={t} section="partners" count={4} />
          {ctx.user && (
            <p>
              <a href="/subscriptions?pendingProvisioning=true">{t('workspace:help.partners.pendingLink')}</a>
            </p>
          )}
        </section>
        <section class="card titled" aria-labelledby="help-case">
          <h2 id="help-case">{t('workspace:help.case.title')}</h2>
          <p>{t('workspace:help.case.intro')}</p>
          <Steps t={t} section="case" count={4} />
          <p>
            <a class="button" href="/support/new?type=resend_provisioning_email">
              {t('support:help.openCase')}
            </a>
          </p>
        </section>
      </Layout>,
    );
  });
}
