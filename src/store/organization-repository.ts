/**
 * Organizations as the operator sees them: with their user counts, looked up by kind and name,
 * renamed, deactivated (every web session of their users ends with it) and their audit trail.
 */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';

import { NAME_PREFIX_LENGTH } from '../domain/setup-rules.js';
import type { Actor, OrganizationKind } from '../domain/types.js';
import { escapeLike } from './like-pattern.js';
import type { Database, OrganizationTable } from './schema.js';
import { visibleOrderFilter } from './visible-orders.js';

type Db = Kysely<Database> | Transaction<Database>;

export type OrganizationRow = Pick<
  Selectable<OrganizationTable>,
  'id' | 'kind' | 'name' | 'created_at' | 'deactivated_at'
> & {
  /** Users of the organization, deactivated ones included (they still exist and can be reactivated). */
  user_count: number;
};

export interface OrganizationFilter {
  kind?: OrganizationKind | undefined;
  /** Part of the name, any case. */
  q?: string | undefined;
}

function withUserCounts(db: Db) {
  return db
    .selectFrom('organization as o')
    .select(['o.id', 'o.kind', 'o.name', 'o.created_at', 'o.deactivated_at'])
    .select((eb) =>
      eb
        .selectFrom('app_user as u')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('u.organization_id', '=', 'o.id')
        .as('user_count'),
    );
}

const counted = <T extends { user_count: number | string | null }>(row: T) => ({
  ...row,
  user_count: Number(row.user_count ?? 0),
});

/** Every organization matching the filter, by name. */
export async function listOrganizationRows(db: Db, filter: OrganizationFilter): Promise<OrganizationRow[]> {
  let query = withUserCounts(db);
  if (filter.kind) query = query.where('o.kind', '=', filter.kind);
  // strpos rather than LIKE: a "%" or "_" in the search means itself.
  if (filter.q) query = query.where(sql<number>`strpos(lower(o.name), ${filter.q.toLowerCase()})`, '>', 0);
  const rows = await query
    .orderBy(sql`lower(o.name)`)
    .orderBy('o.id')
    .execute();
  return rows.map(counted);
}

export async function findOrganizationRow(db: Db, id: string): Promise<OrganizationRow | undefined> {
  const row = await withUserCounts(db).where('o.id', '=', id).executeTakeFirst();
  return row && counted(row);
}

/** The names of these organizations (those that exist), in no particular order. */
export async function organizationNames(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('organization').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** The kind of the organization; undefined when there is none with this id. */
export async function organizationKind(db: Db, id: string): Promise<OrganizationKind | undefined> {
  const row = await db.selectFrom('organization').select('kind').where('id', '=', id).executeTakeFirst();
  return row?.kind;
}

/** The ids of every distributor (an import checks all its orders against them at once). */
export async function distributorIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('organization').select('id').where('kind', '=', 'distributor').execute();
  return new Set(rows.map((d) => d.id));
}

/** Distributors still active, by name: the choices of the new-order form. */
export async function activeDistributors(db: Db): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('kind', '=', 'distributor')
    .where('deactivated_at', 'is', null)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
}

export type CustomerOrganizationRow = Pick<
  Selectable<OrganizationTable>,
  'id' | 'name' | 'country' | 'data_region'
>;

/** The organization, only if it is a customer organization. */
export async function findCustomerOrganization(
  db: Db,
  id: string,
): Promise<CustomerOrganizationRow | undefined> {
  return db
    .selectFrom('organization')
    .select(['id', 'name', 'country', 'data_region'])
    .where('id', '=', id)
    .where('kind', '=', 'customer')
    .executeTakeFirst();
}

/**
 * The setup finder's suggestions, by name: customer organizations whose name starts with
 * `namePrefix` (see `organizationNamePrefix`) and that have a customer admin on `adminDomain`.
 */
