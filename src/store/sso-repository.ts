/**
 * Single sign-on: organizations' OpenID Connect connections (client secret sealed), their e-mail
 * domains and verification, and sign-ins on their way through the identity provider.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';

import type { OrganizationKind, Role } from '../domain/types.js';
import type { Database, SsoConnectionTable, SsoDomainTable } from './schema.js';
import { keyRing, seal, sealedKeyId, unseal, UnsealError } from './secret-box.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SsoConnection {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  displayName: string;
  issuer: string;
  clientId: string;
  /** Opened from its seal only when a sign-in needs it. */
  clientSecret: () => string;
  enforced: boolean;
  invitationsRequired: boolean;
  defaultRole: Role;
  sessionMaxMinutes: number;
}

export type SsoDomain = Pick<
  Selectable<SsoDomainTable>,
  'domain' | 'verification_token' | 'verified_at' | 'verified_by'
>;

export interface SsoConnectionInput {
  displayName: string;
  issuer: string;
  clientId: string;
  /** Undefined keeps the stored secret (a change of other settings). */
  clientSecret?: string | undefined;
  enforced: boolean;
  invitationsRequired: boolean;
  defaultRole: Role;
  sessionMaxMinutes: number;
}

function connectionOf(
  row: Selectable<SsoConnectionTable> & { organization_name: string; organization_kind: OrganizationKind },
): SsoConnection {
  return {
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    organizationKind: row.organization_kind,
    displayName: row.display_name,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret: () => unseal(row.client_secret_sealed, 'sso'),
    enforced: row.enforced,
    invitationsRequired: row.invitations_required,
    defaultRole: row.default_role,
    sessionMaxMinutes: row.session_max_minutes,
  };
}

function connections(db: Db) {
  return db
    .selectFrom('sso_connection as c')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .selectAll('c')
    .select(['o.name as organization_name', 'o.kind as organization_kind'])
    .where('o.deactivated_at', 'is', null);
}

/** The connection of an active organization. */
export async function findSsoConnection(db: Db, organizationId: string): Promise<SsoConnection | undefined> {
  const row = await connections(db).where('c.organization_id', '=', organizationId).executeTakeFirst();
  return row && connectionOf(row);
}

/** The connection a verified domain routes sign-ins to. */
export async function findRoutedSsoConnection(db: Db, domain: string): Promise<SsoConnection | undefined> {
  const row = await connections(db)
    .innerJoin('sso_domain as d', 'd.organization_id', 'c.organization_id')
    .where('d.domain', '=', domain)
    .where('d.verified_at', 'is not', null)
    .executeTakeFirst();
  return row && connectionOf(row);
}

export async function upsertSsoConnection(
  db: Db,
  organizationId: string,
  input: SsoConnectionInput,
  now: Date,
): Promise<void> {
  const values = {
    display_name: input.displayName,
    issuer: input.issuer,
    client_id: input.clientId,
    enforced: input.enforced,
    invitations_required: input.invitationsRequired,
    default_role: input.defaultRole,
    session_max_minutes: input.sessionMaxMinutes,
    updated_at: now,
    ...(input.clientSecret === undefined ? {} : { client_secret_sealed: seal(input.clientSecret, 'sso') }),
  };
  if (input.clientSecret === undefined) {
    await db
      .updateTable('sso_connection')
      .set(values)
      .where('organization_id', '=', organizationId)
      .execute();
    return;
  }
  await db
    .insertInto('sso_connection')
    .values({
      ...values,
      client_secret_sealed: seal(input.clientSecret, 'sso'),
      organization_id: organizationId,
      created_at: now,
    })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
    .execute();
}

export async function deleteSsoConnection(db: Db, organizationId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('sso_connection')
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export async function listSsoDomains(db: Db, organizationId: string): Promise<SsoDomain[]> {
  return db
    .selectFrom('sso_domain')
    .select(['domain', 'verification_token', 'verified_at', 'verified_by'])
    .where('organization_id', '=', organizationId)
    .orderBy('domain')
    .execute();
}

/** Adds a claimed domain (unverified); an existing claim of the same organization is kept. */
export async function insertSsoDomain(
  db: Db,
  row: { organizationId: string; domain: string; token: string; now: Date },
): Promise<void> {
  await db
    .insertInto('sso_domain')
    .values({
      organization_id: row.organizationId,
      domain: row.domain,
      verification_token: row.token,
      created_at: row.now,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'domain']).doNothing())
    .execute();
}

