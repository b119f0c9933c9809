/**
 * A support agent answers a case: the reply is kept on the case and e-mailed to the requester
 * (outbox, same transaction) with its text and the case link. The agent may move the case to
 * another status with it (without one, a case awaiting an agent moves to In progress); a reply that resolves or closes the case is the closing e-mail (one
 * e-mail, carrying the reply and how to reopen).
 */
import { z } from 'zod';

import { CASE_STATUSES } from '../../domain/support-case.js';
import {
  closedAtAfter,
  noticeForAgentChange,
  statusAfterAgentReply,
} from '../../domain/support-case-thread.js';
import type { Actor } from '../../domain/types.js';
import { appendCaseEvent, setCaseStatus } from '../../store/support-case-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { lockCaseForAgent } from './lock-case-for-agent.js';
import { queueSupportNotice } from './queue-support-notice.js';

export const replySchema = z.object({
  body: z.string().trim().min(1, 'is required').max(5000),
  status: z.enum(CASE_STATUSES).optional(),
});

export async function replyToSupportCase(
  deps: AppDeps,
  agent: Actor,
  input: { caseId: string } & z.infer<typeof replySchema>,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await lockCaseForAgent(trx, agent, input.caseId);
    const actor = auditActorOf(agent);
    await appendCaseEvent(trx, row.id, now, actor, { kind: 'reply', body: input.body });
    const status = statusAfterAgentReply(row.status, input.status);
    if (status)
      await appendCaseEvent(trx, row.id, now, actor, {
        kind: 'status',
        data: { from: row.status, to: status },
      });
    await setCaseStatus(
      trx,
      row.id,
      status,
      now,
      status ? closedAtAfter(row.status, status, row.closed_at, now) : undefined,
    );
    const notice = noticeForAgentChange({ replied: true, from: row.status, to: status ?? row.status });
    await queueSupportNotice(trx, deps, row, notice ?? 'replied', now, input.body);
  });
}
