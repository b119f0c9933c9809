/**
 * What the per-address cap on provisioning e-mails reads and writes (`src/jobs/hold-for-address-cap.ts`):
 * the recipients of claimed rows, the deliveries each address had lately, and holding a claimed
 * row back until a later instant. Addresses are compared lowercased (migrations/014 indexes them).
 */
import { type Kysely, sql, type Transaction } from 'kysely';

import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SendRecipient {
  sendId: string;
  subscriptionId: string;
  /** As the partner wrote it (shown in the line's history). */
  toEmail: string;
  /** Lowercased: the key the cap counts by. */
  address: string;
}

/** The recipient of each send. */
export async function recipientsOfSends(db: Db, sendIds: string[]): Promise<SendRecipient[]> {
  if (sendIds.length === 0) return [];
  const rows = await db
    .selectFrom('provisioning_email')
    .select(['id', 'subscription_id', 'to_email', sql<string>`lower(to_email)`.as('address')])
    .where('id', 'in', sendIds)
    .execute();
  return rows.map((r) => ({
    sendId: r.id,
    subscriptionId: r.subscription_id,
    toEmail: r.to_email,
    address: r.address,
  }));
}

/** The other lines' sends that share each of these sends' e-mail (see migrations/018), by lead. */
export async function followersOfSends(
  db: Db,
  leadIds: string[],
): Promise<Map<string, { sendId: string; subscriptionId: string }[]>> {
  const followers = new Map<string, { sendId: string; subscriptionId: string }[]>();
  if (leadIds.length === 0) return followers;
  const rows = await db
    .selectFrom('provisioning_email')
    .select(['id', 'subscription_id', 'lead_send_id'])
    .where('lead_send_id', 'in', leadIds)
    .orderBy('seq')
    .execute();
  for (const r of rows) {
    const list = followers.get(r.lead_send_id!) ?? [];
    list.push({ sendId: r.id, subscriptionId: r.subscription_id });
    followers.set(r.lead_send_id!, list);
  }
  return followers;
}

/**
 * When each of these (lowercased) addresses was last handed a provisioning e-mail, after `since`:
 * one instant per delivered outbox row, oldest first.
 */
export async function deliveriesToAddresses(
  db: Db,
  addresses: string[],
  since: Date,
): Promise<{ address: string; at: Date }[]> {
  if (addresses.length === 0) return [];
  const rows = await db
    .selectFrom('provisioning_email as p')
    .innerJoin('outbox as o', 'o.send_id', 'p.id')
    .select([sql<string>`lower(p.to_email)`.as('address'), 'o.done_at'])
    .where(sql<string>`lower(p.to_email)`, 'in', addresses)
    .where('o.status', '=', 'done')
    .where('o.done_at', '>', since)
    .orderBy('o.done_at')
    .execute();
  return rows.map((r) => ({ address: r.address, at: new Date(r.done_at!) }));
}

/**
 * Gives a claimed row back, due at `until`: its lease ends and its claim no longer counts as an
 * attempt (holding back is not a failure). False when the row is no longer pending.
 */
export async function holdClaimedRow(db: Db, id: number, until: Date): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ available_at: until, attempts: sql`greatest(attempts - 1, 0)` })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
