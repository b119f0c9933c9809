/**
 * Personal API tokens (`api_token`). Reads here never select `token_hash`: nothing above the
 * store needs it; authentication looks a token up by its hash (`workingTokenActorRow`).
 */
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';

import type { ActorRow } from './actor-row.js';
import type { ApiTokenTable, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const COLUMNS = [
  't.id',
  't.user_id',
  't.label',
  't.read_only',
  't.hint',
  't.created_at',
  't.expires_at',
  't.last_used_at',
  't.revoked_at',
  't.rolled_at',
  't.rolled_to_id',
] as const;

export interface ApiTokenRow {
  id: string;
  user_id: string;
  label: string;
  read_only: boolean;
  hint: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  rolled_at: Date | null;
  rolled_to_id: string | null;
}

/** A token with its owner's organization (the audit trail files token events under it). */
export interface OwnedApiTokenRow extends ApiTokenRow {
  organization_id: string;
}

export interface TokenOwnerRow {
  id: string;
  organization_id: string;
  deactivated_at: Date | null;
}

export async function insertApiToken(db: Db, row: Insertable<ApiTokenTable>): Promise<void> {
  await db.insertInto('api_token').values(row).execute();
}

/**
 * Locks the user who will own a new token, so two concurrent creates cannot both pass the
 * per-user limit. NO KEY UPDATE: rows that merely reference the user (orders, sessions) still go in.
 */
export async function lockTokenOwner(db: Db, userId: string): Promise<TokenOwnerRow | undefined> {
  return db
    .selectFrom('app_user')
    .select(['id', 'organization_id', 'deactivated_at'])
    .where('id', '=', userId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** Tokens that still work at `now` (a rolled token inside its grace period counts). */
export async function countWorkingTokens(db: Db, userId: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('api_token')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A user's tokens, newest first: every working one, and those that stopped (revoked, expired)
 * after `stoppedSince`, so the list stays short while the audit trail keeps the history.
 */
export async function tokensOfUser(db: Db, userId: string, stoppedSince: Date): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_token as t')
    .select(COLUMNS)
    .where('t.user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('t.revoked_at', 'is', null),
          eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', stoppedSince)]),
        ]),
        eb('t.revoked_at', '>', stoppedSince),
      ]),
    )
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
}

/** Tokens with their owner's organization, ready to lock one by id. */
const ownedTokens = (db: Db, tokenId: string) =>
  db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(COLUMNS)
    .select('u.organization_id')
    .where('t.id', '=', tokenId);

/** Locks a token by id, only if `userId` owns it: another user's token is as missing as none. */
export async function lockUserToken(
  db: Db,
  tokenId: string,
  userId: string,
): Promise<OwnedApiTokenRow | undefined> {
  return ownedTokens(db, tokenId).where('t.user_id', '=', userId).forUpdate('t').executeTakeFirst();
}

/** Locks any user's token by id: for operators on the command line only. */
export async function lockAnyToken(db: Db, tokenId: string): Promise<OwnedApiTokenRow | undefined> {
  return ownedTokens(db, tokenId).forUpdate('t').executeTakeFirst();
}

export async function revokeToken(db: Db, tokenId: string, now: Date): Promise<void> {
  await db.updateTable('api_token').set({ revoked_at: now }).where('id', '=', tokenId).execute();
}

/** Marks a token as rolled to its successor; it works until `expiresAt` (the grace period). */
export async function markTokenRolled(
  db: Db,
  tokenId: string,
  change: { rolledAt: Date; rolledToId: string; expiresAt: Date },
): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ rolled_at: change.rolledAt, rolled_to_id: change.rolledToId, expires_at: change.expiresAt })
    .where('id', '=', tokenId)
    .execute();
}

/**
 * The active user of a working token (not revoked, not past its expiry), found by the token's
 * hash: authentication's one read on the hot path.
 */
export async function workingTokenActorRow(
  db: Db,
  tokenHash: Buffer,
  now: Date,
): Promise<(ActorRow & { token_id: string; read_only: boolean; last_used_at: Date | null }) | undefined> {
  // Every API request runs this: written as SQL, it skips the query builder's compile step.
  const { rows } = await sql<ActorRow & { token_id: string; read_only: boolean; last_used_at: Date | null }>`
    select u.id, u.name, u.email, u.role, u.organization_id, u.language,
      t.id as token_id, t.read_only, t.last_used_at
    from api_token t
    join app_user u on u.id = t.user_id
    join organization o on o.id = u.organization_id
    where t.token_hash = ${tokenHash} and t.revoked_at is null
      and (t.expires_at is null or t.expires_at > ${now})
      and u.deactivated_at is null and o.deactivated_at is null`.execute(db);
  return rows[0];
}

export async function markTokenUsed(db: Db, tokenId: string, now: Date): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', tokenId).execute();
}
