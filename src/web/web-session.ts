/**
 * Browser sessions: a random id in an HttpOnly, SameSite=Lax cookie (Secure behind HTTPS); only
 * its hash is stored. Signing in always starts a new session (no fixation).
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

import { type AppDeps, hashToken } from '../app/deps.js';
import { SESSION_TTL_MS } from '../domain/sso.js';
import type { Actor } from '../domain/types.js';
import { actorOf } from '../store/actor-row.js';
import { deleteSession, insertSession, sessionActorRow, sessionSso } from '../store/session-repository.js';

export const SESSION_COOKIE = 'onramp_session';

export async function startSession(
  c: Context,
  deps: AppDeps,
  userId: string,
  secure: boolean,
  /** A session started through single sign-on ends when the provider's would (at most 12 h). */
  sso?: { organizationId: string; idToken: string; expiresAt: Date },
): Promise<void> {
  const old = getCookie(c, SESSION_COOKIE);
  if (old) await deleteSession(deps.db, hashToken(old));
  const id = deps.ids.newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(Math.min(now.getTime() + SESSION_TTL_MS, sso?.expiresAt.getTime() ?? Infinity));
  await insertSession(deps.db, { idHash: hashToken(id), userId, createdAt: now, expiresAt, sso });
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

/** Ends the session; returns the single sign-on it was started through, if any (for its logout). */
export async function endSession(
  c: Context,
  deps: AppDeps,
): Promise<{ organizationId: string; idToken: string } | undefined> {
  const id = getCookie(c, SESSION_COOKIE);
  const sso = id && id.length <= 100 ? await sessionSso(deps.db, hashToken(id)) : undefined;
  if (id) await deleteSession(deps.db, hashToken(id));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  return sso;
}

export async function sessionUser(c: Context, deps: AppDeps): Promise<Actor | null> {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id || id.length > 100) return null;
  return actorOf(await sessionActorRow(deps.db, hashToken(id), deps.clock.now()));
}
