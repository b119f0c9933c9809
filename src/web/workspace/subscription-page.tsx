/** /subscriptions/:subscriptionId: one line, its provisioning e-mails and its timeline. */
import type { AppDeps } from '../../app/deps.js';
import { getSubscription } from '../../app/orders/get-subscription.js';
import type { Actor } from '../../domain/types.js';
import { formatDeadline } from '../../i18n/format-deadline.js';
import { Layout } from '../layout.js';
import { pageContext } from '../page-context.js';
import { ContactCell, isPastPonr, PonrDialog, StatusBadges } from './line-actions.js';
import { ClosesIn, DeliveryProblemBanner } from './line-attention.js';
import { ActionNotices } from './notices.js';
import { SendsTable, Timeline } from './timeline.js';
import {
  currentPath,
  formatDate,
  formatDateTime,
  noticeOf,
  orderPath,
  type WebContext,
} from './workspace-support.js';

export async function subscriptionPage(
  c: WebContext,
  deps: AppDeps,
  user: Actor,
  subscriptionId: string,
): Promise<Response> {
  const line = await getSubscription(deps, user, subscriptionId);
  const ctx = pageContext(c);
  const { t, language } = ctx;
  const title = t('workspace:subscription.title', { subscriptionId: line.subscriptionId });
  return c.html(
    <Layout ctx={ctx} title={title}>
      <p class="crumbs">
        <a href="/subscriptions">{t('workspace:subscriptions.title')}</a>
        {' › '}
        <a href={orderPath(line)}>{t('workspace:order.title', { webOrderId: line.webOrderId })}</a>
      </p>
      <h1>{title}</h1>
      <ActionNotices ctx={ctx} notice={noticeOf(c)} detail={line} />
      <DeliveryProblemBanner ctx={ctx} lines={[line]} back={currentPath(c)} />
      <div class="card">
        <dl class="facts">
          <dt>{t('workspace:lines.col.status')}</dt>
          <dd>
            <StatusBadges ctx={ctx} status={line.status} pendingProvisioning={line.pendingProvisioning} />
          </dd>
          <dt>{t('workspace:order.endCustomer')}</dt>
          <dd>{line.endCustomerName}</dd>
          <dt>{t('workspace:lines.col.offer')}</dt>
          <dd>{line.offerCode}</dd>
          <dt>{t('workspace:lines.col.quantity')}</dt>
          <dd>{line.quantity}</dd>
          <dt>{t('workspace:lines.col.rsd')}</dt>
          <dd>{formatDate(line.rsd, language)}</dd>
          <dt>{t('workspace:subscription.firstEmailAt')}</dt>
          <dd>{line.firstEmailAt ? formatDateTime(line.firstEmailAt, language) : '—'}</dd>
          {line.closesAt && (
            <>
              <dt>{t('workspace:subscription.closesAt')}</dt>
              <dd>
                <time datetime={line.closesAt}>{formatDeadline(language, line.closesAt)}</time>
                <ClosesIn ctx={ctx} closesAt={line.closesAt} now={deps.clock.now()} />
              </dd>
            </>
          )}
          <dt>{t('workspace:lines.col.contact')}</dt>
          <dd>
            <ContactCell ctx={ctx} line={line} back={currentPath(c)} />
          </dd>
        </dl>
      </div>
      <h2>{t('workspace:sends.title')}</h2>
      <SendsTable ctx={ctx} sends={line.sends} />
      <h2>{t('workspace:timeline.title')}</h2>
      <Timeline ctx={ctx} detail={line} />
      <p>
        <a href="/help/provisioning">{t('workspace:order.helpLink')}</a>
      </p>
      {isPastPonr(line) && (
        <PonrDialog
          ctx={ctx}
          adminPortalUrl={line.adminPortalUrl ?? deps.settings.adminPortalUrl}
          organization={line.customerOrganizationName}
        />
      )}
    </Layout>,
  );
}
