/**
 * Browser sessions: a random id in an HttpOnly, SameSite=Lax cookie (Secure behind HTTPS); only
 * its hash is stored. Signing in always starts a new session (no fixation).
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { hashToken, type AppDeps } from '../app/deps.js';
import type { Actor } from '../domain/types.js';
import { actorOf } from '../store/actor-row.js';

export const SESSION_COOKIE = 'onramp_session';
const SESSION_TTL_MS = 12 * 3_600_000;

export async function startSession(
  c: Context,
  deps: AppDeps,
  userId: string,
  secure: boolean,
): Promise<void> {
  const old = getCookie(c, SESSION_COOKIE);
  if (old) await deps.db.deleteFrom('web_session').where('id_hash', '=', hashToken(old)).execute();
  const id = deps.ids.newToken();
  const now = deps.clock.now();
  await deps.db
    .insertInto('web_session')
    .values({
      id_hash: hashToken(id),
      user_id: userId,
      created_at: now,
      expires_at: new Date(now.getTime() + SESSION_TTL_MS),
    })
    .execute();
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export async function endSession(c: Context, deps: AppDeps): Promise<void> {
  const id = getCookie(c, SESSION_COOKIE);
  if (id) await deps.db.deleteFrom('web_session').where('id_hash', '=', hashToken(id)).execute();
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export async function sessionUser(c: Context, deps: AppDeps): Promise<Actor | null> {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id || id.length > 100) return null;
  const row = await deps.db
    .selectFrom('web_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.name', 'u.email', 'u.role', 'u.organization_id', 'u.language'])
    .where('s.id_hash', '=', hashToken(id))
    .where('s.expires_at', '>', deps.clock.now())
    .where('u.deactivated_at', 'is', null)
    .where('o.deactivated_at', 'is', null)
    .executeTakeFirst();
  return actorOf(row);
}
