/**
 * Resend the provisioning e-mail of a line (even after the RSD) until the point of no return: the
 * contact gets one e-mail listing every line of the order they provision (`resendToContact`), with
 * a new link; their earlier links keep working. Recorded and queued in one transaction.
 */
import type { Transaction } from 'kysely';

import type { Actor } from '../../domain/types.js';
import { inTransaction } from '../../store/run-transaction.js';
import type { Database } from '../../store/schema.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { lockOrderForChange } from '../orders/lock-order-for-change.js';
import { type QueuedSend, queueProvisioningEmails } from './queue-provisioning-email.js';
import { resendToContact } from './resend-to-contact.js';

/** The send of the named line, and those of the contact's other lines the same e-mail covers. */
export interface ResentEmail extends QueuedSend {
  alsoCovered: QueuedSend[];
}

export async function resendProvisioningEmail(
  deps: AppDeps,
  actor: Actor,
  input: { subscriptionId: string },
  /** Run inside a caller's transaction (a support case acting on behalf) instead of a new one. */
  within?: Transaction<Database>,
): Promise<ResentEmail> {
  const run = async (trx: Transaction<Database>) => {
    const now = deps.clock.now();
    const locked = await lockOrderForChange(trx, deps, actor, input.subscriptionId);
    const { lines, change } = resendToContact(deps, locked, now);
    const [named, ...others] = await queueProvisioningEmails(
      trx,
      deps,
      { actor: auditActorOf(actor), now, lineChanges: [change] },
      lines.map((line) => ({
        order: locked.order,
        line,
        reason: 'resend' as const,
        context: locked.context,
      })),
    );
    return { ...named!, alsoCovered: others };
  };
  return within ? run(within) : inTransaction(deps, run);
}