export async function suggestCustomerOrganizations(
  db: Db,
  match: { namePrefix: string; adminDomain: string; limit: number },
): Promise<CustomerOrganizationRow[]> {
  const startsWith = `${escapeLike(match.namePrefix)}%`;
  return (
    db
      .selectFrom('organization as o')
      .select(['o.id', 'o.name', 'o.country', 'o.data_region'])
      .where('o.kind', '=', 'customer')
      // LIKE can use the name index; left() makes "the same first five" exact for short names.
      .where(sql<boolean>`lower(o.name) like ${startsWith} escape '\\'`)
      .where(sql<boolean>`lower(left(o.name, ${NAME_PREFIX_LENGTH})) = ${match.namePrefix}`)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('app_user as a')
            .select('a.id')
            .whereRef('a.organization_id', '=', 'o.id')
            .where('a.role', '=', 'customer_admin')
            .where(sql<boolean>`lower(split_part(a.email, '@', 2)) = ${match.adminDomain}`),
        ),
      )
      .orderBy('o.name')
      .orderBy('o.id')
      .limit(match.limit)
      .execute()
  );
}

/** Locks the organization's row for a change (renames and deactivations queue behind each other). */
export async function lockOrganization(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.selectFrom('organization').select('id').where('id', '=', id).forUpdate().execute();
}

/**
 * Serializes creations and renames to one kind and name (case-insensitive) until the transaction
 * ends, so two operators typing the same new name at once cannot both pass the duplicate check.
 * There is no unique index to lean on: customer organizations may share names.
 */
export async function lockOrganizationName(
  trx: Transaction<Database>,
  kind: OrganizationKind,
  name: string,
): Promise<void> {
  const key = `organization:${kind}:${name.toLowerCase()}`;
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** Another organization of this kind with this name, any case, active or not. */
export async function findSameName(
  db: Db,
  kind: OrganizationKind,
  name: string,
  exceptId?: string,
): Promise<{ id: string } | undefined> {
  let query = db
    .selectFrom('organization')
    .select('id')
    .where('kind', '=', kind)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function insertOrganization(
  trx: Transaction<Database>,
  row: {
    id: string;
    kind: OrganizationKind;
    name: string;
    created_at: Date;
    /** Customer organizations have both; others have neither. */
    country?: string;
    data_region?: string;
  },
): Promise<void> {
  await trx.insertInto('organization').values(row).execute();
}

export async function updateOrganization(
  trx: Transaction<Database>,
  id: string,
  change: { name?: string; deactivated_at?: Date | null; updated_at: Date },
): Promise<void> {
  await trx.updateTable('organization').set(change).where('id', '=', id).execute();
}

/** Ends every browser session of the organization's users; returns how many there were. */
export async function deleteSessionsOfOrganization(trx: Transaction<Database>, id: string): Promise<number> {
  const result = await trx
    .deleteFrom('web_session')
    .where('user_id', 'in', (eb) => eb.selectFrom('app_user').select('id').where('organization_id', '=', id))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface OrganizationAuditRow {
  id: number;
  at: Date;
  actor_label: string;
  action: string;
  data: unknown;
}

/** The newest audit events concerning the organization, newest first. */
export async function organizationAuditRows(
  db: Db,
  organizationId: string,
  limit: number,
): Promise<OrganizationAuditRow[]> {
  return db
    .selectFrom('audit_event')
    .select(['id', 'at', 'actor_label', 'action', 'data'])
    .where('organization_id', '=', organizationId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The customer organization each of these orders was mapped to, by name, among the orders `actor`
 * may see (a list page explains its mapped lines per organization). Unmapped orders are left out.
 */
export async function mappedOrganizationNames(
  db: Db,
  actor: Actor,
  orderIds: string[],
): Promise<{ orderId: string; organizationId: string; name: string }[]> {
  if (orderIds.length === 0) return [];
  return db
    .selectFrom('purchase_order as po')
    .innerJoin('organization as c', 'c.id', 'po.customer_organization_id')
    .select(['po.id as orderId', 'c.id as organizationId', 'c.name'])
    .where('po.id', 'in', orderIds)
    .where(visibleOrderFilter(actor))
    .execute();
}
