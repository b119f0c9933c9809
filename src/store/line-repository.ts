/** Subscription lines: load, lock, save the state the domain decided. */
import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { LineState } from '../domain/types.js';
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

/** Subscription ids are `Sub` + digits, from one sequence. */
export async function nextSubscriptionIds(trx: Transaction<Database>, count: number): Promise<string[]> {
  const { rows } = await sql<{
    n: number;
  }>`select nextval('subscription_number') as n from generate_series(1, ${count})`.execute(trx);
  return rows.map((r) => `Sub${r.n}`);
}

/** The domain's view of a stored line. */
export function toLineState(row: SubscriptionLineRow, mappedAt: Date | null): LineState {
  return {
    status: row.status,
    pendingProvisioning: row.pending_provisioning,
    offerCode: row.offer_code,
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
