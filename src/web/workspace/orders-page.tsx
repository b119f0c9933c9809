/** /orders: the orders the user may see; search, status filter, keyset pages. */
import type { AppDeps } from '../../app/deps.js';
import { findHiddenOrder } from '../../app/orders/find-hidden-order.js';
import { listOrders, listOrdersSchema, type OrderSummary } from '../../app/orders/list-orders.js';
import { canPlaceOrders } from '../../app/orders/new-order-choices.js';
import { invalidInput } from '../../domain/errors.js';
import { type Actor, LINE_STATUSES } from '../../domain/types.js';
import { formatDeadline } from '../../i18n/format-deadline.js';
import { DataTable } from '../data-table.js';
import { Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { HiddenOrderNotice } from './hidden-order-notice.js';
import { ClosesIn } from './line-attention.js';
import { PENDING_STATUS, SearchAndStatus } from './search-filters.js';
import { formatDateTime, orderPath, type WebContext } from './workspace-support.js';

/** "Closed (2)" and, of those, "Provisioning still pending (1)": closed lines that can still be set up. */
function StatusCounts(props: { ctx: PageContext; order: OrderSummary }) {
  const { statuses, pendingProvisioning } = props.order;
  return (
    <span class="badges">
      {LINE_STATUSES.filter((s) => statuses[s]).map((s) => (
        <>
          <span class={`badge ${s}`}>
            {props.ctx.t(`status.${s}`)} ({statuses[s]})
          </span>
          {s === 'closed' && pendingProvisioning > 0 && (
            <span class="badge pending">
              {props.ctx.t('status.pending')} ({pendingProvisioning})
            </span>
          )}
        </>
      ))}
    </span>
  );
}

/** What needs the partner on an order: its lines' delivery problems and the soonest close. */
function OrderAttention(props: { ctx: PageContext; order: OrderSummary; now: Date }) {
  const { ctx, order } = props;
  return (
    <>
      {order.deliveryProblems > 0 && (
        <span class="badge delivery-problem">
          {ctx.t('workspace:attention.badge')} ({order.deliveryProblems})
        </span>
      )}
      {order.closesAt && (
        <div class="muted small">
          {ctx.t('workspace:attention.earliestClose', { at: formatDeadline(ctx.language, order.closesAt) })}{' '}
          <ClosesIn ctx={ctx} closesAt={order.closesAt} now={props.now} />
        </div>
      )}
    </>
  );
}

function OrdersTable(props: { ctx: PageContext; items: OrderSummary[]; now: Date }) {
  const { t, language } = props.ctx;
  const col = (key: string) => t(`workspace:orders.col.${key}`);
  return (
    <DataTable
      caption={t('workspace:orders.title')}
      columns={['webOrderId', 'submittedAt', 'submittedBy', 'endCustomer', 'lines', 'statuses'].map(col)}
    >
      {props.items.map((o) => (
        <tr>
          <td data-label={col('webOrderId')}>
            <a href={orderPath(o)}>{o.webOrderId}</a>
          </td>
          <td data-label={col('submittedAt')}>
            <time datetime={o.submittedAt}>{formatDateTime(o.submittedAt, language)}</time>
          </td>
          <td data-label={col('submittedBy')}>{o.submittedBy}</td>
          <td data-label={col('endCustomer')}>{o.endCustomerName}</td>
          <td data-label={col('lines')}>{o.lineCount}</td>
          <td data-label={col('statuses')}>
            <StatusCounts ctx={props.ctx} order={o} />
            <OrderAttention ctx={props.ctx} order={o} now={props.now} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export async function ordersPage(c: WebContext, deps: AppDeps, user: Actor): Promise<Response> {
  const ctx = pageContext(c);
  const { t } = ctx;
  // One select offers the line statuses and "provisioning still pending", the pending flag.
  const status = c.req.query('status') || undefined;
  const pending = status === PENDING_STATUS;
  const parsed = listOrdersSchema.safeParse({
    q: c.req.query('q') || undefined,
    status: pending ? undefined : status,
    pendingProvisioning: pending ? 'true' : undefined,
    cursor: c.req.query('cursor') || undefined,
  });
  if (!parsed.success) throw invalidInput([]);
  const input = parsed.data;
  const page = await listOrders(deps, user, input);
  // Nothing found may still be an order of the user's own partner they may not see.
  const hidden = page.items.length === 0 ? await findHiddenOrder(deps, user, input.q) : null;
  const shownStatus = pending ? PENDING_STATUS : input.status;
  const filters = { ...(input.q ? { q: input.q } : {}), ...(shownStatus ? { status: shownStatus } : {}) };
  const first = `/orders?${new URLSearchParams(filters).toString()}`;
  const next =
    page.nextCursor && `/orders?${new URLSearchParams({ ...filters, cursor: page.nextCursor }).toString()}`;
  return c.html(
    <Layout ctx={ctx} title={t('workspace:orders.title')}>
      <div class="page-head">
        <h1>{t('workspace:orders.title')}</h1>
        {canPlaceOrders(user) && (
          <span class="actions">
            <a class="button" href="/orders/new">
              {t('workspace:newOrder.link')}
            </a>
            <a class="button secondary" href="/orders/import">
              {t('workspace:newOrder.import.link')}
            </a>
          </span>
        )}
      </div>
      <form method="get" action="/orders" class="filters" role="search">
        <SearchAndStatus
          ctx={ctx}
          searchLabel="workspace:orders.search"
          q={input.q}
          status={shownStatus}
          pendingOption
        />
        <div class="filter-submit">
          <button type="submit">{t('workspace:filters.apply')}</button>
        </div>
        <p id="q-hint" class="muted small hint">
          {t('workspace:orders.searchHint')}
        </p>
      </form>
      {hidden ? (
        <HiddenOrderNotice ctx={ctx} hidden={hidden} />
      ) : page.items.length === 0 ? (
        <p class="muted">{t('workspace:orders.none')}</p>
      ) : (
        <OrdersTable ctx={ctx} items={page.items} now={deps.clock.now()} />
      )}
      <nav class="pager" aria-label={t('workspace:common.pages')}>
        {input.cursor && <a href={first}>{t('workspace:common.firstPage')}</a>}
        {next && <a href={next}>{t('workspace:common.nextPage')}</a>}
      </nav>
    </Layout>,
  );
}
