/** Provisioning e-mail sends and their delivery status. */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';

import type { Database, ProvisioningEmailTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type SendRow = Selectable<ProvisioningEmailTable>;

export async function sendsOfLine(db: Db, subscriptionId: string): Promise<SendRow[]> {
  return db
    .selectFrom('provisioning_email')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .orderBy('seq')
    .execute();
}

/**
 * Sets a send's status, and that of the sends that share its e-mail (`lead_send_id`): one e-mail
 * listing several lines is sent, bounces or fails for all of them. Returns the sends as updated.
 */
export async function setSendStatus(
  db: Db,
  sendId: string,
  status: SendRow['status'],
  detail: string | null,
  at: Date,
): Promise<SendRow[]> {
  return setSendStatuses(db, [{ sendId, detail }], status, at);
}

/** Sets many sends' status at once (each with its own detail), their e-mails' other sends too. */
export async function setSendStatuses(
  db: Db,
  updates: { sendId: string; detail: string | null }[],
  status: SendRow['status'],
  at: Date,
): Promise<SendRow[]> {
  if (updates.length === 0) return [];
  const values = updates.map((u) => ({ id: u.sendId, detail: u.detail }));
  const { rows } = await sql<SendRow>`
    update provisioning_email p set status = ${status}, status_detail = v.detail, status_at = ${at}
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v (id text, detail text)
    where p.id = v.id or p.lead_send_id = v.id
    returning p.*`.execute(db);
  return rows;
}

/** One send, locked for the rest of the transaction (delivery reports may race each other). */
export async function lockSend(db: Db, sendId: string): Promise<SendRow | undefined> {
  return db
    .selectFrom('provisioning_email')
    .selectAll()
    .where('id', '=', sendId)
    .forUpdate()
    .executeTakeFirst();
}
