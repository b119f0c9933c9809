/**
 * What the provisioning e-mails of a batch need to know about the past, in one query for the
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

/** What a batch of e-mails needs to know about the past (see `sendHistory`). */
export interface SendHistory {
  /** `orderAddressKey`s of the addresses that already received a provisioning e-mail. */
  alreadySent: Set<string>;
  /** The colleague who delegated each line's setup to its contact, by subscription id. */
  delegators: Map<string, string>;
}

type HistoryRow = { kind: 'sent' | 'delegation'; id: string; email: string | null; data: unknown };

/**
 * Both answers in one round trip (the resend's hot path): `pairs`, the (order, address) pairs
 * that may have had an e-mail (`addressesAlreadySent`); `lines`, the lines whose delegator is
 * wanted (`delegatorsOfLines`). Either may be empty.
 */
export async function sendHistory(
  db: Db,
  pairs: { orderId: string; email: string }[],
  lines: { subscriptionId: string; contactEmail: string }[],
): Promise<SendHistory> {
  const unique = new Map(pairs.map((p) => [orderAddressKey(p.orderId, p.email), p]));
  const parts = [
    ...(unique.size > 0 ? [alreadySentQuery([...unique.values()])] : []),
    ...(lines.length > 0 ? [latestContactChangesQuery(lines.map((l) => l.subscriptionId))] : []),
  ];
  if (parts.length === 0) return { alreadySent: new Set(), delegators: new Map() };
  const { rows } = await sql<HistoryRow>`${sql.join(parts, sql` union all `)}`.execute(db);
  const alreadySent = new Set<string>();
  const delegators = new Map<string, string>();
  for (const row of rows) {
    if (row.kind === 'sent') alreadySent.add(orderAddressKey(row.id, row.email!));
    else {
      const line = lines.find((l) => l.subscriptionId === row.id);
      const delegator = line && delegatorOf(row.data, line.contactEmail);
      if (delegator) delegators.set(row.id, delegator);
    }
  }
  return { alreadySent, delegators };
}

/**
 * The (order, address) pairs among those given that already have a provisioning e-mail on any
 * line of the order (compared case-insensitively), as `orderAddressKey`s.
 */
export async function addressesAlreadySent(
  db: Db,
  pairs: { orderId: string; email: string }[],
): Promise<Set<string>> {
  return (await sendHistory(db, pairs, [])).alreadySent;
}

/**
 * For each line given, the name of the colleague who delegated its setup to the line's current
 * contact: the line's latest contact change, when it was a delegation to this address.
 */
export async function delegatorsOfLines(
  db: Db,
  lines: { subscriptionId: string; contactEmail: string }[],
): Promise<Map<string, string>> {
  return (await sendHistory(db, [], lines)).delegators;
}

function alreadySentQuery(pairs: { orderId: string; email: string }[]) {
  // The pairs are constants, not a jsonb parameter (the planner cannot see into one: it guessed
  // 100 rows and hashed every send of every order, 25 ms a resend at 10,000 orders), and the
  // address is matched as `provisioning_email_address` indexes it (addresses are stored trimmed:
  // every way in validates them with z.email), so each pair is a lookup of that address's sends.
  const values = pairs.map((p) => sql`(${p.orderId}::text, ${p.email.trim().toLowerCase()}::text)`);
  return sql`(
    select 'sent' as kind, v.order_id as id, v.email, null::jsonb as data
    from (values ${sql.join(values)}) as v (order_id, email)
    where exists (
      select 1 from provisioning_email s
      join subscription_line l on l.subscription_id = s.subscription_id
      where l.order_id = v.order_id and lower(s.to_email) = v.email
    ))`;
}

function latestContactChangesQuery(subscriptionIds: string[]) {
  return sql`(
    select distinct on (a.subscription_id) 'delegation' as kind, a.subscription_id as id,
      null::text as email, a.data
    from audit_event a
    where a.subscription_id in (${sql.join(subscriptionIds)})
      and a.action = 'provisioning_contact.changed'
    order by a.subscription_id, a.id desc)`;
}

/** The delegator's name when a contact change was a delegation to `contactEmail`. */
function delegatorOf(raw: unknown, contactEmail: string): string | undefined {
  const data = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
    via?: string;
    from?: { name?: string };
    to?: { email?: string };
  };
  const to = data.to?.email?.trim().toLowerCase();
  return data.via === 'delegation' && data.from?.name && to === contactEmail.trim().toLowerCase()
    ? data.from.name
    : undefined;
}
