/**
 * The requester answers on their case (signed in, or through their case link's key), with up to
 * five screenshots checked as when opening a case. The reply joins the thread and the case waits
 * for an agent (`awaiting_agent`: there is no assignment of cases to agents, so the queue's status
 * is the agents' notice). A resolved or closed case is reopened by a reply within the reopening
 * window; after it the reply is refused with CASE_CLOSED and nothing is stored.
 */
import { z } from 'zod';

import { AppError } from '../../domain/errors.js';
import { checkScreenshots, type ScreenshotUpload } from '../../domain/support-case.js';
import { requesterReplyOutcome } from '../../domain/support-case-thread.js';
import {
  appendCaseEvent,
  insertScreenshots,
  lockCase,
  screenshotCount,
  setCaseStatus,
} from '../../store/support-case-repository.js';
import { auditActorOf } from '../actor-label.js';
import { consumeRateLimit, perHour, type RateLimit } from '../consume-rate-limit.js';
import type { AppDeps } from '../deps.js';
import { type CaseViewerInput, findCaseForViewer, viewerRole } from './find-case-for-viewer.js';

export const requesterReplySchema = z.object({
  body: z.string().trim().min(1, 'is required').max(5000),
});

/** Replies per case per hour: enough for a conversation, not for filling the database. */
export const DEFAULT_REPLY_LIMIT: RateLimit = perHour(30);

export interface RequesterReplyResult {
  reopened: boolean;
  screenshotIds: string[];
}

export async function addRequesterReply(
  deps: AppDeps,
  viewer: CaseViewerInput,
  input: { caseId: string; body: string; screenshots: ScreenshotUpload[] },
  limit: RateLimit = DEFAULT_REPLY_LIMIT,
): Promise<RequesterReplyResult> {
  const screenshots = checkScreenshots(input.screenshots);
  // Only people who may see the case count against its limit: a stranger's guesses (NOT_FOUND,
  // as for a missing case) cannot use up the requester's replies.
  await findCaseForViewer(deps, viewer, input.caseId);
  await consumeRateLimit(deps.db, `support-reply:${input.caseId}`, limit, deps.clock.now());
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    // Again under the lock: a newer e-mail may have replaced the key in the meantime.
    const row = await lockCase(trx, input.caseId);
    const role = row ? viewerRole(row, viewer) : 'none';
    if (!row || role === 'none') throw new AppError('NOT_FOUND', { caseId: input.caseId });
    // Agents answer with replyToSupportCase: their reply is e-mailed, a requester's is not.
    if (role !== 'requester') throw new AppError('NO_ACCESS');
    const outcome = requesterReplyOutcome(
      { status: row.status, closedAt: row.closed_at, updatedAt: row.updated_at },
      now,
    );
    const first = (await screenshotCount(trx, row.id)) + 1;
    const shots = screenshots.map((s, i) => ({ ...s, id: `${row.id}-${first + i}` }));
    await insertScreenshots(trx, row.id, shots, now);
    const actor =
      'actor' in viewer
        ? auditActorOf(viewer.actor)
        : { userId: null, label: `${row.requester_name} <${row.requester_email}>` };
    await appendCaseEvent(trx, row.id, now, actor, {
      kind: 'requester_reply',
      body: input.body,
      data: { screenshots: shots.map((s) => s.id) },
    });
    if (row.status !== outcome.to)
      await appendCaseEvent(trx, row.id, now, actor, {
        kind: 'status',
        data: { from: row.status, to: outcome.to, ...(outcome.reopened ? { reopened: true } : {}) },
      });
    await setCaseStatus(trx, row.id, outcome.to, now, null);
    return { reopened: outcome.reopened, screenshotIds: shots.map((s) => s.id) };
  });
}
