/**
 * /orders/:id (order id or web order id): the header, then a row per subscription line with its
 * status, its provisioning contact with Resend and Edit, and its history.
 */
import type { AppDeps } from '../../app/deps.js';
import { getOrder, type OrderDetail } from '../../app/orders/get-order.js';
import { getSubscription, type SubscriptionDetail } from '../../app/orders/get-subscription.js';
import type { Actor } from '../../domain/types.js';
import { Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { BulkBar } from './bulk-bar.js';
import { ContactCell, isPastPonr, type LineView, MappedTo, PonrDialog } from './line-actions.js';
import { DeliveryProblemBanner } from './line-attention.js';
import { lineColumn, LineRow, LinesTable } from './lines-table.js';
import { ActionNotices } from './notices.js';
import { LastSend, Timeline } from './timeline.js';
import { currentPath, formatDateTime, noticeOf, type WebContext } from './workspace-support.js';

/** Above this many lines the order page links to each line's page instead of inlining histories. */
const MAX_INLINE_HISTORIES = 50;
const BULK_FORM = 'bulk-lines';
const COLUMNS = ['subscription', 'offer', 'quantity', 'rsd', 'status', 'contact'] as const;

function OrderFacts(props: { ctx: PageContext; order: OrderDetail }) {
  const { ctx, order } = props;
  const { t } = ctx;
  return (
    <div class="card">
      <dl class="facts">
        <dt>{t('workspace:order.webOrderId')}</dt>
        <dd>{order.webOrderId}</dd>
        <dt>{t('workspace:order.submittedBy')}</dt>
        <dd>
          {order.submittedBy.name} (
          <a href={`mailto:${order.submittedBy.email}`}>{order.submittedBy.email}</a>)
        </dd>
        <dt>{t('workspace:order.submittedAt')}</dt>
        <dd>
          <time datetime={order.submittedAt}>{formatDateTime(order.submittedAt, ctx.language)}</time>
        </dd>
        <dt>{t('workspace:order.endCustomer')}</dt>
        <dd>{order.endCustomerName}</dd>
        <dt>{t('workspace:order.partner')}</dt>
        <dd>{order.partner.name}</dd>
        <dt>{t('workspace:order.distributor')}</dt>
        <dd>{order.distributor?.name ?? t('workspace:order.noDistributor')}</dd>
      </dl>
    </div>
  );
}

/** What a closed, never set up line says instead of its actions: go to the Subscriptions page. */
function ClosedLineNotice(props: { ctx: PageContext; subscriptionId: string }) {
  const { t } = props.ctx;
  const href = `/subscriptions?pendingProvisioning=true&q=${encodeURIComponent(props.subscriptionId)}`;
  return (
    <p class="closed-note">
      {t('workspace:order.closedBefore')}
      <a href={href}>{t('workspace:order.closedLink')}</a>
      {t('workspace:order.closedAfter')}
    </p>
  );
}

function LineRows(props: {
  ctx: PageContext;
  line: LineView & OrderDetail['lines'][number];
  detail: SubscriptionDetail | undefined;
  back: string;
  open: boolean;
  now: Date;
}) {
  const { ctx, line, detail } = props;
  const { t } = ctx;
  const col = (key: string) => lineColumn(ctx, key);
  const closed = line.status === 'closed' && line.pendingProvisioning && !isPastPonr(line);
  return (
    <>
      <LineRow
        ctx={ctx}
        line={line}
        now={props.now}
        form={BULK_FORM}
        middle={
          <>
            <td data-label={col('offer')} class="nowrap">
              {line.offerCode}
            </td>
            <td data-label={col('quantity')}>{line.quantity}</td>
          </>
        }
      >
        <td data-label={col('contact')}>
          {closed ? (
            <>
              <div>{line.provisioningContact.name}</div>
              <div class="contact-email">{line.provisioningContact.email}</div>
              <ClosedLineNotice ctx={ctx} subscriptionId={line.subscriptionId} />
            </>
          ) : (
            <ContactCell ctx={ctx} line={line} back={props.back} />
          )}
          {detail && <LastSend ctx={ctx} sends={detail.sends} />}
        </td>
      </LineRow>
      <tr class="line-history">
        <td colspan={7}>
          {detail ? (
            <details open={props.open}>
              <summary>{t('workspace:lines.history', { subscriptionId: line.subscriptionId })}</summary>
              <Timeline ctx={ctx} detail={detail} />
            </details>
          ) : (
            <a href={`/subscriptions/${line.subscriptionId}`}>
              {t('workspace:lines.history', { subscriptionId: line.subscriptionId })}
            </a>
          )}
        </td>
      </tr>
    </>
  );
}

export async function orderPage(c: WebContext, deps: AppDeps, user: Actor, key: string): Promise<Response> {
  const order = await getOrder(deps, user, key);
  const ctx = pageContext(c);
  const { t } = ctx;
  const notice = noticeOf(c);
  const inline = order.lines.length <= MAX_INLINE_HISTORIES;
  const wanted = order.lines
    .map((l) => l.subscriptionId)
    .filter((id) => inline || id === notice.line || id === notice.changed);
  const details = new Map(
    (await Promise.all(wanted.map((id) => getSubscription(deps, user, id)))).map((d) => [
      d.subscriptionId,
      d,
    ]),
  );
  const back = currentPath(c);
  const now = deps.clock.now();
  const noticeLine = notice.line ?? notice.changed;
  const title = t('workspace:order.title', { webOrderId: order.webOrderId });
  return c.html(
    <Layout ctx={ctx} title={title}>
      <p class="crumbs">
        <a href="/orders">{t('workspace:orders.title')}</a>
      </p>
      <h1>{title}</h1>
      <ActionNotices
        ctx={ctx}
        notice={notice}
        detail={noticeLine ? details.get(noticeLine) : undefined}
        others={details.values()}
      />
      {order.mappedAt && (
        <div class="notice" id="onboarded">
          <p>{t('workspace:order.onboarded', { date: formatDateTime(order.mappedAt, ctx.language) })}</p>
          <MappedTo ctx={ctx} organization={order.customerOrganizationName} />
        </div>
      )}
      {order.awaitingOrganizationApproval && (
        <div class="notice warn" id="awaiting-approval" role="status">
          <p>
            <strong>{t('workspace:order.awaitingApproval')}</strong>{' '}
            {t('workspace:order.awaitingApprovalText', {
              requestedAt: formatDateTime(order.awaitingOrganizationApproval.requestedAt, ctx.language),
              expiresAt: formatDateTime(order.awaitingOrganizationApproval.expiresAt, ctx.language),
            })}
          </p>
        </div>
      )}
      <DeliveryProblemBanner ctx={ctx} lines={order.lines} back={back} />
      <OrderFacts ctx={ctx} order={order} />
      <h2 id="lines-heading">{t('workspace:lines.title')}</h2>
      <p class="muted">
        {t('workspace:order.helpBefore')}
        <a href="/help/provisioning">{t('workspace:order.helpLink')}</a>
      </p>
      <BulkBar ctx={ctx} form={BULK_FORM} back={back} />
      <LinesTable ctx={ctx} labelledBy="lines-heading" columns={COLUMNS}>
        {order.lines.map((line) => (
          <LineRows
            ctx={ctx}
            line={line}
            detail={details.get(line.subscriptionId)}
            back={back}
            now={now}
            open={line.subscriptionId === noticeLine}
          />
        ))}
      </LinesTable>
      {order.lines.some(isPastPonr) && (
        <PonrDialog
          ctx={ctx}
          adminPortalUrl={order.adminPortalUrl ?? deps.settings.adminPortalUrl}
          organization={order.customerOrganizationName}
        />
      )}
    </Layout>,
  );
}
