/**
 * "Send me a new invitation", asked from an expired invitation link's page: the invitation is
 * resent to the invited address (never to one the visitor types), with the self-service actor.
 * The caller learns nothing: the page answers the same whatever happened. Limited per client
 * address and per link, before anything is read.
 */
import { createHash } from 'node:crypto';

import type { AuditActor } from '../../store/audit-repository.js';
import { findInvitationByTokenHash } from '../../store/invitation-repository.js';
import { findOrganization } from '../../store/user-repository.js';
import { consumeRateLimit, perHour, type RateLimit } from '../consume-rate-limit.js';
import { type AppDeps, hashToken } from '../deps.js';
import { resendLockedInvitation } from './resend-invitation.js';

export interface NewInvitationLimits {
  perIp: RateLimit;
  perLink: RateLimit;
}

export const DEFAULT_NEW_INVITATION_LIMITS: NewInvitationLimits = { perIp: perHour(20), perLink: perHour(3) };

const SELF_SERVICE: AuditActor = { userId: null, label: 'self-service' };

export async function requestNewInvitation(
  deps: AppDeps,
  input: { token: string; ip: string },
  limits: NewInvitationLimits = DEFAULT_NEW_INVITATION_LIMITS,
): Promise<void> {
  const now = deps.clock.now();
  const tokenHash = hashToken(input.token);
  await consumeRateLimit(deps.db, `invitation-renew:ip:${input.ip}`, limits.perIp, now);
  await consumeRateLimit(
    deps.db,
    `invitation-renew:link:${createHash('sha256').update(tokenHash).digest('hex')}`,
    limits.perLink,
    now,
  );
  await deps.db.transaction().execute(async (trx) => {
    const row = await findInvitationByTokenHash(trx, tokenHash, { lock: true });
    if (!row) return;
    // Only an expired link is renewed by its holder (bounced or not); a live one still works,
    // an accepted or revoked one is over.
    if (row.accepted_at || row.revoked_at || row.expires_at.getTime() > now.getTime()) return;
    const org = await findOrganization(trx, row.organization_id);
    if (!org || org.deactivated_at) return;
    await resendLockedInvitation(trx, deps, row, SELF_SERVICE, now);
  });
}
