/** /orders: the orders the user may see; search, status filter, keyset pages. */
import type { AppDeps } from '../../app/deps.js';
import { getOrder } from '../../app/orders/get-order.js';
import { getSubscription } from '../../app/orders/get-subscription.js';
import { listOrders, listOrdersSchema, type OrderSummary } from '../../app/orders/list-orders.js';
import { canPlaceOrders } from '../../app/orders/new-order-choices.js';
import { type AppError, invalidInput, isAppError } from '../../domain/errors.js';
import { type Actor, LINE_STATUSES } from '../../domain/types.js';
import { DataTable } from '../data-table.js';
import { Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { AdminsCard, PlacerCard, RefusalMessage } from './refusal.js';
import { SearchAndStatus } from './search-filters.js';
import { formatDateTime, orderPath, type WebContext } from './workspace-support.js';

/**
 * A search that found nothing may name an order the user cannot see: colleagues of the person
 * who placed it are told whom to ask (the shared NO_ACCESS refusal decides who learns what).
 */
async function whyNothing(
  deps: AppDeps,
  user: Actor,
  q: string | undefined,
): Promise<AppError<'NO_ACCESS'> | null> {
  if (!q) return null;
  try {
    if (/^Sub\d+$/i.test(q)) await getSubscription(deps, user, `Sub${q.slice(3)}`);
    else await getOrder(deps, user, q);
    return null;
  } catch (e) {
    // Users of other organizations learn nothing, not even that the order exists.
    return isAppError(e, 'NO_ACCESS') && e.details.orderPlacedBy ? e : null;
  }
}

function StatusCounts(props: { ctx: PageContext; statuses: Record<string, number> }) {
  return (
    <span class="badges">
      {LINE_STATUSES.filter((s) => props.statuses[s]).map((s) => (
        <span class={`badge ${s}`}>
          {props.ctx.t(`status.${s}`)} ({props.statuses[s]})
        </span>
      ))}
    </span>
  );
}

function OrdersTable(props: { ctx: PageContext; items: OrderSummary[] }) {
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
            <StatusCounts ctx={props.ctx} statuses={o.statuses} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export async function ordersPage(c: WebContext, deps: AppDeps, user: Actor): Promise<Response> {
  const ctx = pageContext(c);
  const { t } = ctx;
  const parsed = listOrdersSchema.safeParse({
    q: c.req.query('q') || undefined,
    status: c.req.query('status') || undefined,
    cursor: c.req.query('cursor') || undefined,
  });
  if (!parsed.success) throw invalidInput([]);
  const input = parsed.data;
  const page = await listOrders(deps, user, input);
  const refusal = page.items.length === 0 ? await whyNothing(deps, user, input.q) : null;
  const placer = refusal?.details.orderPlacedBy;
  const filters = { ...(input.q ? { q: input.q } : {}), ...(input.status ? { status: input.status } : {}) };
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
        <SearchAndStatus ctx={ctx} searchLabel="workspace:orders.search" q={input.q} status={input.status} />
        <div class="filter-submit">
          <button type="submit">{t('workspace:filters.apply')}</button>
        </div>
        <p id="q-hint" class="muted small hint">
          {t('workspace:orders.searchHint')}
        </p>
      </form>
      {refusal && placer && (
        <>
          <div class="notice warn" role="status">
            <RefusalMessage ctx={ctx} error={refusal} />
          </div>
          <PlacerCard ctx={ctx} placer={placer} />
          <AdminsCard ctx={ctx} admins={refusal.details.organizationAdmins} />
        </>
      )}
      {page.items.length === 0 ? (
        <p class="muted">{t('workspace:orders.none')}</p>
      ) : (
        <OrdersTable ctx={ctx} items={page.items} />
      )}
      <nav class="pager" aria-label={t('workspace:common.pages')}>
        {input.cursor && <a href={first}>{t('workspace:common.firstPage')}</a>}
        {next && <a href={next}>{t('workspace:common.nextPage')}</a>}
      </nav>
    </Layout>,
  );
}
