/**
 * Retention's deletes, one kind of data each. Every function deletes at most `limit` rows in one
 * statement (the oldest first) and says how many, so a backlog of millions is worked off in short
 * statements that never hold locks for long; the caller decides how many statements a pass runs.
 * Rows some worker holds (FOR UPDATE SKIP LOCKED) are left for a later pass.
 */
import { type Kysely, sql, type Transaction } from 'kysely';

import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

const deleted = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0);

/**
 * Finished outbox rows of one topic, finished before `cutoff`, with their webhook attempts (the
 * one table that references the outbox). A pending row is never finished; a failed e-mail that may
 * still be retried (`retry_until` ahead, migrations/020) is kept until its link dies. The sends
 * (provisioning_email) stay: they are the line's history, and followers point to their lead.
 */
export async function deleteFinishedOutboxRows(
  db: Db,
  topic: 'email' | 'webhook',
  cutoff: Date,
  now: Date,
  limit: number,
): Promise<number> {
  const result = await sql`
    with doomed as (
      select id from outbox
      where topic = ${topic} and status <> 'pending' and done_at < ${cutoff}
        and not (status = 'failed' and retry_until is not null and retry_until > ${now})
      order by done_at
      limit ${limit}
      for update skip locked
    ), attempts as (
      delete from webhook_attempt where outbox_id in (select id from doomed)
    )
    delete from outbox where id in (select id from doomed)`.execute(db);
  return deleted(result);
}

/** The oldest `limit` rows of `table` whose `column` is before `cutoff`, deleted by their `key`. */
async function deleteOldest(
  db: Db,
  table: 'web_session' | 'setup_token' | 'password_token' | 'invitation' | 'captured_mail',
  key: 'id_hash' | 'token_hash' | 'id',
  column: 'expires_at' | 'received_at',
  cutoff: Date,
  limit: number,
): Promise<number> {
  const result = await sql`
    delete from ${sql.table(table)} where ${sql.ref(key)} in (
      select ${sql.ref(key)} from ${sql.table(table)} where ${sql.ref(column)} < ${cutoff}
      order by ${sql.ref(column)} limit ${limit} for update skip locked)`.execute(db);
  return deleted(result);
}

/** Sign-in sessions that expired before `cutoff` (a live session is never touched). */
export const deleteExpiredSessions = (db: Db, cutoff: Date, limit: number) =>
  deleteOldest(db, 'web_session', 'id_hash', 'expires_at', cutoff, limit);

/**
 * Setup links that expired before `cutoff`. A used or replaced link is kept until then too, so a
 * late visit still hears what happened to it (used, replaced) rather than "unknown link".
 */
export const deleteExpiredSetupTokens = (db: Db, cutoff: Date, limit: number) =>
  deleteOldest(db, 'setup_token', 'token_hash', 'expires_at', cutoff, limit);

/** Password links (welcome, bootstrap, reset) that expired before `cutoff`. */
export const deleteExpiredPasswordTokens = (db: Db, cutoff: Date, limit: number) =>
  deleteOldest(db, 'password_token', 'token_hash', 'expires_at', cutoff, limit);

/** Invitations whose link expired before `cutoff`, whatever became of them (accepted, revoked). */
export const deleteExpiredInvitations = (db: Db, cutoff: Date, limit: number) =>
  deleteOldest(db, 'invitation', 'id', 'expires_at', cutoff, limit);

/** Mail the built-in sink captured before `cutoff` (embedded mode's /dev/mailbox). */
export const deleteCapturedMail = (db: Db, cutoff: Date, limit: number) =>
  deleteOldest(db, 'captured_mail', 'id', 'received_at', cutoff, limit);

/**
 * Screenshots of support cases closed before `cutoff` (a closed case's last change is its close;
 * a case reopened is not closed, so its screenshots stay).
 */
export async function deleteScreenshotsOfClosedCases(db: Db, cutoff: Date, limit: number): Promise<number> {
  const result = await sql`
    delete from support_case_screenshot where id in (
      select s.id from support_case_screenshot s join support_case c on c.id = s.case_id
      where c.status = 'closed' and c.updated_at < ${cutoff}
      order by c.updated_at limit ${limit} for update of s skip locked)`.execute(db);
  return deleted(result);
}
