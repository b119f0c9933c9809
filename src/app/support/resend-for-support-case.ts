/**
 * A support agent resends the provisioning e-mail on behalf of a case's requester: the ordinary
 * resend (same PONR rule under the order lock, audited as the agent) plus the case's event, in
 * one transaction. An open case moves to In progress.
 */
import type { Actor } from '../../domain/types.js';
import { inTransaction } from '../../store/run-transaction.js';
import { appendCaseEvent, setCaseStatus } from '../../store/support-case-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import type { QueuedSend } from '../lines/queue-provisioning-email.js';
import { resendProvisioningEmail } from '../lines/resend-provisioning-email.js';
import { assertLineOfCase, lockCaseForAgent } from './lock-case-for-agent.js';

export async function resendForSupportCase(
  deps: AppDeps,
  agent: Actor,
  input: { caseId: string; subscriptionId: string },
): Promise<QueuedSend> {
  return inTransaction(deps, async (trx) => {
    const now = deps.clock.now();
    const row = await lockCaseForAgent(trx, agent, input.caseId);
    await assertLineOfCase(trx, row, input.subscriptionId);
    const send = await resendProvisioningEmail(deps, agent, { subscriptionId: input.subscriptionId }, trx);
    await appendCaseEvent(trx, row.id, now, auditActorOf(agent), {
      kind: 'resend',
      data: { subscriptionId: input.subscriptionId, sendId: send.sendId, to: send.to },
    });
    await setCaseStatus(trx, row.id, row.status === 'open' ? 'in_progress' : null, now);
    return send;
  });
}
