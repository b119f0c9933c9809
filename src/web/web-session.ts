/**
 * Browser sessions: a random id in an HttpOnly, SameSite=Lax cookie (Secure behind HTTPS); only
 * its hash is stored. Signing in always starts a new session (no fixation).
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

import { type AppDeps, hashToken } from '../app/deps.js';
import type { Actor } from '../domain/types.js';
import { actorOf } from '../store/actor-row.js';
import { deleteSession, insertSession, sessionActorRow } from '../store/session-repository.js';

export const SESSION_COOKIE = 'onramp_session';
const SESSION_TTL_MS = 12 * 3_600_000;

export async function startSession(
  c: Context,
  deps: AppDeps,
  userId: string,
  secure: boolean,
): Promise<void> {
  const old = getCookie(c, SESSION_COOKIE);
  if (old) await deleteSession(deps.db, hashToken(old));
  const id = deps.ids.newToken();
  const now = deps.clock.now();
  await insertSession(deps.db, {
    idHash: hashToken(id),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
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
  if (id) await deleteSession(deps.db, hashToken(id));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export async function sessionUser(c: Context, deps: AppDeps): Promise<Actor | null> {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id || id.length > 100) return null;
  return actorOf(await sessionActorRow(deps.db, hashToken(id), deps.clock.now()));
}
