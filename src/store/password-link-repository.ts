/**
 * Password links (table `password_token`): single-use links to choose a password, e-mailed to a
 * new customer admin (welcome), the first operator (bootstrap) or someone who forgot theirs
 * (reset). Only the token's SHA-256 is stored.
 */
import type { Kysely, Transaction } from 'kysely';

import type { Language, Role } from '../domain/types.js';
import type { Database, PasswordLinkPurpose } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The holder of a password link, and the link's state. */
export interface PasswordLinkRow {
  userId: string;
  organizationId: string;
  name: string;
  email: string;
  language: Language;
  role: Role;
  purpose: PasswordLinkPurpose;
  expiresAt: Date;
  usedAt: Date | null;
  /** The user or their organization is deactivated: the link does nothing. */
  deactivated: boolean;
}

export async function insertPasswordLink(
  db: Db,
  link: { tokenHash: Buffer; userId: string; purpose: PasswordLinkPurpose; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('password_token')
    .values({
      token_hash: link.tokenHash,
      user_id: link.userId,
      purpose: link.purpose,
      created_at: link.createdAt,
      expires_at: link.expiresAt,
    })
    .execute();
}

/** The link with this hash and its holder; `lock` holds the token row until the transaction ends. */
export async function findPasswordLink(
  db: Db,
  tokenHash: Buffer,
  opts: { lock?: boolean } = {},
): Promise<PasswordLinkRow | undefined> {
  const q = db
    .selectFrom('password_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select([
      't.user_id',
      't.purpose',
      't.expires_at',
      't.used_at',
      'u.organization_id',
      'u.name',
      'u.email',
      'u.language',
      'u.role',
      'u.deactivated_at as user_deactivated_at',
      'o.deactivated_at as org_deactivated_at',
    ])
    .where('t.token_hash', '=', tokenHash);
  const row = await (opts.lock ? q.forUpdate('t') : q).executeTakeFirst();
  if (!row) return undefined;
  return {
    userId: row.user_id,
    organizationId: row.organization_id,
    name: row.name,
    email: row.email,
    language: row.language,
    role: row.role,
    purpose: row.purpose,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    deactivated: row.user_deactivated_at !== null || row.org_deactivated_at !== null,
  };
}

/** Every unused link of the user is used up: choosing a password ends all older links too. */
export async function useUpPasswordLinks(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('password_token')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

export async function setPasswordHash(
  db: Db,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

/** Signs the user out everywhere: a new password ends the sessions the old one opened. */
export async function endSessionsOf(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('web_session').where('user_id', '=', userId).execute();
}

/** Who may receive a recovery link at this address: an active user of an active organization. */
export async function findActiveUserByEmail(
  db: Db,
  email: string,
): Promise<
  { id: string; organizationId: string; name: string; email: string; language: Language } | undefined
> {
  const row = await db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.organization_id', 'u.name', 'u.email', 'u.language'])
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', email.toLowerCase()))
    .where('u.deactivated_at', 'is', null)
    .where('o.deactivated_at', 'is', null)
    .executeTakeFirst();
  return row && { ...row, organizationId: row.organization_id };
}
