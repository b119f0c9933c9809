/**
 * /subscriptions: every line the user may see, filtered by status, the pending flag, a search,
 * closing soon or a delivery problem, newest first or soonest close first. Closed lines never set
 * up carry "Provisioning still pending" and keep Resend and Edit.
 */
import type { AppDeps } from '../../app/deps.js';
import { findHiddenOrder } from '../../app/orders/find-hidden-order.js';
import { getSubscription } from '../../app/orders/get-subscription.js';
import {
  listSubscriptions,
  type ListSubscriptionsInput,
  listSubscriptionsSchema,
  type SubscriptionSummary,
} from '../../app/orders/list-subscriptions.js';
import { nameMappedOrganizations } from '../../app/orders/name-mapped-organizations.js';
import { invalidInput } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { Layout, type PageContext } from '../layout.js';
import { pageContext } from '../page-context.js';
import { BulkBar } from './bulk-bar.js';
import { HiddenOrderNotice } from './hidden-order-notice.js';
import {
  ContactCell,
  isPastPonr,
  type LineView,
  lineViewOf,
  PONR_DIALOG,
  PonrDialog,
} from './line-actions.js';
import { lineColumn, LineRow, LinesTable } from './lines-table.js';
import { ActionNotices } from './notices.js';
import { SearchAndStatus } from './search-filters.js';
import { currentPath, noticeOf, orderPath, type WebContext } from './workspace-support.js';

const BULK_FORM = 'bulk-subscriptions';
const COLUMNS = ['subscription', 'order', 'offer', 'rsd', 'status', 'contact'] as const;

function SubscriptionsTable(props: {
  ctx: PageContext;
  items: (SubscriptionSummary & LineView)[];
  back: string;
  now: Date;
}) {
  const { ctx } = props;
  const { t } = ctx;
  const col = (key: string) => lineColumn(ctx, key);
  return (
    <LinesTable ctx={ctx} labelledBy="subscriptions-heading" columns={COLUMNS}>
      {props.items.map((line) => (
        <LineRow
          ctx={ctx}
          line={line}
          now={props.now}
          form={BULK_FORM}
          middle={
            <>
              <td data-label={col('order')}>
                <a href={orderPath(line)} class="nowrap">
                  {line.webOrderId}
                </a>
                <div class="muted small">{line.endCustomerName}</div>
              </td>
              <td data-label={col('offer')}>
                {line.offerName}
                <div class="muted small nowrap">
                  {t('workspace:lines.offerQuantity', { offerCode: line.offerCode, quantity: line.quantity })}
                </div>
              </td>
            </>
          }
        >
          <td data-label={col('contact')}>
            <ContactCell ctx={ctx} line={line} back={props.back} />
          </td>
        </LineRow>
      ))}
    </LinesTable>
  );
}

/** The closing-soon choices the page offers (the API takes any 1 to 90). */
const CLOSING_WITHIN = [3, 7] as const;

