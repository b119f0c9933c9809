/** Orders: insert, find, list, lock and map (the PONR lives on the order row). */
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';

import type { Actor, Language, LineStatus } from '../domain/types.js';
import { containsLower } from './like-pattern.js';
import { closeInstantSql, deliveryProblemSql } from './line-attention-sql.js';
import type { Database, PurchaseOrderRow, PurchaseOrderTable } from './schema.js';
import { activeAdminsOf } from './user-repository.js';
import { visibleOrderFilter } from './visible-orders.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertOrder(
  trx: Transaction<Database>,
  row: Insertable<PurchaseOrderTable>,
): Promise<void> {
  await trx.insertInto('purchase_order').values(row).execute();
}

/** These orders (those that exist), by id. */
export async function ordersByIds(db: Db, ids: string[]): Promise<Map<string, PurchaseOrderRow>> {
  const rows = await db.selectFrom('purchase_order').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((o) => [o.id, o]));
}

/** The order with this (internal) id. A web order id is only unique per partner: see `ordersWithWebOrderId`. */
export async function findOrder(db: Db, key: { id: string }): Promise<PurchaseOrderRow | undefined> {
  return db.selectFrom('purchase_order').selectAll().where('id', '=', key.id).executeTakeFirst();
}

/**
 * Who looks an order up by its web order id: a user sees the orders they may see and, to be told
 * whom to ask, their own partner's; a provisioning contact sees the orders with one of their lines.
 */
export type WebOrderIdScope = { actor: Actor } | { contactEmail: string };

/**
 * The orders with this web order id in the scope (at most two: more than one is ambiguous to the
 * caller). Web order ids are unique per partner only, so the lookup never reaches past the scope:
 * another partner's order with the same id is not there at all.
 */
export async function ordersWithWebOrderId(
  db: Db,
  webOrderId: string,
  scope: WebOrderIdScope,
): Promise<PurchaseOrderRow[]> {
  return db
    .selectFrom('purchase_order as po')
    .selectAll('po')
    .where('po.web_order_id', '=', webOrderId)
    .where((eb) =>
      'actor' in scope
        ? eb.or([visibleOrderFilter(scope.actor)(eb), eb('po.partner_id', '=', scope.actor.organizationId)])
        : eb.exists(
            eb
              .selectFrom('subscription_line as l')
              .select('l.order_id')
              .whereRef('l.order_id', '=', 'po.id')
              .where((e) => e(e.fn('lower', ['l.contact_email']), '=', scope.contactEmail.toLowerCase())),
          ),
    )
    .orderBy('po.submitted_at', 'desc')
    .limit(2)
    .execute();
}

/** The order of the line with this subscription id (subscription ids are unique everywhere). */
export async function findOrderOfLine(db: Db, subscriptionId: string): Promise<PurchaseOrderRow | undefined> {
  return db
    .selectFrom('purchase_order as po')
    .selectAll('po')
    .where('po.id', '=', (eb) =>
      eb.selectFrom('subscription_line').select('order_id').where('subscription_id', '=', subscriptionId),
    )
    .executeTakeFirst();
}

/**
 * Locks the order row until the transaction ends: every change before the PONR, and the mapping
 * itself, take it first. `skipLocked`: undefined at once if another holds it (the due loop's way).
 */
export async function lockOrder(
  trx: Transaction<Database>,
  orderId: string,
  opts: { skipLocked?: boolean } = {},
): Promise<PurchaseOrderRow | undefined> {
  const locking = trx.selectFrom('purchase_order').selectAll().where('id', '=', orderId).forUpdate();
  return (opts.skipLocked ? locking.skipLocked() : locking).executeTakeFirst();
}

type LockedOrderRow = PurchaseOrderRow &
  Record<'placer_name' | 'placer_email' | 'partner_name', string> & {
    placer_language: Language;
    placer_deactivated_at: Date | null;
  };

/**
 * Locks the order of a line and reads what a change needs with it, in one round trip: the order,
 * who placed it (for "ask the person who placed the order") and the partner's name (for the
 * e-mail). The line's order never changes, so finding it in a subquery is safe.
 */
export async function lockOrderOfLine(trx: Transaction<Database>, subscriptionId: string) {
  // On every change's hot path: written as SQL, it skips the query builder's compile step.
  const { rows } = await sql<LockedOrderRow>`
    select po.*, u.name as placer_name, u.email as placer_email, u.language as placer_language,
      u.deactivated_at as placer_deactivated_at, p.name as partner_name
    from purchase_order po
    join app_user u on u.id = po.placed_by_user_id
    join organization p on p.id = po.partner_id
    where po.id = (select order_id from subscription_line where subscription_id = ${subscriptionId})
    for update of po`.execute(trx);
  const row = rows[0];
  if (!row) return undefined;
  const { placer_name, placer_email, placer_language, placer_deactivated_at, partner_name, ...order } = row;
  return {
    order,
    placer: {
      name: placer_name,
      email: placer_email,
      language: placer_language,
      // Only when the placer left: who to ask instead (one more query, off the hot path).
      ...(placer_deactivated_at
        ? { organizationAdmins: await activeAdminsOf(trx, order.partner_id, 'partner_admin') }
        : {}),
    },
    partnerName: partner_name,
  };
}

/**
 * Which of these web order ids this partner already uses, a thousand per query (an import may
 * name many). Other partners' ids are none of the partner's business: they may reuse them.
 */
