/**
 * A user turns their own daily digest e-mail on or off (their account page). Audited in their
 * organization's trail when it changes; setting what is already set writes nothing. The digest is
 * the only e-mail this setting stops: a bounce notice still comes, since a contact without a link
 * needs someone to act.
 */
import { z } from 'zod';

import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { appendAudit } from '../../store/audit-repository.js';
import { findUser, lockUser, setDailyDigest } from '../../store/user-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';

export const dailyDigestSchema = z.object({ dailyDigest: z.boolean() });

export interface AccountSettings {
  dailyDigest: boolean;
}

/** The signed-in user's own settings. */
export async function getAccountSettings(deps: AppDeps, actor: Actor): Promise<AccountSettings> {
  const user = await findUser(deps.db, actor.userId);
  if (!user) throw new AppError('NOT_FOUND', { userId: actor.userId });
  return { dailyDigest: user.daily_digest };
}

export async function setDailyDigestSetting(
  deps: AppDeps,
  actor: Actor,
  input: z.infer<typeof dailyDigestSchema>,
): Promise<AccountSettings & { changed: boolean }> {
  return deps.db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, actor.userId);
    if (!user) throw new AppError('NOT_FOUND', { userId: actor.userId });
    if (user.daily_digest === input.dailyDigest) return { dailyDigest: user.daily_digest, changed: false };
    const now = deps.clock.now();
    await setDailyDigest(trx, user.id, input.dailyDigest, now);
    await appendAudit(trx, now, auditActorOf(actor), [
      {
        action: input.dailyDigest ? 'user.digest_turned_on' : 'user.digest_turned_off',
        organizationId: user.organization_id,
        data: { userId: user.id, email: user.email },
      },
    ]);
    return { dailyDigest: input.dailyDigest, changed: true };
  });
}