function AttentionFilters(props: { ctx: PageContext; input: ListSubscriptionsInput }) {
  const { t } = props.ctx;
  const { input } = props;
  return (
    <>
      <div>
        <label for="closingWithinDays">{t('workspace:attention.closing')}</label>
        <select id="closingWithinDays" name="closingWithinDays">
          <option value="">{t('workspace:attention.closingAny')}</option>
          {CLOSING_WITHIN.map((n) => (
            <option value={String(n)} selected={input.closingWithinDays === n}>
              {t('workspace:attention.closingWithin', { count: n })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="sort">{t('workspace:attention.sort')}</label>
        <select id="sort" name="sort">
          <option value="newest">{t('workspace:attention.sortNewest')}</option>
          <option value="closesAt" selected={input.sort === 'closesAt'}>
            {t('workspace:attention.sortClosesAt')}
          </option>
        </select>
      </div>
    </>
  );
}

function Filters(props: { ctx: PageContext; input: ListSubscriptionsInput }) {
  const { t } = props.ctx;
  const { input } = props;
  return (
    <form method="get" action="/subscriptions" class="filters" role="search">
      <SearchAndStatus
        ctx={props.ctx}
        searchLabel="workspace:subscriptions.search"
        q={input.q}
        status={input.status}
      />
      <AttentionFilters ctx={props.ctx} input={input} />
      <div class="filter-check">
        <label class="check">
          <input
            type="checkbox"
            name="pendingProvisioning"
            value="true"
            checked={input.pendingProvisioning === true}
          />
          {t('workspace:subscriptions.pendingOnly')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="deliveryProblem"
            value="true"
            checked={input.deliveryProblem === true}
          />
          {t('workspace:attention.deliveryProblemOnly')}
        </label>
      </div>
      <div class="filter-submit">
        <button type="submit">{t('workspace:filters.apply')}</button>
      </div>
      <p id="q-hint" class="muted small hint">
        {t('workspace:subscriptions.searchHint')}
      </p>
    </form>
  );
}

export async function subscriptionsPage(c: WebContext, deps: AppDeps, user: Actor): Promise<Response> {
  const ctx = pageContext(c);
  const { t } = ctx;
  const parsed = listSubscriptionsSchema.safeParse({
    q: c.req.query('q') || undefined,
    status: c.req.query('status') || undefined,
    pendingProvisioning: c.req.query('pendingProvisioning') === 'true' ? 'true' : undefined,
    closingWithinDays: c.req.query('closingWithinDays') || undefined,
    deliveryProblem: c.req.query('deliveryProblem') === 'true' ? 'true' : undefined,
    sort: c.req.query('sort') || undefined,
    cursor: c.req.query('cursor') || undefined,
  });
  if (!parsed.success) throw invalidInput([]);
  const input = parsed.data;
  const page = await listSubscriptions(deps, user, input);
  // Mapped lines are explained per customer organization: one PONR dialog naming each.
  const mapped = await nameMappedOrganizations(
    deps,
    user,
    page.items.filter((i) => i.mapped).map((i) => i.orderId),
  );
  const dialogs = [...new Map([...mapped.values()].map((o) => [o.organizationId, o.name]))];
  const dialogOf = (orderId: string) => {
    const org = mapped.get(orderId);
    return org && `${PONR_DIALOG}-${dialogs.findIndex(([id]) => id === org.organizationId)}`;
  };
  const items = page.items.map((i) => ({ ...lineViewOf(i), ponrDialog: dialogOf(i.orderId) }));
  // Nothing found may still be a line of the user's own partner they may not see.
  const hidden = items.length === 0 ? await findHiddenOrder(deps, user, input.q) : null;
  const notice = noticeOf(c);
  const noticeLine = notice.line ?? notice.changed;
  const detail = noticeLine
    ? await getSubscription(deps, user, noticeLine).catch(() => undefined)
    : undefined;
  const filters = {
    ...(input.q ? { q: input.q } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.pendingProvisioning ? { pendingProvisioning: 'true' } : {}),
    ...(input.closingWithinDays ? { closingWithinDays: String(input.closingWithinDays) } : {}),
    ...(input.deliveryProblem ? { deliveryProblem: 'true' } : {}),
    ...(input.sort === 'closesAt' ? { sort: 'closesAt' } : {}),
  };
  const first = `/subscriptions?${new URLSearchParams(filters).toString()}`;
  const next =
    page.nextCursor &&
    `/subscriptions?${new URLSearchParams({ ...filters, cursor: page.nextCursor }).toString()}`;
  const back = currentPath(c);
  return c.html(
    <Layout ctx={ctx} title={t('workspace:subscriptions.title')}>
      <h1 id="subscriptions-heading">{t('workspace:subscriptions.title')}</h1>
      <ActionNotices ctx={ctx} notice={notice} detail={detail} />
      <Filters ctx={ctx} input={input} />
      {hidden ? (
        <HiddenOrderNotice ctx={ctx} hidden={hidden} />
      ) : items.length === 0 ? (
        <p class="muted">{t('workspace:subscriptions.none')}</p>
      ) : (
        <>
          <BulkBar ctx={ctx} form={BULK_FORM} back={back} />
          <SubscriptionsTable ctx={ctx} items={items} back={back} now={deps.clock.now()} />
        </>
      )}
      <nav class="pager" aria-label={t('workspace:common.pages')}>
        {input.cursor && <a href={first}>{t('workspace:common.firstPage')}</a>}
        {next && <a href={next}>{t('workspace:common.nextPage')}</a>}
      </nav>
      {items.some((i) => isPastPonr(i) && !i.ponrDialog) && (
        <PonrDialog ctx={ctx} adminPortalUrl={deps.settings.adminPortalUrl} />
      )}
      {dialogs.map(([, name], n) => (
        <PonrDialog
          ctx={ctx}
          adminPortalUrl={deps.settings.adminPortalUrl}
          organization={name}
          id={`${PONR_DIALOG}-${n}`}
        />
      ))}
    </Layout>,
  );
}
