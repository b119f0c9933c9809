/**
 * The join requests' due times: finds pending requests whose reminder or expiry has come,
 * reminds the administrators two days before the end, and at the end expires the request and
 * tells the contact. Each is handled under its order's lock, taken first as by every writer of a
 * request (SKIP LOCKED: a worker never waits, and never holds a request while waiting for an
 * order), so an approval racing in is ordered with the expiry and no lock cycle can form.
 */
import type { Transaction } from 'kysely';

import type { AppDeps } from '../app/deps.js';
import {
  contactLabel,
  queueJoinRequestEmails,
  queueJoinRequestOutcome,
} from '../app/setup/queue-join-request-emails.js';
import { appendAudit, SYSTEM_ACTOR } from '../store/audit-repository.js';
import {
  decideJoinRequest,
  dueJoinRequests,
  lockJoinRequest,
  markJoinRequestReminded,
} from '../store/join-request-repository.js';
import { lockOrder } from '../store/order-repository.js';
import { inTransaction } from '../store/run-transaction.js';
import type { Database } from '../store/schema.js';

export interface DueJoinRequests {
  reminded: number;
  expired: number;
}

const BATCH = 100;

/** Processes every join request due at `now`; e-mails go out from `queueAt`. */
export async function runDueJoinRequests(deps: AppDeps, now: Date, queueAt: Date): Promise<DueJoinRequests> {
  const total: DueJoinRequests = { reminded: 0, expired: 0 };
  for (;;) {
    const due = await dueJoinRequests(deps.db, now, BATCH);
    let done = 0;
    for (const { id, order_id } of due) {
      const outcome = await inTransaction(deps, (trx) => processOne(trx, deps, id, order_id, now, queueAt));
      if (outcome) {
        total[outcome]++;
        done++;
      }
    }
    // A request whose order is locked right now (a decision in progress) waits for the next run.
    if (due.length < BATCH || done === 0) return total;
  }
}

/** One request under its order's lock (skipped if another transaction holds it), checked again. */
async function processOne(
  trx: Transaction<Database>,
  deps: AppDeps,
  requestId: string,
  orderId: string,
  now: Date,
  queueAt: Date,
): Promise<keyof DueJoinRequests | null> {
  const order = await lockOrder(trx, orderId, { skipLocked: true });
  if (!order || order.mapped_at) return null;
  const request = await lockJoinRequest(trx, requestId);
  if (request?.status !== 'pending' || !request.next_action_at || request.next_action_at > now) return null;
  if (request.expires_at > now) {
    await queueJoinRequestEmails(trx, deps, request, order, { reminder: true, now, queueAt });
    await markJoinRequestReminded(trx, request.id, now, request.expires_at);
    return 'reminded';
  }
  await decideJoinRequest(trx, request.id, { status: 'expired', now, byLabel: SYSTEM_ACTOR.label });
  await queueJoinRequestOutcome(trx, deps, request, order.web_order_id, 'expired', queueAt);
  await appendAudit(trx, now, SYSTEM_ACTOR, [
    {
      action: 'join_request.expired',
      organizationId: request.organization_id,
      data: {
        joinRequestId: request.id,
        orderId: order.id,
        webOrderId: order.web_order_id,
        contact: contactLabel(request),
      },
    },
  ]);
  return 'expired';
}
