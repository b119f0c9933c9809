/** Subscription lines: insert, load, lock, claim when due, save the state the domain decided. */
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';

import { unseededPolicyDays } from '../domain/policy.js';
import type { LineState } from '../domain/types.js';
import { newestSendSql } from './line-attention-sql.js';
import type { Database, SubscriptionLineRow, SubscriptionLineTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function findLine(db: Db, subscriptionId: string): Promise<SubscriptionLineRow | undefined> {
  return db
    .selectFrom('subscription_line')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .executeTakeFirst();
}

export async function linesOfOrder(
  db: Db,
  orderId: string,
  opts: { lock?: boolean } = {},
): Promise<SubscriptionLineRow[]> {
  const q = db.selectFrom('subscription_line').selectAll().where('order_id', '=', orderId).orderBy('line_no');
  return opts.lock ? q.forUpdate().execute() : q.execute();
}

/**
 * The line a setup link speaks for: a link is the order's, held by the address its e-mail went
 * to, so this is the link's own line while that address still provisions it, else the first live
 * line of the order it does provision (the link's line changed contact or was cancelled). Falls
 * back to the link's own line (the link is then dead, revoked with its last line).
 */
export async function findLinkHolderLine(
  db: Db,
  link: { subscriptionId: string; sendId: string },
): Promise<SubscriptionLineRow | undefined> {
  const { rows } = await sql<SubscriptionLineRow>`
    select l.* from subscription_line l
    where l.subscription_id = coalesce((
      select h.subscription_id
      from subscription_line tl
      join provisioning_email s on s.id = ${link.sendId}
      join subscription_line h on h.order_id = tl.order_id
      where tl.subscription_id = ${link.subscriptionId} and h.status <> 'cancelled'
        and lower(h.contact_email) = lower(s.to_email)
      order by (h.subscription_id = ${link.subscriptionId}) desc, h.line_no
      limit 1), ${link.subscriptionId})`.execute(db);
  return rows[0];
}

/**
 * The first line of the order (or the line `subscriptionId`, when given) whose provisioning
 * contact has this address, any case: how a signed-out contact proves they belong to an order.
 */
export async function findContactLine(
  db: Db,
  orderId: string,
  contact: { email: string; subscriptionId: string | null },
): Promise<Pick<SubscriptionLineRow, 'contact_name' | 'contact_language'> | undefined> {
  let q = db
    .selectFrom('subscription_line')
    .select(['contact_name', 'contact_language'])
    .where('order_id', '=', orderId)
    .where((eb) => eb(eb.fn('lower', ['contact_email']), '=', contact.email.toLowerCase()));
  if (contact.subscriptionId) q = q.where('subscription_id', '=', contact.subscriptionId);
  return q.orderBy('line_no').executeTakeFirst();
}

/** The order's lines locked for a change, with each offer's name (for the e-mail), in line order. */
export async function lockLinesWithOffers(
  trx: Transaction<Database>,
  orderId: string,
): Promise<(SubscriptionLineRow & { offer_name: string })[]> {
  // On every change's hot path: written as SQL, it skips the query builder's compile step.
  const { rows } = await sql<SubscriptionLineRow & { offer_name: string }>`
    select l.*, o.name as offer_name
    from subscription_line l
    join offer o on o.code = l.offer_code
    where l.order_id = ${orderId}
    order by l.line_no
    for update of l`.execute(trx);
  return rows;
}

/**
 * The columns an order's view shows, in line order. Only these: on an order of 1,000 lines,
 * `selectAll` (every timestamp parsed into a Date) took three times as long.
 */
export function lineViewsOfOrder(db: Db, orderId: string) {
  return db
    .selectFrom('subscription_line')
    .select([
      'subscription_id',
      'line_no',
      'offer_code',
      'quantity',
      'rsd',
      'status',
      'pending_provisioning',
      'contact_name',
      'contact_email',
      'contact_language',
      'first_email_at',
      'policy_days',
      newestSendSql('subscription_line', 'status').as('newest_send_status'),
      newestSendSql('subscription_line', 'to_email').as('newest_send_to'),
    ])
    .where('order_id', '=', orderId)
    .orderBy('line_no')
    .execute();
}

/**
 * Claims up to `limit` due lines (`next_action_at` <= now), oldest first, locked until the
 * transaction ends. SKIP LOCKED: lines another worker holds are passed over, not waited for, so
 * any number of workers share the work and none processes a line twice.
 */
export async function claimDueLines(
  trx: Transaction<Database>,
  now: Date,
  limit: number,
): Promise<SubscriptionLineRow[]> {
  // Whole orders: the due lines of one order are claimed together, so their contact's e-mail is
  // one e-mail (one per contact per order), never split across batches or workers. A batch may
  // then hold a little more than `limit` lines.
  const { rows } = await sql<SubscriptionLineRow>`
    with due_orders as (
      select distinct order_id from (
        select order_id from subscription_line
        where next_action_at <= ${now}
        order by next_action_at
        limit ${limit}
        for update skip locked
      ) picked
    )
    select l.* from subscription_line l
    where l.order_id in (select order_id from due_orders) and l.next_action_at <= ${now}
    order by l.order_id, l.line_no
    for update of l skip locked`.execute(trx);
  return rows;
}

/** A new order's lines, in one statement. */
export async function insertLines(
  trx: Transaction<Database>,
  rows: Insertable<SubscriptionLineTable>[],
): Promise<void> {
  await trx.insertInto('subscription_line').values(rows).execute();
}

/**
 * What the provisioning e-mails of these orders list, in one query (the due worker queues e-mails
 * for hundreds of orders at once): each line with its offer's name and its order's partner's name,
 * by order, in line order.
 */
export async function emailLinesOfOrders(db: Db, orderIds: string[]) {
  return db
    .selectFrom('subscription_line as l')
    .innerJoin('offer as o', 'o.code', 'l.offer_code')
    .innerJoin('purchase_order as po', 'po.id', 'l.order_id')
    .innerJoin('organization as p', 'p.id', 'po.partner_id')
    .select([
      'l.order_id',
      'l.subscription_id',
      'l.offer_code',
      'o.name as offer_name',
      'l.quantity',
      'l.status',
      'l.contact_email',
      'p.name as partner_name',
    ])
    .where('l.order_id', 'in', orderIds)
    .orderBy('l.order_id')
    .orderBy('l.line_no')
    .execute();
}

/** When the longest-waiting due line fell due (`next_action_at` <= now); null when none is due. */
export async function oldestDueAt(db: Db, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('subscription_line')
    .select((eb) => eb.fn.min('next_action_at').as('oldest'))
    .where('next_action_at', '<=', now)
    .executeTakeFirst();
  // min() comes back as a string on some drivers.
  const oldest = row?.oldest as Date | string | null | undefined;
  return oldest ? new Date(oldest) : null;
}

/** Subscription ids are `Sub` + digits, from one sequence. */
export async function nextSubscriptionIds(trx: Transaction<Database>, count: number): Promise<string[]> {
  const { rows } = await sql<{
    n: number;
  }>`select nextval('subscription_number') as n from generate_series(1, ${count})`.execute(trx);
  return rows.map((r) => `Sub${r.n}`);
}

/** The policy period a stored line was ordered with (see `unseededPolicyDays` for null). */
export function policyDaysOf(row: Pick<SubscriptionLineRow, 'offer_code' | 'policy_days'>): number {
  return row.policy_days ?? unseededPolicyDays(row.offer_code);
}

/** The domain's view of a stored line. */
export function toLineState(row: SubscriptionLineRow, mappedAt: Date | null): LineState {
  return {
    status: row.status,
    pendingProvisioning: row.pending_provisioning,
    offerCode: row.offer_code,
    policyDays: policyDaysOf(row),
    rsdAt: row.rsd_at,
    firstEmailAt: row.first_email_at,
    remindersSent: row.reminders_sent,
    mappedAt,
  };
}

/** Columns that follow from a new domain state. */
export function lineStateColumns(
  before: SubscriptionLineRow,
  state: LineState,
  nextActionAt: Date | null,
  now: Date,
): Updateable<SubscriptionLineTable> {
  const entered = (s: LineState['status']) => state.status === s && before.status !== s;
  return {
    status: state.status,
    pending_provisioning: state.pendingProvisioning,
    first_email_at: state.firstEmailAt,
    reminders_sent: state.remindersSent,
    next_action_at: nextActionAt,
    updated_at: now,
    ...(entered('closed') ? { closed_at: now } : {}),
    ...(entered('cancelled') ? { cancelled_at: now } : {}),
    ...(entered('provisioned') ? { provisioned_at: now } : {}),
  };
}

export async function updateLine(
  trx: Transaction<Database>,
  subscriptionId: string,
  values: Updateable<SubscriptionLineTable>,
): Promise<void> {
  await trx
    .updateTable('subscription_line')
    .set(values)
    .where('subscription_id', '=', subscriptionId)
    .execute();
}

/** A line's new state, as `lineStateColumns` computed it. */
export interface LineChange {
  subscriptionId: string;
  values: Updateable<SubscriptionLineTable>;
}

/**
 * Saves many lines' new states in one statement (the due worker's batches). Each change carries
 * the columns `lineStateColumns` computed; instants a change does not set keep their value.
 */
export async function updateLines(trx: Transaction<Database>, changes: LineChange[]): Promise<void> {
  if (changes.length === 0) return;
  await linesUpdate(changes).execute(trx);
}

/** The statement of `updateLines`, also run as a part of a larger one (write-provisioning-sends.ts). */
export function linesUpdate(changes: LineChange[]) {
  const rows = changes.map(({ subscriptionId, values: v }) => ({ subscription_id: subscriptionId, ...v }));
  return sql`
    update subscription_line l set
      status = coalesce(v.status, l.status),
      pending_provisioning = coalesce(v.pending_provisioning, l.pending_provisioning),
      first_email_at = case when v.keys ? 'first_email_at' then v.first_email_at else l.first_email_at end,
      reminders_sent = coalesce(v.reminders_sent, l.reminders_sent),
      next_action_at = case when v.keys ? 'next_action_at' then v.next_action_at else l.next_action_at end,
      updated_at = coalesce(v.updated_at, l.updated_at),
      closed_at = coalesce(v.closed_at, l.closed_at),
      cancelled_at = coalesce(v.cancelled_at, l.cancelled_at),
      provisioned_at = coalesce(v.provisioned_at, l.provisioned_at)
    from (
      select r.*, j as keys from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as j,
      lateral jsonb_to_record(j) as r (subscription_id text, status text, pending_provisioning boolean,
        first_email_at timestamptz, reminders_sent integer, next_action_at timestamptz, updated_at timestamptz,
        closed_at timestamptz, cancelled_at timestamptz, provisioned_at timestamptz)
    ) as v
    where l.subscription_id = v.subscription_id`;
}
