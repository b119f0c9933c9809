/**
 * Bulk-loads orders and subscription lines straight in SQL (one INSERT … SELECT generate_series
 * per table), not through use cases: a million lines load in seconds, not hours.
 *
 * Line i (from `first`, default 1) belongs to order `<orderPrefix><(i-first)/perOrder>`; its subscription id is Sub<100000000+i>.
 * Each line has its own provisioning contact (one e-mail per line), or with `contactPerOrder` the
 * lines of an order share one (one e-mail per order).
 * `kind` decides what is due at BENCH_NOW:
 * - 'rsd': the first `due` lines are booked with their RSD now (the RSD burst);
 * - 'sweep': the first `due` lines await provisioning details, half with a reminder due and half
 *   past their policy period (auto-close); of the rest, 4 in 5 are provisioned (nothing due)
 *   and 1 in 5 await details with their next reminder weeks away.
 */
import { type Kysely, sql } from 'kysely';

import type { Database } from '../src/store/schema.js';
import { BENCH_NOW } from './bench-store.js';

const DAY_MS = 86_400_000;

export async function loadLines(
  db: Kysely<Database>,
  opts: {
    total: number;
    due: number;
    kind: 'rsd' | 'sweep';
    perOrder?: number;
    /** Lines (and orders) are numbered from here; default 1. Lets two loads share a table. */
    first?: number;
    orderPrefix?: string;
    /** One contact for all the lines of an order (one e-mail per order) instead of one per line. */
    contactPerOrder?: boolean;
    analyze?: boolean;
  },
): Promise<void> {
  const perOrder = opts.perOrder ?? 10;
  const orders = Math.ceil(opts.total / perOrder);
  const first = opts.first ?? 1;
  const prefix = opts.orderPrefix ?? 'ord_b';
  const contactOf = opts.contactPerOrder ? sql`'o' || ((i - ${first}) / ${perOrder})` : sql`i::text`;
  const now = BENCH_NOW;
  await sql`
    insert into purchase_order (id, web_order_id, partner_id, placed_by_user_id, end_customer_name, submitted_at)
    select ${prefix} || o, 'WO-' || ${prefix} || o, 'org_p', 'usr_p', 'Initech Srl', ${now}::timestamptz - interval '40 days'
    from generate_series(0, ${orders - 1}::int) as o`.execute(db);
  // Sweep lines: reminder due (first e-mail 27.5 days ago, none sent), close due (31 days ago,
  // both reminders sent), idle (first e-mail 2 days ago, next reminder at day 27).
  const remindAt = new Date(now.getTime() - 27.5 * DAY_MS);
  const closeAt = new Date(now.getTime() - 31 * DAY_MS);
  const idleAt = new Date(now.getTime() - 2 * DAY_MS);
  const later = new Date(now.getTime() + 30 * DAY_MS);
  // One row per kind of line; each generated line joins the kind it is.
  await sql`
    insert into subscription_line (subscription_id, order_id, line_no, offer_code, quantity, rsd, status,
      contact_name, contact_email, contact_language, rsd_at, first_email_at, reminders_sent,
      next_action_at, provisioned_at, created_at, updated_at, policy_days)
    select 'Sub' || (100000000 + i), ${prefix} || ((i - ${first}) / ${perOrder}), (i - ${first}) % ${perOrder} + 1,
      'MEET-PRO', 1, '2026-10-01', s.status, 'Irene Conti', 'c' || ${contactOf} || '@initech.example', 'en',
      s.rsd_at, s.first_email_at, s.reminders_sent, s.next_action_at, s.provisioned_at, ${now}, ${now},
      -- The offer's period, as placing an order copies it (MEET-PRO: the default 30 days).
      30
    from generate_series(${first}::int, ${first + opts.total - 1}::int) as i
    join (values
      ('rsd_due', 'booked', ${now}::timestamptz, null::timestamptz, 0, ${now}::timestamptz, null::timestamptz),
      ('rsd_later', 'booked', ${later}, null, 0, ${later}, null),
      ('remind', 'awaiting_provisioning_details', ${remindAt}, ${remindAt}, 0, ${new Date(remindAt.getTime() + 27 * DAY_MS)}, null),
      ('close', 'awaiting_provisioning_details', ${closeAt}, ${closeAt}, 2, ${new Date(closeAt.getTime() + 30 * DAY_MS)}, null),
      ('idle', 'awaiting_provisioning_details', ${idleAt}, ${idleAt}, 0, ${new Date(idleAt.getTime() + 27 * DAY_MS)}, null),
      ('done', 'provisioned', ${idleAt}, ${idleAt}, 0, null, ${now})
    ) as s (kind, status, rsd_at, first_email_at, reminders_sent, next_action_at, provisioned_at)
      on s.kind = case
        when ${opts.kind} = 'rsd' then case when i < ${first + opts.due} then 'rsd_due' else 'rsd_later' end
        when i < ${first + opts.due} then case when i % 2 = 0 then 'remind' else 'close' end
        when i % 5 = 0 then 'idle'
        else 'done' end`.execute(db);
  await sql`select setval('subscription_number', ${100000000 + first + opts.total})`.execute(db);
  // Vacuum too: a fresh bulk load would otherwise be vacuumed by autovacuum during the measurement;
  // and a checkpoint, so the load's dirty pages are written now rather than while the clock runs
  // (the 1M-line load's write-back overlapped the sweep measured right after it).
  if (opts.analyze !== false) {
    await sql`vacuum analyze`.execute(db);
    await sql`checkpoint`.execute(db);
  }
}
