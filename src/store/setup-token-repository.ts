/**
 * Setup links: only the SHA-256 of each token is stored. A link belongs to the e-mail (send) that
 * carried it and lets its address set up the whole order; it lives until the point of no return,
 * its expiry, or until its address provisions no live line of the order any more.
 */
import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from 'kysely';

import type { Database, SetupTokenTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type SetupTokenRow = Selectable<SetupTokenTable>;

export type RevokeReason = 'resend' | 'contact_change' | 'cancelled' | 'mapped' | 'delegated';

export async function revokeLiveTokens(
  db: Db,
  subscriptionIds: string[],
  now: Date,
  reason: RevokeReason,
): Promise<number> {
  if (subscriptionIds.length === 0) return 0;
  const result = await db
    .updateTable('setup_token')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('subscription_id', 'in', subscriptionIds)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * A CTE named `revoked`: the live links of these orders whose address is no longer the contact of
 * any live line of the order (a contact change or a cancellation took their last line away).
 * A link is the order's, not one line's: while its address keeps a line, it keeps working.
 */
export function orphanedLinkRevocation(
  orderIds: RawBuilder<unknown>,
  now: Date,
  reason: RevokeReason,
): RawBuilder<unknown> {
  return sql`revoked as (
      update setup_token t set revoked_at = ${now}, revoked_reason = ${reason}
      from subscription_line tl, provisioning_email carrier
      where tl.subscription_id = t.subscription_id and tl.order_id in (${orderIds})
        and t.revoked_at is null and t.used_at is null and carrier.id = t.send_id
        and not exists (
          select 1 from subscription_line c
          where c.order_id = tl.order_id and c.status <> 'cancelled'
            and lower(c.contact_email) = lower(carrier.to_email))
      returning t.token_hash
    )`;
}

/** Revokes the links of these orders that serve no live line any more (see `orphanedLinkRevocation`). */
export async function revokeOrphanedLinks(
  db: Db,
  orderIds: string[],
  now: Date,
  reason: RevokeReason,
): Promise<number> {
  if (orderIds.length === 0) return 0;
  const { rows } = await sql<{ n: number }>`
    with ${orphanedLinkRevocation(sql.join(orderIds), now, reason)}
    select count(*)::integer as n from revoked`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Revokes every live link of the order that went to this address (a delegation hands all of them on). */
export async function revokeLinksOfAddress(
  db: Db,
  link: { orderId: string; email: string },
  now: Date,
  reason: RevokeReason,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with revoked as (
      update setup_token t set revoked_at = ${now}, revoked_reason = ${reason}
      from subscription_line tl, provisioning_email carrier
      where tl.subscription_id = t.subscription_id and tl.order_id = ${link.orderId}
        and t.revoked_at is null and t.used_at is null and carrier.id = t.send_id
        and lower(carrier.to_email) = lower(${link.email})
      returning t.token_hash
    )
    select count(*)::integer as n from revoked`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Lookup by hash: the database compares hashes, never the secret itself. `lock` locks the row. */
export async function findTokenByHash(
  db: Db,
  tokenHash: Buffer,
  opts: { lock?: boolean } = {},
): Promise<SetupTokenRow | undefined> {
  const q = db.selectFrom('setup_token').selectAll().where('token_hash', '=', tokenHash);
  return (opts.lock ? q.forUpdate() : q).executeTakeFirst();
}

/**
 * The link with this hash and the order of its line, locked until the transaction ends, so
 * nothing changes the link between the caller's checks and its consumption.
 */
export async function lockTokenWithOrder(trx: Transaction<Database>, tokenHash: Buffer) {
  return trx
    .selectFrom('setup_token as t')
    .innerJoin('subscription_line as l', 'l.subscription_id', 't.subscription_id')
    .select(['t.token_hash', 't.revoked_at', 't.used_at', 't.expires_at', 'l.order_id'])
    .where('t.token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markTokenUsed(trx: Transaction<Database>, tokenHash: Buffer, now: Date): Promise<void> {
  await trx.updateTable('setup_token').set({ used_at: now }).where('token_hash', '=', tokenHash).execute();
}

/** The language of the provisioning e-mail that carried the link, live or dead. */
export async function languageOfTokenEmail(db: Db, tokenHash: Buffer): Promise<string | undefined> {
  const row = await db
    .selectFrom('setup_token as t')
    .innerJoin('provisioning_email as s', 's.id', 't.send_id')
    .select('s.language')
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.language;
}
