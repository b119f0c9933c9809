/**
 * Join requests and their Approve / Decline links (migrations/023). Only the SHA-256 of a link's
 * token is stored. Writers lock the order first (`lockOrder`), then the request: the order's
 * lock orders a request's decision against a mapping, a resend or another request.
 */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';

import type { Database, JoinRequestLinkTable, JoinRequestStatus, JoinRequestTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type JoinRequestRow = Selectable<JoinRequestTable>;
export type JoinRequestLinkRow = Selectable<JoinRequestLinkTable>;

export async function insertJoinRequest(db: Db, row: Insertable<JoinRequestTable>): Promise<void> {
  await db.insertInto('join_request').values(row).execute();
}

export async function insertJoinRequestLinks(
  db: Db,
  rows: Insertable<JoinRequestLinkTable>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('join_request_link').values(rows).execute();
}

/** The order's pending request, if any (there is at most one). */
export async function pendingJoinRequestOfOrder(
  db: Db,
  orderId: string,
): Promise<JoinRequestRow | undefined> {
  return db
    .selectFrom('join_request')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** The pending requests of these orders, by order id (the partner's order list and detail). */
export async function pendingJoinRequestsOfOrders(
  db: Db,
  orderIds: string[],
): Promise<Map<string, JoinRequestRow>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('join_request')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .where('status', '=', 'pending')
    .execute();
  return new Map(rows.map((r) => [r.order_id, r]));
}

export async function lockJoinRequest(
  trx: Transaction<Database>,
  id: string,
): Promise<JoinRequestRow | undefined> {
  return trx.selectFrom('join_request').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** A link by its token's hash, with its request (locked when asked, after the order). */
export async function findJoinRequestLink(
  db: Db,
  tokenHash: Buffer,
  opts: { lock?: boolean } = {},
): Promise<{ link: JoinRequestLinkRow; request: JoinRequestRow } | undefined> {
  let q = db.selectFrom('join_request_link').selectAll().where('token_hash', '=', tokenHash);
  if (opts.lock) q = q.forUpdate();
  const link = await q.executeTakeFirst();
  if (!link) return undefined;
  const request = await db
    .selectFrom('join_request')
    .selectAll()
    .where('id', '=', link.join_request_id)
    .executeTakeFirst();
  return request && { link, request };
}

/** Records a decision (or the expiry); every link of the request is used up with it. */
export async function decideJoinRequest(
  db: Db,
  id: string,
  decision: { status: Exclude<JoinRequestStatus, 'pending'>; now: Date; byLabel: string },
): Promise<void> {
  await db
    .updateTable('join_request')
    .set({
      status: decision.status,
      decided_at: decision.now,
      decided_by_label: decision.byLabel,
      next_action_at: null,
    })
    .where('id', '=', id)
    .execute();
  await db
    .updateTable('join_request_link')
    .set({ used_at: decision.now })
    .where('join_request_id', '=', id)
    .where('used_at', 'is', null)
    .execute();
}

/** A mapping made otherwise (an administrator set the order up) withdraws the order's pending request. */
export async function withdrawPendingJoinRequests(
  db: Db,
  orderId: string,
  now: Date,
  byLabel: string,
): Promise<JoinRequestRow[]> {
  const pending = await db
    .selectFrom('join_request')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('status', '=', 'pending')
    .execute();
  for (const r of pending) await decideJoinRequest(db, r.id, { status: 'withdrawn', now, byLabel });
  return pending;
}

/**
 * Pending requests whose reminder or expiry is due, read without locks: the due loop then takes
 * each one's order lock first (`lockOrder`), like every other writer of a request.
 */
export async function dueJoinRequests(
  db: Db,
  now: Date,
  limit: number,
): Promise<{ id: string; order_id: string }[]> {
  return db
    .selectFrom('join_request')
    .select(['id', 'order_id'])
    .where('status', '=', 'pending')
    .where('next_action_at', '<=', now)
    .orderBy('next_action_at')
    .limit(limit)
    .execute();
}

export async function markJoinRequestReminded(
  db: Db,
  id: string,
  now: Date,
  nextActionAt: Date,
): Promise<void> {
  await db
    .updateTable('join_request')
    .set({ reminded_at: now, next_action_at: nextActionAt })
    .where('id', '=', id)
    .execute();
}

/** The active customer admins of an organization who decide its join requests. */
export async function joinRequestDeciders(
  db: Db,
  organizationId: string,
): Promise<{ id: string; name: string; email: string; language: 'en' | 'it' }[]> {
  return db
    .selectFrom('app_user')
    .select(['id', 'name', 'email', 'language'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'customer_admin')
    .where('deactivated_at', 'is', null)
    .orderBy('name')
    .limit(20)
    .execute();
}

/** Whether the address is still the contact of a live line of the order. */
export async function isContactOfOrder(db: Db, orderId: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('subscription_line')
    .select('subscription_id')
    .where('order_id', '=', orderId)
    .where('status', '<>', 'cancelled')
    .where((eb) => eb(eb.fn('lower', ['contact_email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}