export async function deleteSsoDomain(db: Db, organizationId: string, domain: string): Promise<boolean> {
  const r = await db
    .deleteFrom('sso_domain')
    .where('organization_id', '=', organizationId)
    .where('domain', '=', domain)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Drops every domain of the organization; returns them. */
export async function deleteSsoDomains(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db
    .deleteFrom('sso_domain')
    .where('organization_id', '=', organizationId)
    .returning('domain')
    .execute();
  return rows.map((r) => r.domain);
}

/** Whether another organization holds the domain verified. */
export async function domainVerifiedElsewhere(
  db: Db,
  organizationId: string,
  domain: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('sso_domain')
    .select('organization_id')
    .where('domain', '=', domain)
    .where('verified_at', 'is not', null)
    .where('organization_id', '<>', organizationId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function markSsoDomainVerified(
  db: Db,
  organizationId: string,
  domain: string,
  by: 'dns' | 'operator',
  now: Date,
): Promise<void> {
  await db
    .updateTable('sso_domain')
    .set({ verified_at: now, verified_by: by })
    .where('organization_id', '=', organizationId)
    .where('domain', '=', domain)
    .execute();
}

export async function insertSsoSignIn(
  db: Db,
  row: {
    idHash: Buffer;
    organizationId: string;
    state: string;
    nonce: string;
    codeVerifier: string;
    nextPath: string | null;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('sso_sign_in')
    .values({
      id_hash: row.idHash,
      organization_id: row.organizationId,
      state: row.state,
      nonce: row.nonce,
      code_verifier: row.codeVerifier,
      next_path: row.nextPath,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** Takes (reads and deletes) a pending sign-in: each is used at most once. */
export async function takeSsoSignIn(db: Db, idHash: Buffer) {
  return db.deleteFrom('sso_sign_in').where('id_hash', '=', idHash).returningAll().executeTakeFirst();
}

export async function deleteExpiredSsoSignIns(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sso_sign_in').where('expires_at', '<=', now).execute();
}

/** The user with this e-mail (any case), whichever organization and state. */
export async function findUserForSso(db: Db, email: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'organization_id', 'role', 'deactivated_at'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/** The identity provider's name when the user's organization enforces single sign-on. */
export async function enforcedSsoOfUser(db: Db, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('app_user as u')
    .innerJoin('sso_connection as c', 'c.organization_id', 'u.organization_id')
    .select('c.display_name')
    .where('u.id', '=', userId)
    .where('c.enforced', '=', true)
    .executeTakeFirst();
  return row?.display_name;
}

/**
 * Brings identity providers' client secrets sealed under an older key under the current one (the
 * worker runs it beside the outbox's resealing), so an old key can be dropped after a rotation.
 * A secret that does not open is left as it is: its sign-ins fail until an admin sets it again.
 */
export async function resealSsoSecrets(db: Db): Promise<number> {
  const current = keyRing().current.id;
  const rows = await db
    .selectFrom('sso_connection')
    .select(['organization_id', 'client_secret_sealed'])
    .where('client_secret_sealed', 'not like', `sealed:v1:${current}:%`)
    .execute();
  let resealed = 0;
  for (const row of rows) {
    if (sealedKeyId(row.client_secret_sealed) === current) continue;
    let plain: string;
    try {
      plain = unseal(row.client_secret_sealed, 'sso');
    } catch (e) {
      if (e instanceof UnsealError) continue;
      throw e;
    }
    const r = await db
      .updateTable('sso_connection')
      .set({ client_secret_sealed: seal(plain, 'sso') })
      .where('organization_id', '=', row.organization_id)
      .where('client_secret_sealed', '=', row.client_secret_sealed)
      .executeTakeFirst();
    resealed += Number(r.numUpdatedRows);
  }
  return resealed;
}
