/**
 * Case lists: a requester's own cases, and the agents' queue (every case, filtered by status,
 * type or a search over case id, web order id, subscription id and requester e-mail); the API's
 * paged list is either, by the caller's role.
 */
import { z } from 'zod';

import {
  assertAgent,
  CASE_STATUSES,
  CASE_TYPES,
  type CaseStatus,
  type CaseType,
} from '../../domain/support-case.js';
import type { Actor } from '../../domain/types.js';
import { type CaseListRow, listCases } from '../../store/support-case-repository.js';
import type { AppDeps } from '../deps.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';

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

export const listSupportCasesSchema = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  type: z.enum(CASE_TYPES).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(500).optional(),
});
export type ListSupportCasesInput = z.infer<typeof listSupportCasesSchema>;

export interface SupportCaseSummary {
  caseId: string;
  type: CaseType;
  status: CaseStatus;
  webOrderId: string;
  subscriptionId: string | null;
  requester: { name: string; email: string };
  createdAt: string;
  updatedAt: string;
}

/**
 * One page of cases, newest-updated first (keyset cursor, as the other lists): a support agent
 * pages through every case with the queue's filters; anyone else through the cases they opened.
 */
export async function listSupportCasesPage(
  deps: AppDeps,
  actor: Actor,
  input: ListSupportCasesInput,
): Promise<{ items: SupportCaseSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(input.cursor);
  const rows = await listCases(deps.db, {
    ...(actor.role === 'support_agent' ? {} : { requesterUserId: actor.userId }),
    ...(input.status ? { status: input.status } : {}),
    ...(input.type ? { type: input.type } : {}),
    ...(input.q ? { q: input.q } : {}),
    after: after && { updatedAt: after.at, id: after.id },
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      caseId: r.id,
      type: r.type,
      status: r.status,
      webOrderId: r.web_order_id,
      subscriptionId: r.subscription_id,
      requester: { name: r.requester_name, email: r.requester_email },
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.updated_at, last.id) : null,
  };
}
