/**
 * Users of an organization: list, find, lock, change role, deactivate and reactivate. Deactivation
 * ends the user's web sessions and revokes their API tokens in the caller's transaction, so both
 * stop at once; reactivation brings neither back.
 */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';

import type { Role } from '../domain/types.js';
import type { AppUserTable, Database, OrganizationTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type UserRow = Selectable<AppUserTable>;
export type OrganizationRow = Selectable<OrganizationTable>;

const USER_COLUMNS = [
  'id',
  'organization_id',
  'role',
  'name',
  'email',
  'language',
  'created_at',
  'deactivated_at',
  'updated_at',
  'daily_digest',
] as const;
export type UserListRow = Pick<UserRow, (typeof USER_COLUMNS)[number]>;

export async function usersOf(db: Db, organizationId: string): Promise<UserListRow[]> {
  return db
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function findUser(db: Db, userId: string): Promise<UserListRow | undefined> {
  return db.selectFrom('app_user').select(USER_COLUMNS).where('id', '=', userId).executeTakeFirst();
}

/** Locks the user row until the transaction ends. */
export async function lockUser(trx: Transaction<Database>, userId: string): Promise<UserListRow | undefined> {
  return trx
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

/** Any user with this address (addresses are unique across organizations, case-insensitive). */
export async function findUserByEmail(db: Db, email: string): Promise<UserListRow | undefined> {
  return db
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
}

/** Whom to write to: the name, address and language of each of these users (those that exist). */
export async function addresseesOf(
  db: Db,
  userIds: string[],
): Promise<Map<string, Pick<UserRow, 'id' | 'name' | 'email' | 'language'>>> {
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'name', 'email', 'language'])
    .where('id', 'in', userIds)
    .execute();
  return new Map(rows.map((u) => [u.id, u]));
}

/** The user with this address (any case), and whether they have chosen a password. */
export async function findPasswordStateByEmail(
  db: Db,
  email: string,
): Promise<{ id: string; hasPassword: boolean } | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return row && { id: row.id, hasPassword: Boolean(row.password_hash) };
}

/** Whether the user with this address (any case) has chosen a password. */
export async function hasPassword(db: Db, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return Boolean(row?.password_hash);
}

/** The role of the user with this address (any case), with their organization, in one read. */
export async function findAccountByEmail(
  db: Db,
  email: string,
): Promise<
  | (Pick<UserRow, 'role'> & Pick<OrganizationRow, 'id' | 'kind' | 'name' | 'country' | 'data_region'>)
  | undefined
> {
  return db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select(['u.role', 'o.id', 'o.kind', 'o.name', 'o.country', 'o.data_region'])
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst();
}

export async function findOrganization(db: Db, organizationId: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organization').selectAll().where('id', '=', organizationId).executeTakeFirst();
}

/**
 * Locks the organization row: role changes, deactivations and invitations of one organization
 * take it first, so "at least one active admin" and "one live invitation per address" hold under
 * concurrency.
 */
export async function lockOrganization(
  trx: Transaction<Database>,
  organizationId: string,
): Promise<OrganizationRow | undefined> {
  return trx
    .selectFrom('organization')
    .selectAll()
    .where('id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
}

/** Active users of the organization with the admin role, other than `exceptUserId`. */
export async function countOtherActiveAdmins(
  db: Db,
  organizationId: string,
  adminRole: Role,
  exceptUserId: string,
): Promise<number> {
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('role', '=', adminRole)
    .where('deactivated_at', 'is', null)
    .where('id', '!=', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active admins of an organization, to name whom to ask (e.g. when an order's placer left). */
export async function activeAdminsOf(
  db: Db,
  organizationId: string,
  adminRole: Role,
): Promise<{ name: string; email: string }[]> {
  return db
    .selectFrom('app_user')
    .select(['name', 'email'])
    .where('organization_id', '=', organizationId)
    .where('role', '=', adminRole)
    .where('deactivated_at', 'is', null)
    .orderBy('name')
    .limit(10)
    .execute();
}

/** Whether `email` is an active customer admin of the organization (direct mapping to it). */
export async function isActiveCustomerAdmin(db: Db, organizationId: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'customer_admin')
    .where('deactivated_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(db: Db, row: Insertable<AppUserTable>): Promise<void> {
  await db.insertInto('app_user').values(row).execute();
}

export async function setUserRole(db: Db, userId: string, role: Role, now: Date): Promise<void> {
  await db.updateTable('app_user').set({ role, updated_at: now }).where('id', '=', userId).execute();
}

/** Deactivates the user, ends their sessions and revokes their live API tokens; returns the counts. */
export async function deactivateUser(
  db: Db,
  userId: string,
  now: Date,
): Promise<{ endedSessions: number; revokedTokens: number }> {
  await db
    .updateTable('app_user')
    .set({ deactivated_at: now, updated_at: now })
    .where('id', '=', userId)
    .execute();
  const sessions = await db.deleteFrom('web_session').where('user_id', '=', userId).executeTakeFirst();
  const tokens = await db
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return {
    endedSessions: Number(sessions.numDeletedRows),
    revokedTokens: Number(tokens.numUpdatedRows),
  };
}

export async function reactivateUser(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ deactivated_at: null, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

/** Turns the user's daily digest e-mail on or off (their account page). */
export async function setDailyDigest(db: Db, userId: string, on: boolean, now: Date): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ daily_digest: on, updated_at: now })
    .where('id', '=', userId)
    .execute();
}
