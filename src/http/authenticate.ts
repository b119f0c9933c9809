/** Bearer-token authentication: the token's SHA-256 is looked up; the token itself is never stored. */
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { hashToken } from '../app/deps.js';
import { AppError } from '../domain/errors.js';
import type { Actor } from '../domain/types.js';
import type { Database } from '../store/schema.js';
import type { ApiEnv } from './api-types.js';
import { actorOf } from '../store/actor-row.js';

export async function actorFromApiToken(db: Kysely<Database>, token: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.role', 'u.organization_id', 'u.language'])
    .where('t.token_hash', '=', hashToken(token))
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
  return actorOf(row);
}

export function authenticate(db: Kysely<Database>): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    // The OpenAPI document is public.
    if (c.req.path.endsWith('/openapi.json')) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9_-]{16,128})$/.exec(header);
    const actor = match ? await actorFromApiToken(db, match[1]!) : null;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    c.set('actor', actor);
    await next();
  };
}
