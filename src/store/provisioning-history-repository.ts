/**
 * What the provisioning e-mails of a batch need to know about the past, one query each for the
 * whole batch: which addresses already received a provisioning e-mail for the order (so a new
 * e-mail "replaces" an earlier one only when it does), and which lines' contacts were named by a
 * colleague who delegated the setup (so their e-mail and the wizard say who asked them).
 */
import { type Kysely, sql, type Transaction } from 'kysely';

import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** `order id` + NUL + lower-cased address: the key of `addressesAlreadySent`. */
export const orderAddressKey = (orderId: string, email: string) =>
  `${orderId}\u0000${email.trim().toLowerCase()}`;

/**
 * The (order, address) pairs among those given that already have a provisioning e-mail on any
 * line of the order (compared case-insensitively), as `orderAddressKey`s.
 */
export async function addressesAlreadySent(
  db: Db,
  pairs: { orderId: string; email: string }[],
): Promise<Set<string>> {
  const unique = new Map(pairs.map((p) => [orderAddressKey(p.orderId, p.email), p]));
  if (unique.size === 0) return new Set();
  // The pairs are constants, not a jsonb parameter (the planner cannot see into one: it guessed
  // 100 rows and hashed every send of every order, 25 ms a resend at 10,000 orders), and the
  // address is matched as `provisioning_email_address` indexes it (addresses are stored trimmed:
  // every way in validates them with z.email), so each pair is a lookup of that address's sends.
  const values = [...unique.values()].map(
    (p) => sql`(${p.orderId}::text, ${p.email.trim().toLowerCase()}::text)`,
  );
  const { rows } = await sql<{ order_id: string; email: string }>`
    select v.order_id, v.email
    from (values ${sql.join(values)}) as v (order_id, email)
    where exists (
      select 1 from provisioning_email s
      join subscription_line l on l.subscription_id = s.subscription_id
      where l.order_id = v.order_id and lower(s.to_email) = v.email
    )`.execute(db);
  return new Set(rows.map((r) => orderAddressKey(r.order_id, r.email)));
}

/**
 * For each line given, the name of the colleague who delegated its setup to the line's current
 * contact: the line's latest contact change, when it was a delegation to this address.
 */
export async function delegatorsOfLines(
  db: Db,
  lines: { subscriptionId: string; contactEmail: string }[],
): Promise<Map<string, string>> {
  const delegators = new Map<string, string>();
  if (lines.length === 0) return delegators;
  const { rows } = await sql<{ subscription_id: string; data: unknown }>`
    select distinct on (a.subscription_id) a.subscription_id, a.data
    from audit_event a
    where a.subscription_id in (${sql.join(lines.map((l) => l.subscriptionId))})
      and a.action = 'provisioning_contact.changed'
    order by a.subscription_id, a.id desc`.execute(db);
  for (const row of rows) {
    const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as {
      via?: string;
      from?: { name?: string };
      to?: { email?: string };
    };
    const line = lines.find((l) => l.subscriptionId === row.subscription_id);
    const to = data.to?.email?.trim().toLowerCase();
    if (data.via === 'delegation' && data.from?.name && line && to === line.contactEmail.trim().toLowerCase())
      delegators.set(row.subscription_id, data.from.name);
  }
  return delegators;
}
