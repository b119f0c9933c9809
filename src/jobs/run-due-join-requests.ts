/**
 * The join requests' due times, on the same machinery as the lines': claims pending requests
 * whose reminder or expiry has come (SKIP LOCKED), reminds the administrators two days before
 * the end, and at the end expires the request and tells the contact. The order lock is taken
 * first, as by every writer of a request, so an approval racing in is ordered with the expiry.
 */
import type { AppDeps } from '../app/deps.js';
import {
  contactLabel,
  queueJoinRequestEmails,
  queueJoinRequestOutcome,
} from '../app/setup/queue-join-request-emails.js';
import { appendAudit, SYSTEM_ACTOR } from '../store/audit-repository.js';
import {
  claimDueJoinRequests,
  decideJoinRequest,
  markJoinRequestReminded,
} from '../store/join-request-repository.js';
import { lockOrder } from '../store/order-repository.js';
import { inTransaction } from '../store/run-transaction.js';

export interface DueJoinRequests {
  reminded: number;
  expired: number;
}

const BATCH = 100;

/** Processes every join request due at `now`; e-mails go out from `queueAt`. */
export async function runDueJoinRequests(deps: AppDeps, now: Date, queueAt: Date): Promise<DueJoinRequests> {
  const total: DueJoinRequests = { reminded: 0, expired: 0 };
  for (;;) {
    const batch = await inTransaction(deps, async (trx) => {
      const done: DueJoinRequests & { claimed: number } = { reminded: 0, expired: 0, claimed: 0 };
      const due = await claimDueJoinRequests(trx, now, BATCH);
      done.claimed = due.length;
      for (const request of due) {
        // Claimed under SKIP LOCKED; the order's lock then waits for any decision in progress.
        const order = await lockOrder(trx, request.order_id);
        if (!order || order.mapped_at) continue;
        if (request.expires_at > now) {
          await queueJoinRequestEmails(trx, deps, request, order, { reminder: true, now, queueAt });
          await markJoinRequestReminded(trx, request.id, now, request.expires_at);
          done.reminded++;
          continue;
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
        done.expired++;
      }
      return done;
    });
    total.reminded += batch.reminded;
    total.expired += batch.expired;
    if (batch.claimed < BATCH) return total;
  }
}
