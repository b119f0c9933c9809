/**
 * Roll one of the caller's tokens: a successor with the same name and scope, while the old token
 * keeps working for the grace period the user picked (0 to 7 days; 0 stops it at once). Both
 * changes and the audit row commit together, so a client never sees one without the other.
 */
import { z } from 'zod';

import { assertRoomForTokens, MAX_GRACE_DAYS, planRoll } from '../../domain/api-token-rules.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { countWorkingTokens, lockUserToken, markTokenRolled } from '../../store/api-token-repository.js';
import { appendAudit } from '../../store/audit-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { expiresInDaysSchema, issueToken, lockActiveOwner } from './create-api-token.js';
import type { IssuedApiToken } from './list-api-tokens.js';

export const rollApiTokenSchema = z.object({
  graceDays: z
    .number()
    .int('must be a whole number of days')
    .min(0, `must be 0 to ${MAX_GRACE_DAYS} days`)
    .max(MAX_GRACE_DAYS, `must be 0 to ${MAX_GRACE_DAYS} days`),
  expiresInDays: expiresInDaysSchema.optional(),
});
export type RollApiTokenInput = z.infer<typeof rollApiTokenSchema>;

export interface RolledApiToken extends IssuedApiToken {
  /** The rolled token and when it stops (the end of the grace period). */
  previous: { tokenId: string; expiresAt: string };
}

export async function rollApiToken(
  deps: AppDeps,
  actor: Actor,
  tokenId: string,
  input: RollApiTokenInput,
): Promise<RolledApiToken> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    // Owner first, then token: the same lock order as creating one.
    await lockActiveOwner(trx, actor.userId);
    const old = await lockUserToken(trx, tokenId, actor.userId);
    if (!old) throw new AppError('NOT_FOUND', { tokenId });
    const plan = planRoll(
      {
        createdAt: old.created_at,
        expiresAt: old.expires_at,
        revokedAt: old.revoked_at,
        rolledAt: old.rolled_at,
      },
      now,
      input,
    );
    // With a grace period both work for a while: the successor must fit under the limit.
    if (plan.previousExpiresAt.getTime() > now.getTime())
      assertRoomForTokens(await countWorkingTokens(trx, actor.userId, now), 1);
    const issued = await issueToken(trx, deps, {
      userId: actor.userId,
      name: old.label,
      readOnly: old.read_only,
      lifetimeDays: plan.lifetimeDays,
      now,
    });
    await markTokenRolled(trx, old.id, {
      rolledAt: now,
      rolledToId: issued.tokenId,
      expiresAt: plan.previousExpiresAt,
    });
    const previous = { tokenId: old.id, expiresAt: plan.previousExpiresAt.toISOString() };
    await appendAudit(trx, now, auditActorOf(actor), [
      {
        action: 'api_token.rolled',
        organizationId: old.organization_id,
        data: {
          tokenId: issued.tokenId,
          previousTokenId: old.id,
          userId: actor.userId,
          name: issued.name,
          readOnly: issued.readOnly,
          hint: issued.hint,
          expiresAt: issued.expiresAt,
          graceDays: input.graceDays,
          previousExpiresAt: previous.expiresAt,
        },
      },
    ]);
    return { ...issued, previous };
  });
}
