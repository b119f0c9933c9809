/**
 * Rotate the signing secret of one of the caller's organization's endpoints. The new secret is
 * generated and returned this once (as at registration); the endpoint keeps its id. The secret it
 * replaces keeps signing every delivery for `overlapHours` (each delivery then carries two
 * signatures), so the receiver can switch without losing one; after that only the new one signs.
 * A rotation during an overlap replaces the previous secret: the oldest one stops signing at once.
 * `overlapHours: 0` retires the old secret at once (a leaked one).
 */
import { z } from 'zod';

import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { webhookOrganizationOf } from '../../domain/webhook-events.js';
import { appendAudit } from '../../store/audit-repository.js';
import { findLiveEndpoint } from '../../store/webhook-repository.js';
import { rotateEndpointSecret } from '../../store/webhook-secrets.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';

export const DEFAULT_SECRET_OVERLAP_HOURS = 24;
/** A week: long enough for any deploy, short enough that a forgotten secret does not linger. */
export const MAX_SECRET_OVERLAP_HOURS = 168;

const HOUR = 3_600_000;

export const rotateWebhookSecretSchema = z.object({
  overlapHours: z
    .number()
    .int('must be a whole number of hours')
    .min(0)
    .max(MAX_SECRET_OVERLAP_HOURS)
    .default(DEFAULT_SECRET_OVERLAP_HOURS)
    .describe(
      `How long the previous secret keeps signing too, in hours (0: it stops at once); ${DEFAULT_SECRET_OVERLAP_HOURS} unless given`,
    ),
});
export type RotateWebhookSecretInput = z.infer<typeof rotateWebhookSecretSchema>;

export interface RotatedWebhookSecret {
  endpointId: string;
  /** Shown once; store it to verify Onramp-Signature. */
  secret: string;
  /** Until when the previous secret also signs; null when it stopped at once. */
  previousSecretExpiresAt: string | null;
  rotatedAt: string;
}

export async function rotateWebhookSecret(
  deps: AppDeps,
  actor: Actor,
  endpointId: string,
  input: RotateWebhookSecretInput,
): Promise<RotatedWebhookSecret> {
  const organizationId = webhookOrganizationOf(actor);
  const secret = `whsec_${deps.ids.newToken()}`;
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    // Locked: two rotations at once must not both keep the same previous secret.
    const endpoint = await findLiveEndpoint(trx, organizationId, endpointId, { lock: true });
    if (!endpoint) throw new AppError('NOT_FOUND', { endpointId });
    const previousUntil = input.overlapHours > 0 ? new Date(now.getTime() + input.overlapHours * HOUR) : null;
    await rotateEndpointSecret(trx, endpoint, secret, previousUntil, now);
    await appendAudit(trx, now, auditActorOf(actor), [
      {
        action: 'webhook_endpoint.secret_rotated',
        data: {
          endpointId,
          organizationId,
          overlapHours: input.overlapHours,
          previousSecretExpiresAt: previousUntil?.toISOString() ?? null,
          // A previous secret still in its overlap stops signing now.
          replacedPreviousSecret:
            endpoint.previous_secret !== null &&
            (endpoint.previous_secret_expires_at?.getTime() ?? 0) > now.getTime(),
        },
      },
    ]);
    return {
      endpointId,
      secret,
      previousSecretExpiresAt: previousUntil?.toISOString() ?? null,
      rotatedAt: now.toISOString(),
    };
  });
}
