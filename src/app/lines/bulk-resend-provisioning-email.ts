/**
 * Resend the provisioning e-mail of several lines; each resend is its own transaction. A resend
 * covers every line of the order its contact provisions (one e-mail per contact per order), so a
 * selected line an earlier resend of this run already covered is not sent again: its result is
 * the send that covered it.
 */
import type { Actor } from '../../domain/types.js';
import type { AppDeps } from '../deps.js';
import { eachLineApart, type LineResult } from './bulk-line-results.js';
import type { QueuedSend } from './queue-provisioning-email.js';
import { resendProvisioningEmail } from './resend-provisioning-email.js';

export function bulkResendProvisioningEmail(
  deps: AppDeps,
  actor: Actor,
  input: { subscriptionIds: string[] },
): Promise<LineResult<QueuedSend>[]> {
  const covered = new Map<string, QueuedSend>();
  return eachLineApart(input.subscriptionIds, async (subscriptionId) => {
    const earlier = covered.get(subscriptionId);
    if (earlier) return earlier;
    const { alsoCovered, ...send } = await resendProvisioningEmail(deps, actor, { subscriptionId });
    for (const other of alsoCovered) covered.set(other.subscriptionId, other);
    return send;
  });
}
