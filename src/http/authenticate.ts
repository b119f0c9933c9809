/**
 * Bearer-token authentication: the token's SHA-256 is looked up; the token itself is never stored.
 * A token works while it is not revoked, not expired (a rolled token: until its grace period
 * ends), and its user and their organization are active. A read-only token is refused every
 * write with NO_ACCESS (reason `read_only_token`). `last_used_at` is written at most once a minute
 * per token, so authentication stays one read on the hot path.
 */
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';

import { type Clock, hashToken } from '../app/deps.js';
import { AppError } from '../domain/errors.js';
import type { Actor } from '../domain/types.js';
import { actorOf } from '../store/actor-row.js';
import { markTokenUsed, workingTokenActorRow } from '../store/api-token-repository.js';
import type { Database } from '../store/schema.js';
import type { ApiEnv } from './api-types.js';

const LAST_USED_RESOLUTION_MS = 60_000;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface TokenActor {
  actor: Actor;
  tokenId: string;
  readOnly: boolean;
}

export async function actorFromApiToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<TokenActor | null> {
  const row = await workingTokenActorRow(db, hashToken(token), now);
  const actor = actorOf(row);
  if (!row || !actor) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) {
    await markTokenUsed(db, row.token_id, now);
  }
  return { actor, tokenId: row.token_id, readOnly: row.read_only };
}

export function authenticate(db: Kysely<Database>, clock: Clock): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    // The OpenAPI document is public.
    if (c.req.path.endsWith('/openapi.json')) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9_-]{16,128})$/.exec(header);
    const found = match ? await actorFromApiToken(db, match[1]!, clock.now()) : null;
    if (!found) throw new AppError('UNAUTHENTICATED');
    if (found.readOnly && !READ_METHODS.has(c.req.method))
      throw new AppError('NO_ACCESS', { reason: 'read_only_token' });
    c.set('actor', found.actor);
    c.set('tokenId', found.tokenId);
    await next();
  };
}
