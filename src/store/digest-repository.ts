/**
 * Who hears about an order's lines, and what the daily digest lists.
 *
 * The **recipients of an order** are the person who placed it while they are active; once they are
 * deactivated, the active partner admins of the order's partner. Nobody of a deactivated
 * organization. The digest and the bounce notice both ask this one query.
 *
 * A line is **listed** in the digest when it closes within the horizon (open, after its first
 * e-mail) or has a delivery problem (its newest provisioning e-mail bounced or failed).
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';

import type { Language } from '../domain/types.js';
import { closeInstantSql, deliveryProblemSql, newestSendSql } from './line-attention-sql.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface OrderRecipient {
  orderId: string;
  userId: string;
  name: string;
  email: string;
  language: Language;
  dailyDigest: boolean;
}

/** `(order_id, user_id)` of every recipient of the orders `orderIds` selects (a subquery). */
function recipientsSql(orderIds: RawBuilder<unknown>): RawBuilder<{ order_id: string; user_id: string }> {
  return sql<{ order_id: string; user_id: string }>`
    select distinct o.id as order_id, u.id as user_id
    from purchase_order o
    join app_user p on p.id = o.placed_by_user_id
    join app_user u on (p.deactivated_at is null and u.id = p.id)
      or (p.deactivated_at is not null and u.organization_id = o.partner_id
          and u.role = 'partner_admin' and u.deactivated_at is null)
    join organization g on g.id = u.organization_id and g.deactivated_at is null
    where o.id in (${orderIds})`;
}

/** The recipients of some orders, with what an e-mail to them needs. */
export async function recipientsOfOrders(db: Db, orderIds: string[]): Promise<OrderRecipient[]> {
  if (orderIds.length === 0) return [];
  const { rows } = await sql<{
    order_id: string;
    user_id: string;
    name: string;
    email: string;
    language: Language;
    daily_digest: boolean;
  }>`
    select r.order_id, r.user_id, u.name, u.email, u.language, u.daily_digest
    from (${recipientsSql(sql.join(orderIds))}) r join app_user u on u.id = r.user_id
    order by r.order_id, u.email`.execute(db);
  return rows.map((r) => ({
    orderId: r.order_id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    language: r.language,
    dailyDigest: r.daily_digest,
  }));
}

/**
 * Of the lines these sends were for, those still waiting on them: open (not provisioned or
 * cancelled) and with no newer provisioning e-mail. A bounce of an e-mail already replaced (the
 * contact was changed, or it was resent) leaves the line with a working link: nobody need act.
 */
export async function linesStillOnSends(db: Db, sendIds: string[]): Promise<Set<string>> {
  if (sendIds.length === 0) return new Set();
  const { rows } = await sql<{ subscription_id: string }>`
    select l.subscription_id from provisioning_email p
    join subscription_line l on l.subscription_id = p.subscription_id
    where p.id in (${sql.join(sendIds)}) and l.status not in ('provisioned', 'cancelled')
      and not exists (select 1 from provisioning_email n
        where n.subscription_id = p.subscription_id and n.seq > p.seq)`.execute(db);
  return new Set(rows.map((r) => r.subscription_id));
}

/** The lines the digest lists at `now`, with the order each belongs to (a CTE body). */
function listedLinesSql(now: Date, horizon: Date) {
  return sql`
    select l.subscription_id, l.order_id, l.offer_code, l.contact_email,
      ${closeInstantSql('l')} as closes_at,
      ${deliveryProblemSql('l')} as delivery_problem,
      ${newestSendSql('l', 'status')} as send_status,
      ${newestSendSql('l', 'to_email')} as send_to
    from subscription_line l
    where l.status not in ('provisioned', 'cancelled')
      and (${deliveryProblemSql('l')}
        or (${closeInstantSql('l')} > ${now} and ${closeInstantSql('l')} <= ${horizon}))`;
}

/**
 * Up to `limit` users who should get the digest of `day` and have not: they want it, and some line
 * of an order they are a recipient of is listed.
 */
