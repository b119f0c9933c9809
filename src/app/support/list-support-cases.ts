/**
 * Case lists: a requester's own cases, and the agents' queue (every case, filtered by status,
 * type or a search over case id, web order id, subscription id and requester e-mail).
 */
import { z } from 'zod';

import { assertAgent, CASE_STATUSES, CASE_TYPES } from '../../domain/support-case.js';
import type { Actor } from '../../domain/types.js';
import { type CaseListRow, listCases } from '../../store/support-case-repository.js';
import type { AppDeps } from '../deps.js';

export const caseQueueSchema = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  type: z.enum(CASE_TYPES).optional(),
  q: z.string().trim().max(200).optional(),
});
export type CaseQueueFilter = z.infer<typeof caseQueueSchema>;

const LIMIT = 200;

export async function listMySupportCases(deps: AppDeps, actor: Actor): Promise<CaseListRow[]> {
  return listCases(deps.db, { requesterUserId: actor.userId, limit: LIMIT });
}

export async function listSupportQueue(
  deps: AppDeps,
  actor: Actor,
  filter: CaseQueueFilter,
): Promise<CaseListRow[]> {
  assertAgent(actor);
  return listCases(deps.db, {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.q ? { q: filter.q } : {}),
    limit: LIMIT,
  });
}
