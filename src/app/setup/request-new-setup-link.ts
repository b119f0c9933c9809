/**
 * "Send me a new link", asked from a dead setup link's page. When the address given is the
 * provisioning contact of a line of that order still awaiting setup (or closed with provisioning
 * still pending), the provisioning e-mail is resent to it (actor "self-service"). The caller
 * learns nothing either way: the page answers with the same words whatever the address. Limited
 * per IP address and per e-mail address. A link that died because someone else now sets this up
 * (contact change, delegation) is refused with TOKEN_INVALID: its page offers no new link.
 */
import { createHash } from 'node:crypto';

import { AppError } from '../../domain/errors.js';
import { allowedActions, nextDueAt, transition } from '../../domain/line-state-machine.js';
import { isHandedOver } from '../../domain/setup-rules.js';
import type { AuditActor } from '../../store/audit-repository.js';
import { linesOfOrder, lineStateColumns, toLineState, updateLine } from '../../store/line-repository.js';
import { lockOrder } from '../../store/order-repository.js';
import { inTransaction } from '../../store/run-transaction.js';
import { consumeRateLimit, perHour, type RateLimit } from '../consume-rate-limit.js';
import type { AppDeps } from '../deps.js';
import { loadOrderEmailContext } from '../lines/order-email-context.js';
import { type QueuedSend, queueProvisioningEmails } from '../lines/queue-provisioning-email.js';
import { findSetupLink, setupTokenHash } from './lock-setup-link.js';

export interface NewLinkLimits {
  perIp: RateLimit;
  perAddress: RateLimit;
}

export const DEFAULT_NEW_LINK_LIMITS: NewLinkLimits = { perIp: perHour(20), perAddress: perHour(3) };

export const SELF_SERVICE_ACTOR: AuditActor = { userId: null, label: 'self-service' };

const MAX_EMAIL = 254;

/** The limiter's keys never hold an address in clear. */
const addressKey = (email: string) =>
  `setup-link:address:${createHash('sha256').update(email).digest('hex')}`;

export async function requestNewSetupLink(
  deps: AppDeps,
  input: { token: string; email: string; ip: string },
  limits: NewLinkLimits = DEFAULT_NEW_LINK_LIMITS,
): Promise<{ queued: QueuedSend | null }> {
  const now = deps.clock.now();
  const email = input.email.trim().toLowerCase().slice(0, MAX_EMAIL);
  await consumeRateLimit(deps.db, `setup-link:ip:${input.ip}`, limits.perIp, now);
  await consumeRateLimit(deps.db, addressKey(email), limits.perAddress, now);
  if (!email.includes('@')) return { queued: null };

  return inTransaction(deps, async (trx) => {
    const link = await findSetupLink(trx, setupTokenHash(input.token));
    if (!link) return { queued: null };
    // Someone else sets this up now (the partner named another contact, or the holder delegated):
    // this link's holder gets no new one, whatever address they type.
    if (isHandedOver(link.token.revoked_reason))
      throw new AppError('TOKEN_INVALID', { reason: 'revoked', revokedReason: link.token.revoked_reason });
    const order = await lockOrder(trx, link.order.id);
    if (!order || order.mapped_at) return { queued: null };
    const lines = await linesOfOrder(trx, order.id, { lock: true });
    const eligible = lines.filter(
      (l) =>
        l.contact_email.toLowerCase() === email &&
        allowedActions({ status: l.status, mapped: order.mapped_at !== null }).includes('resend'),
    );
    // The line of the dead link first: the new e-mail then replaces the one the person holds.
    const line = eligible.find((l) => l.subscription_id === link.line.subscription_id) ?? eligible[0];
    if (!line) return { queued: null };
    const outcome = transition(
      toLineState(line, order.mapped_at),
      { type: 'resend' },
      now,
      deps.settings.policy,
    );
    await updateLine(
      trx,
      line.subscription_id,
      lineStateColumns(line, outcome.state, nextDueAt(outcome.state, deps.settings.policy), now),
    );
    const context = await loadOrderEmailContext(trx, order.id);
    // One e-mail for all the lines this person provisions on the order, the dead link's line first.
    const [queued] = await queueProvisioningEmails(
      trx,
      deps,
      { actor: SELF_SERVICE_ACTOR, now },
      [line, ...eligible.filter((l) => l !== line)].map((l) => ({
        order,
        line: l,
        reason: 'resend' as const,
        context,
      })),
    );
    return { queued: queued ?? null };
  });
}
