/**
 * SQL for what needs a partner's attention on a line, shared by every list that shows or filters
 * by it: the instant an open line closes, and the status of its newest provisioning e-mail (a
 * bounce or failure there means the contact never got a working link).
 */
import { type RawBuilder, sql } from 'kysely';

import { DEFAULT_POLICY } from '../domain/policy.js';

/** Sorts after every real close instant: lines that do not close (yet) come last. */
export const NEVER_CLOSES = new Date('9999-12-31T00:00:00.000Z');

/** `policy_days`, or for a line stored before the catalogue was seeded the built-in period. */
function policyDaysSql(alias: string): RawBuilder<number> {
  const seeded = Object.entries(DEFAULT_POLICY.closeAfterDays).map(
    ([code, days]) => sql`when ${sql.ref(`${alias}.offer_code`)} = ${code} then ${days}::integer`,
  );
  return sql<number>`coalesce(${sql.ref(`${alias}.policy_days`)}, case ${sql.join(seeded, sql` `)} else ${DEFAULT_POLICY.defaultDays}::integer end)`;
}

/**
 * The close instant of an open line (awaiting setup after its first e-mail), as closeInstant()
 * computes it (days of 86,400 s, whatever the session's time zone); NEVER_CLOSES for every other line, so it can key a sort and a keyset cursor.
 */
export function closeInstantSql(alias: string): RawBuilder<Date> {
  return sql<Date>`coalesce(case when ${sql.ref(`${alias}.status`)} = 'awaiting_provisioning_details'
    then ${sql.ref(`${alias}.first_email_at`)} + ${policyDaysSql(alias)} * interval '86400 seconds' end,
    ${NEVER_CLOSES}::timestamptz)`;
}

/** A column of the line's newest provisioning e-mail (by send order), null before the first. */
export function newestSendSql(alias: string, column: 'status' | 'to_email'): RawBuilder<string | null> {
  return sql<string | null>`(select p.${sql.ref(column)} from provisioning_email p
    where p.subscription_id = ${sql.ref(`${alias}.subscription_id`)} order by p.seq desc limit 1)`;
}

/**
 * The line could still be set up and its newest e-mail bounced or failed (undeliveredEmailOf in
 * the app says the same of a row). Never null, so `not` it keeps the lines never e-mailed.
 */
export function deliveryProblemSql(alias: string): RawBuilder<boolean> {
  return sql<boolean>`coalesce(${sql.ref(`${alias}.status`)} not in ('provisioned', 'cancelled')
    and ${newestSendSql(alias, 'status')} in ('bounced', 'failed'), false)`;
}
