/**
 * Open a set-password link from the welcome e-mail: whose it is, or TOKEN_INVALID (why, in
 * `reason`: unknown, used or expired). Only the token's SHA-256 is stored and compared.
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { Language } from '../domain/types.js';
import type { Database } from '../store/schema.js';
import { hashToken, type AppDeps } from './deps.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface PasswordLink {
  tokenHash: Buffer;
  userId: string;
  name: string;
  email: string;
  language: Language;
  expiresAt: Date;
}

/** The link's holder, or the refusal; `lock` holds the token row for the rest of the transaction. */
export async function checkPasswordLink(
  db: Db,
  token: string,
  now: Date,
  opts: { lock?: boolean } = {},
): Promise<PasswordLink> {
  const tokenHash = token.length >= 16 && token.length <= 128 ? hashToken(token) : null;
  const q = db
    .selectFrom('password_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.user_id', 't.expires_at', 't.used_at', 'u.name', 'u.email', 'u.language'])
    .where('t.token_hash', '=', tokenHash ?? Buffer.alloc(0));
  const row = tokenHash ? await (opts.lock ? q.forUpdate('t') : q).executeTakeFirst() : undefined;
  if (!row) throw new AppError('TOKEN_INVALID', { reason: 'unknown' });
  if (row.used_at) throw new AppError('TOKEN_INVALID', { reason: 'used' });
  if (row.expires_at <= now) throw new AppError('TOKEN_INVALID', { reason: 'expired' });
  return {
    tokenHash: tokenHash!,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    language: row.language,
    expiresAt: row.expires_at,
  };
}

export async function openPasswordLink(deps: AppDeps, token: string): Promise<PasswordLink> {
  return checkPasswordLink(deps.db, token, deps.clock.now());
}
