/** Resend the provisioning e-mail of several lines; each line is its own transaction. */
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
  return eachLineApart(input.subscriptionIds, (subscriptionId) =>
    resendProvisioningEmail(deps, actor, { subscriptionId }),
  );
}
