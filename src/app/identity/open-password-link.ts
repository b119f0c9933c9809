/**
 * Open a set-password link (welcome, bootstrap or reset e-mail): whose it is, or TOKEN_INVALID
 * (why, in `reason`: unknown, used or expired). Only the token's SHA-256 is stored and compared.
 * A deactivated user's (or organization's) link answers exactly like an unknown one.
 */
import type { Kysely, Transaction } from 'kysely';

import { AppError } from '../../domain/errors.js';
import { findPasswordLink, type PasswordLinkRow } from '../../store/password-link-repository.js';
import type { Database } from '../../store/schema.js';
import { type AppDeps, hashToken } from '../deps.js';

type Db = Kysely<Database> | Transaction<Database>;

export type PasswordLink = Omit<PasswordLinkRow, 'usedAt' | 'deactivated'> & { tokenHash: Buffer };

/** The stored hash of a token of plausible length, or null (no lookup for junk). */
export function passwordLinkHash(token: string): Buffer | null {
  return token.length >= 16 && token.length <= 128 ? hashToken(token) : null;
}

/** The link's holder, or the refusal; `lock` holds the token row for the rest of the transaction. */
export async function checkPasswordLink(
  db: Db,
  token: string,
  now: Date,
  opts: { lock?: boolean } = {},
): Promise<PasswordLink> {
  const tokenHash = passwordLinkHash(token);
  const row = tokenHash ? await findPasswordLink(db, tokenHash, opts) : undefined;
  if (!row || row.deactivated) throw new AppError('TOKEN_INVALID', { reason: 'unknown' });
  if (row.usedAt) throw new AppError('TOKEN_INVALID', { reason: 'used' });
  if (row.expiresAt <= now) throw new AppError('TOKEN_INVALID', { reason: 'expired' });
  const { usedAt: _used, deactivated: _deactivated, ...link } = row;
  return { ...link, tokenHash: tokenHash! };
}

export async function openPasswordLink(deps: AppDeps, token: string): Promise<PasswordLink> {
  return checkPasswordLink(deps.db, token, deps.clock.now());
}
