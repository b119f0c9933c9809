/** Setup links: only the SHA-256 of each token is stored; one live token per line. */
import type { Kysely, Selectable, Transaction } from 'kysely';

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
