/**
 * A support agent changes the provisioning contact for a case: the ordinary contact change (same
 * PONR rule, audited as the agent, new e-mail after the RSD) plus the case's event, in one
 * transaction. An open case moves to In progress.
 */
import type { Actor, ProvisioningContact } from '../../domain/types.js';
import { inTransaction } from '../../store/run-transaction.js';
import { appendCaseEvent, setCaseStatus } from '../../store/support-case-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { changeProvisioningContact, type ContactChangeResult } from '../lines/change-provisioning-contact.js';
import { assertLineOfCase, lockCaseForAgent } from './lock-case-for-agent.js';

export async function changeContactForSupportCase(
  deps: AppDeps,
  agent: Actor,
  input: { caseId: string; subscriptionId: string; contact: ProvisioningContact },
): Promise<ContactChangeResult> {
  return inTransaction(deps, async (trx) => {
    const now = deps.clock.now();
    const row = await lockCaseForAgent(trx, agent, input.caseId);
    await assertLineOfCase(trx, row, input.subscriptionId);
    const result = await changeProvisioningContact(
      deps,
      agent,
      { subscriptionId: input.subscriptionId, contact: input.contact, applyToAllLines: false },
      trx,
    );
    await appendCaseEvent(trx, row.id, now, auditActorOf(agent), {
      kind: 'contact_change',
      data: { subscriptionId: input.subscriptionId, to: input.contact, updated: result.updated.length },
    });
    await setCaseStatus(trx, row.id, row.status === 'open' ? 'in_progress' : null, now);
    return result;
  });
}