export async function takenWebOrderIds(
  db: Db,
  partnerId: string,
  webOrderIds: string[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < webOrderIds.length; i += 1000) {
    const rows = await db
      .selectFrom('purchase_order')
      .select('web_order_id')
      .where('partner_id', '=', partnerId)
      .where('web_order_id', 'in', webOrderIds.slice(i, i + 1000))
      .execute();
    rows.forEach((r) => taken.add(r.web_order_id));
  }
  return taken;
}

/** The point of no return: the order belongs to the customer organization from now on. */
export async function markOrderMapped(
  trx: Transaction<Database>,
  orderId: string,
  mapping: { organizationId: string; mappedByEmail: string; now: Date },
): Promise<void> {
  await trx
    .updateTable('purchase_order')
    .set({
      customer_organization_id: mapping.organizationId,
      mapped_at: mapping.now,
      mapped_by_email: mapping.mappedByEmail,
    })
    .where('id', '=', orderId)
    .execute();
}

/**
 * The user who placed the order, for "ask the person who placed the order"; when they are
 * deactivated, also their organization's active admins (ask them instead).
 */
export async function findPlacer(
  db: Db,
  userId: string,
): Promise<{
  name: string;
  email: string;
  language: Language;
  organizationAdmins?: { name: string; email: string }[];
}> {
  const { deactivated_at, organization_id, ...placer } = await db
    .selectFrom('app_user')
    .select(['name', 'email', 'language', 'deactivated_at', 'organization_id'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!deactivated_at) return placer;
  return { ...placer, organizationAdmins: await activeAdminsOf(db, organization_id, 'partner_admin') };
}

export interface OrderListFilter {
  /** Part of the web order id, the end customer's name or a subscription id, any case. */
  q?: string | undefined;
  /** Orders with at least one line in this status. */
  status?: LineStatus | undefined;
  /** Orders with at least one closed line flagged "provisioning still pending". */
  pendingProvisioning?: boolean | undefined;
  /** Keyset: orders after this one in the list's order (newest submission first). */
  after?: { submittedAt: Date; id: string } | undefined;
  limit: number;
}

export interface OrderListRow {
  id: string;
  web_order_id: string;
  end_customer_name: string;
  submitted_at: Date;
  placer_name: string;
  mapped_at: Date | null;
  /** How many of the order's lines are in each status (statuses with none are absent). */
  status_counts: { status: string; n: number }[];
  /** The soonest close of its open lines; NEVER_CLOSES when none closes. */
  earliest_close: Date;
  /** How many of its lines have a delivery problem. */
  delivery_problems: number;
  /** How many of its lines are closed with provisioning still pending. */
  pending_provisioning: number;
}

/** The orders `actor` may see that match the filter, newest first, with their line counts. */
export async function listOrderRows(db: Db, actor: Actor, filter: OrderListFilter): Promise<OrderListRow[]> {
  let q = db
    .selectFrom('purchase_order as po')
    .innerJoin('app_user as u', 'u.id', 'po.placed_by_user_id')
    .select([
      'po.id',
      'po.web_order_id',
      'po.end_customer_name',
      'po.submitted_at',
      'u.name as placer_name',
      'po.mapped_at',
    ])
    .select(
      sql<
        { status: string; n: number }[] | string
      >`(select coalesce(json_agg(json_build_object('status', s.status, 'n', s.n)), '[]') from
        (select status, count(*)::int as n from subscription_line where order_id = po.id group by status) s)`.as(
        'status_counts',
      ),
    )
    .select([
      sql<Date>`(select min(${closeInstantSql('sl')}) from subscription_line sl where sl.order_id = po.id)`.as(
        'earliest_close',
      ),
      sql<number>`(select count(*)::int from subscription_line sl where sl.order_id = po.id and ${deliveryProblemSql('sl')})`.as(
        'delivery_problems',
      ),
      sql<number>`(select count(*)::int from subscription_line sl where sl.order_id = po.id and sl.status = 'closed' and sl.pending_provisioning)`.as(
        'pending_provisioning',
      ),
    ])
    .where(visibleOrderFilter(actor));
  if (filter.q) {
    const like = containsLower(filter.q);
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['po.web_order_id']), 'like', like),
        eb(eb.fn('lower', ['po.end_customer_name']), 'like', like),
        eb.exists(
          eb
            .selectFrom('subscription_line as sl')
            .select('sl.subscription_id')
            .whereRef('sl.order_id', '=', 'po.id')
            .where(sql<string>`lower(sl.subscription_id)`, 'like', like),
        ),
      ]),
    );
  }
  const { status, pendingProvisioning, after } = filter;
  // Both filters ask for one line of the order that meets them.
  if (status || pendingProvisioning)
    q = q.where((eb) => {
      let line = eb
        .selectFrom('subscription_line as sl')
        .select('sl.subscription_id')
        .whereRef('sl.order_id', '=', 'po.id');
      if (status) line = line.where('sl.status', '=', status);
      if (pendingProvisioning)
        line = line.where('sl.status', '=', 'closed').where('sl.pending_provisioning', '=', true);
      return eb.exists(line);
    });
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('po.submitted_at', '<', after.submittedAt),
        eb.and([eb('po.submitted_at', '=', after.submittedAt), eb('po.id', '<', after.id)]),
      ]),
    );
  const rows = await q
    .orderBy('po.submitted_at', 'desc')
    .orderBy('po.id', 'desc')
    .limit(filter.limit)
    .execute();
  // json_agg arrives parsed from PostgreSQL, as text from PGlite.
  return rows.map((r) => ({
    ...r,
    status_counts: typeof r.status_counts === 'string' ? JSON.parse(r.status_counts) : r.status_counts,
  }));
}
