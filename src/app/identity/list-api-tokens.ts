/** The caller's own API tokens (never the secrets), with each one's status at this instant. */
import { type TokenStatus, tokenStatusOf } from '../../domain/api-token-rules.js';
import type { Actor } from '../../domain/types.js';
import { type ApiTokenRow, tokensOfUser } from '../../store/api-token-repository.js';
import type { AppDeps } from '../deps.js';

/** Tokens that stopped working stay listed this long; the audit trail keeps them for good. */
export const STOPPED_TOKENS_LISTED_DAYS = 30;

export interface ApiTokenView {
  tokenId: string;
  name: string;
  readOnly: boolean;
  /** The token's last four characters. */
  hint: string;
  createdAt: string;
  /** null: never expires (demo and test tokens only). */
  expiresAt: string | null;
  lastUsedAt: string | null;
  status: TokenStatus;
  revokedAt: string | null;
  rolledAt: string | null;
}

/** A token as issued: the only answer that carries the secret. */
export interface IssuedApiToken extends ApiTokenView {
  token: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function apiTokenView(row: ApiTokenRow, now: Date): ApiTokenView {
  return {
    tokenId: row.id,
    name: row.label,
    readOnly: row.read_only,
    hint: row.hint,
    createdAt: row.created_at.toISOString(),
    expiresAt: iso(row.expires_at),
    lastUsedAt: iso(row.last_used_at),
    status: tokenStatusOf(
      {
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
        rolledAt: row.rolled_at,
      },
      now,
    ),
    revokedAt: iso(row.revoked_at),
    rolledAt: iso(row.rolled_at),
  };
}

export async function listApiTokens(deps: AppDeps, actor: Actor): Promise<ApiTokenView[]> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - STOPPED_TOKENS_LISTED_DAYS * 86_400_000);
  const rows = await tokensOfUser(deps.db, actor.userId, since);
  return rows.map((r) => apiTokenView(r, now));
}