export async function digestCandidates(
  db: Db,
  at: { now: Date; horizon: Date; day: string },
  limit: number,
): Promise<string[]> {
  const { rows } = await sql<{ user_id: string }>`
    with listed as (${listedLinesSql(at.now, at.horizon)}),
    recipient as (${recipientsSql(sql`select order_id from listed`)})
    select distinct r.user_id from recipient r join app_user u on u.id = r.user_id
    where u.daily_digest
      and not exists (select 1 from digest_sent d where d.user_id = r.user_id and d.day = ${at.day}::date)
    order by r.user_id
    limit ${limit}`.execute(db);
  return rows.map((r) => r.user_id);
}

/**
 * Locks these users for their digest, skipping any another worker holds (SKIP LOCKED): it is
 * writing theirs. Users who turned the digest off meanwhile are left out.
 */
export async function lockDigestUsers(trx: Transaction<Database>, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await trx
    .selectFrom('app_user')
    .select('id')
    .where('id', 'in', userIds)
    .where('daily_digest', '=', true)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Records the digests of `day`, one row per user; a user whose digest of the day is already
 * recorded (another worker committed it first, or a run before a restart) is left out. Returns the
 * users recorded now: only they get an e-mail.
 */
export async function recordDigests(
  trx: Transaction<Database>,
  digests: { userId: string; lines: number }[],
  day: string,
  now: Date,
): Promise<Set<string>> {
  if (digests.length === 0) return new Set();
  const rows = await trx
    .insertInto('digest_sent')
    .values(digests.map((d) => ({ user_id: d.userId, day, sent_at: now, lines: d.lines })))
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .returning('user_id')
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

export interface DigestLineRow {
  userId: string;
  subscriptionId: string;
  webOrderId: string;
  endCustomerName: string;
  offerName: string;
  contactEmail: string;
  /** NEVER_CLOSES for a line that does not close (a closed line with a delivery problem). */
  closesAt: Date;
  closingSoon: boolean;
  deliveryProblem: boolean;
  sendStatus: string | null;
  /** The address the newest e-mail went to (the one that bounced). */
  sendTo: string | null;
}

/** Every listed line of these users' orders, by recipient, earliest close first. */
export async function digestLinesOf(
  db: Db,
  userIds: string[],
  at: { now: Date; horizon: Date },
): Promise<DigestLineRow[]> {
  if (userIds.length === 0) return [];
  const { rows } = await sql<{
    user_id: string;
    subscription_id: string;
    web_order_id: string;
    end_customer_name: string;
    offer_name: string | null;
    offer_code: string;
    contact_email: string;
    closes_at: Date;
    delivery_problem: boolean;
    send_status: string | null;
    send_to: string | null;
  }>`
    with listed as (${listedLinesSql(at.now, at.horizon)}),
    recipient as (${recipientsSql(sql`select order_id from listed`)})
    select r.user_id, l.subscription_id, o.web_order_id, o.end_customer_name, f.name as offer_name,
      l.offer_code, l.contact_email, l.closes_at, l.delivery_problem, l.send_status, l.send_to
    from listed l
    join recipient r on r.order_id = l.order_id
    join purchase_order o on o.id = l.order_id
    left join offer f on f.code = l.offer_code
    where r.user_id in (${sql.join(userIds)})
    order by r.user_id, l.closes_at, l.subscription_id`.execute(db);
  return rows.map((r) => {
    const closesAt = new Date(r.closes_at);
    return {
      userId: r.user_id,
      subscriptionId: r.subscription_id,
      webOrderId: r.web_order_id,
      endCustomerName: r.end_customer_name,
      offerName: r.offer_name ?? r.offer_code,
      contactEmail: r.contact_email,
      closesAt,
      closingSoon: closesAt > at.now && closesAt <= at.horizon,
      deliveryProblem: r.delivery_problem,
      sendStatus: r.send_status,
      sendTo: r.send_to,
    };
  });
}
