/**
 * Revoke a token: it stops at once (a rolled token inside its grace period too). Users revoke
 * their own; operators revoke any user's on the command line (`onramp admin revoke-token`).
 * Revoking a revoked token changes nothing and answers when it was revoked.
 */
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { lockAnyToken, lockUserToken, revokeToken } from '../../store/api-token-repository.js';
import { appendAudit, type AuditActor } from '../../store/audit-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';

export interface RevokedApiToken {
  tokenId: string;
  revokedAt: string;
}

/** Whose token may be revoked: the acting user's own, or (operators' CLI) anyone's. */
export type TokenScope = { ownerId: string } | 'any-user';

export async function revokeApiTokenAs(
  deps: AppDeps,
  by: AuditActor,
  tokenId: string,
  scope: TokenScope,
): Promise<RevokedApiToken> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const token =
      scope === 'any-user'
        ? await lockAnyToken(trx, tokenId)
        : await lockUserToken(trx, tokenId, scope.ownerId);
    if (!token) throw new AppError('NOT_FOUND', { tokenId });
    if (token.revoked_at) return { tokenId, revokedAt: token.revoked_at.toISOString() };
    await revokeToken(trx, tokenId, now);
    await appendAudit(trx, now, by, [
      {
        action: 'api_token.revoked',
        organizationId: token.organization_id,
        data: { tokenId, userId: token.user_id, name: token.label, hint: token.hint },
      },
    ]);
    return { tokenId, revokedAt: now.toISOString() };
  });
}

/** A user revokes one of their own tokens; anyone else's is NOT_FOUND, like a missing one. */
export function revokeApiToken(deps: AppDeps, actor: Actor, tokenId: string): Promise<RevokedApiToken> {
  return revokeApiTokenAs(deps, auditActorOf(actor), tokenId, { ownerId: actor.userId });
}
