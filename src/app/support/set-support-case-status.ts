/**
 * A support agent moves a case to another status. Resolving or closing it e-mails the requester
 * (outbox, same transaction) with how to reopen it; setting the status it already has changes
 * nothing.
 */
import type { CaseStatus } from '../../domain/support-case.js';
import { closedAtAfter, noticeForAgentChange } from '../../domain/support-case-thread.js';
import type { Actor } from '../../domain/types.js';
import { appendCaseEvent, setCaseStatus } from '../../store/support-case-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { lockCaseForAgent } from './lock-case-for-agent.js';
import { queueSupportNotice } from './queue-support-notice.js';

export async function setSupportCaseStatus(
  deps: AppDeps,
  agent: Actor,
  input: { caseId: string; status: CaseStatus },
): Promise<{ changed: boolean }> {
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await lockCaseForAgent(trx, agent, input.caseId);
    if (row.status === input.status) return { changed: false };
    await appendCaseEvent(trx, row.id, now, auditActorOf(agent), {
      kind: 'status',
      data: { from: row.status, to: input.status },
    });
    await setCaseStatus(
      trx,
      row.id,
      input.status,
      now,
      closedAtAfter(row.status, input.status, row.closed_at, now),
    );
    const notice = noticeForAgentChange({ replied: false, from: row.status, to: input.status });
    if (notice) await queueSupportNotice(trx, deps, row, notice, now);
    return { changed: true };
  });
}
