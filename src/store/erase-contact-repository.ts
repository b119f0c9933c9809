/**
 * The SQL of `onramp erase-contact` (src/app/erase-contact.ts): a person's address and names
 * replaced by a pseudonym in every text, JSON and text-array column of every table of the schema,
 * found from the catalogue, so a table added later is covered without a change here.
 *
 * A row is rewritten when it mentions the address, or when it belongs to the person (their lines,
 * their support cases, their user): there a name alone is theirs too. Elsewhere a name alone may
 * be someone else's (two people called Irene Conti), so it is left.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';

import type { Database } from './schema.js';

type Trx = Transaction<Database> | Kysely<Database>;

/** The person to erase: a lowercase address, their names, what belongs to them. */
export interface ErasedPerson {
  address: string;
  names: string[];
  subscriptionIds: string[];
  caseIds: string[];
  userId: string | null;
}

export interface Pseudonym {
  name: string;
  email: string;
}

/** Quotes `text` for a PostgreSQL regular expression (advanced syntax). */
function regexLiteral(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, (c) => `\\${c}`);
}

/** Tables the erasure never rewrites: the migrator's own bookkeeping. */
const SKIPPED_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/** Ids, references and keys: `id`, `…_id`, `…_hash`, `message_key`. */
const KEY_COLUMN = /^(id|.*_id|.*_hash|message_key)$/;

/** Rows of each table that belong to the person even without their address in them. */
function belongsToPerson(table: string, person: ErasedPerson): RawBuilder<unknown> | null {
  const lines = person.subscriptionIds;
  const cases = person.caseIds;
  const user = person.userId;
  const any = (column: string, ids: string[]) =>
    ids.length === 0 ? sql`false` : sql`${sql.ref(column)} = any(${ids})`;
  const is = (column: string) => (user === null ? sql`false` : sql`${sql.ref(column)} = ${user}`);
  switch (table) {
    case 'subscription_line':
    case 'provisioning_email':
      return any('t.subscription_id', lines);
    case 'audit_event':
      return sql`(${any('t.subscription_id', lines)} or ${is('t.actor_user_id')})`;
    case 'support_case':
      return any('t.id', cases);
    case 'support_case_event':
      return sql`(${any('t.case_id', cases)} or ${is('t.actor_user_id')})`;
    case 'app_user':
      return is('t.id');
    default:
      return null;
  }
}

/** Text, JSON and text-array columns of every table in the current schema. */
async function textColumns(trx: Trx): Promise<Map<string, { column: string; type: string }[]>> {
  const { rows } = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
  }>`
    select c.table_name, c.column_name, c.data_type, c.udt_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and c.is_generated = 'NEVER'
      and (c.data_type in ('text', 'character varying', 'json', 'jsonb') or c.udt_name in ('_text', '_varchar'))
    order by c.table_name, c.ordinal_position`.execute(trx);
  const tables = new Map<string, { column: string; type: string }[]>();
  for (const r of rows) {
    // Keys are never words of a person, and rewriting one would break what points to it.
    if (SKIPPED_TABLES.has(r.table_name) || KEY_COLUMN.test(r.column_name)) continue;
    const type = r.data_type === 'ARRAY' ? 'array' : r.data_type;
    tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), { column: r.column_name, type }]);
  }
  return tables;
}

/**
 * Rewrites every mention; returns the rows changed per table (tables with none are left out).
 * Runs only inside the erasure's transaction, after `allowAuditRedaction`.
 */
export async function pseudonymizeEverywhere(
  trx: Trx,
  person: ErasedPerson,
  pseudonym: Pseudonym,
): Promise<Record<string, number>> {
  const address = regexLiteral(person.address);
  // Whole words only: "Ann" must not eat "Announcement".
  const names = person.names.map((n) => `(?<![[:alnum:]_])${regexLiteral(n)}(?![[:alnum:]_])`);
  const replaced = (value: RawBuilder<unknown>): RawBuilder<unknown> =>
    names.reduce(
      (expr, name) => sql`regexp_replace(${expr}, ${name}, ${pseudonym.name}, 'gi')`,
      sql`regexp_replace(${value}, ${address}, ${pseudonym.email}, 'gi')`,
    );
  const changed: Record<string, number> = {};
  for (const [table, columns] of await textColumns(trx)) {
    const sets = columns.map(({ column, type }) => {
      const col = sql.ref(`t.${column}`);
      const expr =
        type === 'jsonb' || type === 'json'
          ? sql`(${replaced(sql`${col}::text`)})::${sql.raw(type)}`
          : type === 'array'
            ? sql`array(select ${replaced(sql`x`)} from unnest(${col}) with ordinality as u(x, n) order by n)`
            : replaced(sql`${col}`);
      return { column, expr, differs: sql`${col}::text is distinct from (${expr})::text` };
    });
    const owned = belongsToPerson(table, person);
    const scope = owned ? sql`(t::text ~* ${address} or ${owned})` : sql`t::text ~* ${address}`;
    const result = await sql`
      update ${sql.table(table)} as t
      set ${sql.join(sets.map((s) => sql`${sql.ref(s.column)} = ${s.expr}`))}
      where ${scope} and (${sql.join(
        sets.map((s) => s.differs),
        sql` or `,
      )})`.execute(trx);
    const count = Number(result.numAffectedRows ?? 0);
    if (count > 0) changed[table] = count;
  }
  return changed;
}

