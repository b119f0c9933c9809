/**
 * Withdrawing provisioning e-mails that must not go out: their link died (a resend, a contact
 * change, a cancellation) or their order was set up (the PONR) before they left.
 *
 * Only what is still waiting is withdrawn. A row a worker has claimed (`leased_until` in the
 * future) may be at the SMTP server right now, so it is left to that worker: it re-checks the row
 * under its claim (`withdrawClaimedSends`) just before sending, and otherwise records what really
 * happened (sent, failed). Marking it withdrawn here would be a lie the moment it was delivered.
 *
 * Lock order (the same in every writer, see run-transaction.ts): outbox rows in id order, then
 * their sends.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';

import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What a send's status says when a newer link replaced it (also written by `writeProvisioningSends`). */
export const SUPERSEDED_DETAIL = 'a newer link replaced this one before it was sent';
/** What a send's status says when the order was set up (the PONR) before it was sent. */
export const WITHDRAWN_DETAIL = 'withdrawn: the order was set up';

/** A send that was withdrawn, for its line event. */
export interface WithdrawnSend {
  id: string;
  subscription_id: string;
  to_email: string;
  status: 'superseded' | 'withdrawn';
  status_detail: string;
}

/**
 * Two CTEs, `withdrawable` then `withdrawn` (returning `send_id`): the still-waiting outbox rows
 * of queued sends of these lines, locked in id order, marked superseded. Shared with the one
 * statement of `writeProvisioningSends`, which must not take a round trip of its own for it.
 *
 * An e-mail listing several lines (a lead send and its followers) is withdrawn only when every
 * live line it lists is among these: a change to one of a contact's lines leaves the e-mail that
 * still serves their other lines on its way.
 */
export function pendingOutboxWithdrawal(lineIds: RawBuilder<unknown>, now: Date): RawBuilder<unknown> {
  return sql`withdrawable as (
      select o.id from outbox o
      where o.status = 'pending' and (o.leased_until is null or o.leased_until <= ${now})
        and o.send_id in (
          select coalesce(pe.lead_send_id, pe.id) from provisioning_email pe
          where pe.subscription_id in (${lineIds}) and pe.status = 'queued')
        and not exists (
          select 1 from provisioning_email g
          join subscription_line gl on gl.subscription_id = g.subscription_id
          where (g.id = o.send_id or g.lead_send_id = o.send_id)
            and g.subscription_id not in (${lineIds}) and gl.status <> 'cancelled')
      order by o.id
      for update of o
    ),
    withdrawn as (
      update outbox o set status = 'superseded', done_at = ${now}, leased_until = null,
        payload = '{"superseded":true}'
      where o.id in (select id from withdrawable)
      returning o.send_id
    )`;
}

/**
 * The sends an e-mail withdrawn by `pendingOutboxWithdrawal` listed: its lead and followers. One
 * IN over a union, each branch an index lookup (primary key, provisioning_email_lead), where
 * `id in (…) or lead_send_id in (…)` leaves the planner a filter over the whole table.
 */
export const WITHDRAWN_GROUP = sql`pe.id in (
  select send_id from withdrawn
  union all
  select f.id from provisioning_email f join withdrawn w on f.lead_send_id = w.send_id)`;

/**
 * Withdraws the provisioning e-mails of these lines still waiting in the outbox (their links were
 * just revoked): `superseded` when a newer link replaced them, `withdrawn` at the PONR. Leaves rows
 * under a worker's lease alone (see above). Returns the sends withdrawn.
 */
export async function supersedePendingSends(
  db: Db,
  subscriptionIds: string[],
  now: Date,
  status: 'superseded' | 'withdrawn' = 'superseded',
): Promise<WithdrawnSend[]> {
  if (subscriptionIds.length === 0) return [];
  const detail = status === 'withdrawn' ? WITHDRAWN_DETAIL : SUPERSEDED_DETAIL;
  const { rows } = await sql<WithdrawnSend>`
    with ${pendingOutboxWithdrawal(sql.join(subscriptionIds), now)}
    update provisioning_email pe set status = ${status}, status_detail = ${detail}, status_at = ${now}
    where ${WITHDRAWN_GROUP}
    returning pe.id, pe.subscription_id, pe.to_email, pe.status, pe.status_detail`.execute(db);
  return rows;
}

/**
 * The worker's re-check under its claim, just before sending: of these claimed rows, withdraws the
 * provisioning e-mails whose order was set up meanwhile (`withdrawn`) or whose link was revoked
 * while the row was leased (`superseded`: a resend or contact change could not withdraw it then).
 * Fenced by `attempts`, like `markFailedAttempt`: a row claimed again after this claim's lease ran
 * out belongs to the newer claim. Returns the sends withdrawn and the outbox ids they had.
 */
export async function withdrawClaimedSends(
  db: Db,
  claimed: { id: number; attempts: number }[],
  now: Date,
): Promise<(WithdrawnSend & { outbox_id: number })[]> {
  if (claimed.length === 0) return [];
  const values = claimed.map((c) => ({ id: c.id, attempts: c.attempts }));
  // The claimed ids are also given as an array on outbox itself, so the plan starts from them by
  // primary key. Joined only through the recordset, a plan built on stale statistics started from
  // every queued send and parsed the recordset again for each: 12–15 ms a call for 100 rows at
  // 1,000 lines, and some calls took 234 ms at 20,000.
  const { rows } = await sql<WithdrawnSend & { outbox_id: number }>`
    with claimed as materialized (
      select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as c (id bigint, attempts integer)
    ),
    locked as (
      select o.id, o.send_id,
        case when po.mapped_at is not null then 'withdrawn' else 'superseded' end as send_status
      from outbox o
      join claimed c on c.id = o.id and c.attempts = o.attempts
      join provisioning_email pe on pe.id = o.send_id
      join subscription_line l on l.subscription_id = pe.subscription_id
      join purchase_order po on po.id = l.order_id
      where o.id = any(${claimed.map((c) => c.id)}::bigint[])
        and o.status = 'pending' and pe.status = 'queued'
        and (po.mapped_at is not null or exists (
          select 1 from setup_token t where t.send_id = pe.id and t.revoked_at is not null))
      order by o.id
      for update of o
    ),
    withdrawn as (
      update outbox o set status = 'superseded', done_at = ${now}, leased_until = null,
        payload = '{"superseded":true}'
      from locked
      where o.id = locked.id
      returning o.id, o.send_id, locked.send_status
    )
    update provisioning_email pe
    set status = w.send_status, status_at = ${now},
      status_detail = case w.send_status when 'withdrawn' then ${WITHDRAWN_DETAIL} else ${SUPERSEDED_DETAIL} end
    from withdrawn w
    where pe.id = w.send_id or pe.lead_send_id = w.send_id
    returning pe.id, pe.subscription_id, pe.to_email, pe.status, pe.status_detail, w.id as outbox_id`.execute(
    db,
  );
  return rows.map((r) => ({ ...r, outbox_id: Number(r.outbox_id) }));
}
