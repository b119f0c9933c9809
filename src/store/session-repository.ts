/**
 * Who is signing in or signed in: browser sessions (stored by the hash of their cookie id) and the
 * sign-in lookup of an active user by e-mail. A session counts only while it has not expired and
 * its user and their organization are active.
 */
import type { Kysely, Transaction } from 'kysely';

import type { Role } from '../domain/types.js';
import type { ActorRow } from './actor-row.js';
import type { Database } from './schema.js';
import { seal, unseal } from './secret-box.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertSession(
  db: Db,
  session: {
    idHash: Buffer;
    userId: string;
    createdAt: Date;
    expiresAt: Date;
    /** A session started through single sign-on: the organization and the ID token (sealed here). */
    sso?: { organizationId: string; idToken: string } | undefined;
  },
): Promise<void> {
  await db
    .insertInto('web_session')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      sso_organization_id: session.sso?.organizationId ?? null,
      id_token_sealed: session.sso ? seal(session.sso.idToken, 'sso') : null,
    })
    .execute();
}

/** The single sign-on a session was started through, if any (for RP-initiated logout). */
export async function sessionSso(
  db: Db,
  idHash: Buffer,
): Promise<{ organizationId: string; idToken: string } | undefined> {
  const row = await db
    .selectFrom('web_session')
    .select(['sso_organization_id', 'id_token_sealed'])
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row?.sso_organization_id || !row.id_token_sealed) return undefined;
  return { organizationId: row.sso_organization_id, idToken: unseal(row.id_token_sealed, 'sso') };
}

export async function deleteSession(db: Db, idHash: Buffer): Promise<void> {
  await db.deleteFrom('web_session').where('id_hash', '=', idHash).execute();
}

/** The active user a live session belongs to. */
export async function sessionActorRow(db: Db, idHash: Buffer, now: Date): Promise<ActorRow | undefined> {
  return db
    .selectFrom('web_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.name', 'u.email', 'u.role', 'u.organization_id', 'u.language'])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', now)
    .where('u.deactivated_at', 'is', null)
    .where('o.deactivated_at', 'is', null)
    .executeTakeFirst();
}

/** The active user signing in with this e-mail (any case), with their password hash. */
export async function findSignInUser(
  db: Db,
  email: string,
): Promise<{ id: string; role: Role; password_hash: string | null } | undefined> {
  return db
    .selectFrom('app_user')
    .innerJoin('organization as o', 'o.id', 'app_user.organization_id')
    .select(['app_user.id', 'app_user.role', 'app_user.password_hash'])
    .where((eb) => eb(eb.fn('lower', ['app_user.email']), '=', email.toLowerCase()))
    .where('app_user.deactivated_at', 'is', null)
    .where('o.deactivated_at', 'is', null)
    .executeTakeFirst();
}