/** Lets this transaction, and only it, rewrite audit rows' words (migrations/027). */
export async function allowAuditRedaction(trx: Transaction<Database>): Promise<void> {
  await sql`select set_config('onramp.redaction', 'on', true)`.execute(trx);
  // Every table is scanned once: a large database must not hit the statement timeout midway.
  await sql`select set_config('statement_timeout', '0', true)`.execute(trx);
}

/** Lines, support cases, user and names of the person with this (lowercase) address. */
export async function findPerson(trx: Trx, address: string): Promise<ErasedPerson> {
  const lines = await sql<{ subscription_id: string; name: string }>`
    select subscription_id, contact_name as name from subscription_line where lower(contact_email) = ${address}
    union
    select subscription_id, to_name from provisioning_email where lower(to_email) = ${address}`.execute(trx);
  const cases = await sql<{ id: string; name: string }>`
    select id, requester_name as name from support_case where lower(requester_email) = ${address}`.execute(
    trx,
  );
  const users = await sql<{ id: string; name: string }>`
    select id, name from app_user where lower(email) = ${address}`.execute(trx);
  const fullNames = [...lines.rows, ...cases.rows, ...users.rows].map((r) => r.name.trim());
  // "Dear Ottavia" is her too: each part of a name goes, the full names first (longest first).
  const names = [...fullNames, ...fullNames.flatMap((n) => n.split(/\s+/))];
  return {
    address,
    // A one- or two-letter part ("Li", an initial) would match too much; the address still goes.
    names: [...new Set(names.filter((n) => n.length >= 3))].sort((a, b) => b.length - a.length),
    subscriptionIds: [...new Set(lines.rows.map((r) => r.subscription_id))],
    caseIds: cases.rows.map((r) => r.id),
    userId: users.rows[0]?.id ?? null,
  };
}

/** Deletes the mail the built-in sink captured to, from or about the address. */
export async function deleteCapturedMailOf(trx: Trx, address: string): Promise<number> {
  const result = await sql`delete from captured_mail t where t::text ~* ${regexLiteral(address)}`.execute(
    trx,
  );
  return Number(result.numAffectedRows ?? 0);
}

/**
 * E-mails to the address still waiting in the outbox: withdrawn (superseded), with their sends,
 * so nothing goes to the pseudonym. A row a worker holds right now is left to it.
 */
export async function withdrawWaitingEmailsTo(trx: Trx, address: string, now: Date): Promise<number> {
  const result = await sql`
    with withdrawn as (
      update outbox o set status = 'superseded', done_at = ${now}, leased_until = null,
        payload = '{"superseded":true}', last_error = 'the contact was erased'
      where o.topic = 'email' and o.status = 'pending'
        and (o.leased_until is null or o.leased_until <= ${now})
        and o.send_id in (select id from provisioning_email where lower(to_email) = ${address})
      returning o.send_id
    )
    update provisioning_email p set status = 'withdrawn', status_detail = 'withdrawn: the contact was erased',
      status_at = ${now}
    where p.status = 'queued'
      and (p.id in (select send_id from withdrawn) or p.lead_send_id in (select send_id from withdrawn))`.execute(
    trx,
  );
  return Number(result.numAffectedRows ?? 0);
}

/**
 * What is keyed by the address's SHA-256 (sign-in failures and known browsers, migrations/019;
 * password-reset rate limits) and the user's kept API answers (sealed, so no search finds them).
 */
export async function deleteTracesOf(
  trx: Trx,
  addressHash: string,
  userId: string | null,
): Promise<Record<string, number>> {
  const statements = {
    sign_in_failure: sql`delete from sign_in_failure where key like ${`%${addressHash}%`}`,
    rate_limit: sql`delete from rate_limit where key like ${`%${addressHash}%`}`,
    sign_in_known_browser: sql`delete from sign_in_known_browser where address_hash = ${addressHash}`,
    idempotency_key: sql`delete from idempotency_key where user_id = ${userId}`,
  };
  const counts: Record<string, number> = {};
  for (const [table, statement] of Object.entries(statements))
    counts[table] = Number((await statement.execute(trx)).numAffectedRows ?? 0);
  return counts;
}

/** The user's password and password links go: an erased person never signs in again. */
export async function forgetPasswordOf(
  trx: Trx,
  userId: string,
  now: Date,
): Promise<{ passwords: number; links: number }> {
  const cleared = await trx
    .updateTable('app_user')
    .set({ password_hash: null, updated_at: now })
    .where('id', '=', userId)
    .where('password_hash', 'is not', null)
    .executeTakeFirst();
  const links = await trx.deleteFrom('password_token').where('user_id', '=', userId).executeTakeFirst();
  return { passwords: Number(cleared.numUpdatedRows), links: Number(links.numDeletedRows) };
}

/** Invitations to the address still open are revoked: nobody joins under the pseudonym. */
export async function revokeInvitationsTo(trx: Trx, address: string, now: Date): Promise<number> {
  const result = await trx
    .updateTable('invitation')
    .set({ revoked_at: now })
    .where((eb) => eb(eb.fn('lower', ['email']), '=', address))
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
