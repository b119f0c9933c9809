/**
 * An administrator approves or declines a join request with their link. Approving is the point
 * of no return: it is checked twice, quickly (a clear refusal before anything is locked), then
 * again under the order lock, in the one transaction that maps the order, withdraws the e-mails
 * still waiting, adds the contact as an administrator and queues the welcome e-mail. Declining
 * takes the same locks, so an approval and a decline racing in are ordered: one wins.
 */
import type { Transaction } from 'kysely';

import { AppError } from '../../domain/errors.js';
import { appendAudit, type AuditActor } from '../../store/audit-repository.js';
import { decideJoinRequest, isContactOfOrder, lockJoinRequest } from '../../store/join-request-repository.js';
import { lockOrder } from '../../store/order-repository.js';
import { inTransaction } from '../../store/run-transaction.js';
import type { Database } from '../../store/schema.js';
import { findUser, isActiveCustomerAdmin } from '../../store/user-repository.js';
import type { AppDeps } from '../deps.js';
import { mapOrderInTransaction, type MappedOrder } from './map-order-to-organization.js';
import { findJoinLink, joinLinkRefusal, type JoinRequestLink } from './open-join-request-link.js';
import { contactLabel, queueJoinRequestOutcome } from './queue-join-request-emails.js';

export type JoinDecision = 'approve' | 'decline';

export interface DecidedJoinRequest {
  decision: JoinDecision;
  organizationId: string;
  contact: { name: string; email: string };
  webOrderId: string;
  /** Set when approved: the order is mapped. */
  mapped: MappedOrder | null;
}

/**
 * Locks the order, then the link and its request, and checks all again: the request is pending
 * and unexpired, the order not mapped, the link unused, its administrator still one, and the
 * contact still the contact of a live line (a partner may have named someone else meanwhile).
 */
async function lockJoinLink(
  trx: Transaction<Database>,
  deps: AppDeps,
  token: string,
  orderId: string,
  now: Date,
): Promise<{ found: JoinRequestLink; actor: AuditActor }> {
  const order = await lockOrder(trx, orderId);
  const link = await findJoinLink(trx, token, { lock: true });
  const request = link && (await lockJoinRequest(trx, link.request.id));
  const found = link && order && request ? { ...link, order, request } : undefined;
  const refusal = joinLinkRefusal(deps, found, now);
  if (refusal) throw refusal;
  const { request: r } = found!;
  const admin = await findUser(trx, found!.link.admin_user_id);
  if (!admin || !(await isActiveCustomerAdmin(trx, r.organization_id, admin.email)))
    throw new AppError('TOKEN_INVALID', { reason: 'revoked' });
  const stillContact = await isContactOfOrder(trx, r.order_id, r.contact_email);
  if (!stillContact)
    throw new AppError('TOKEN_INVALID', { reason: 'revoked', revokedReason: 'contact_change' });
  return { found: found!, actor: { userId: admin.id, label: `${admin.name} <${admin.email}>` } };
}

export async function decideJoinRequestByLink(
  deps: AppDeps,
  token: string,
  decision: JoinDecision,
): Promise<DecidedJoinRequest> {
  // The quick check, before anything is locked.
  const quick = await findJoinLink(deps.db, token);
  const refusal = joinLinkRefusal(deps, quick, deps.clock.now());
  if (refusal) throw refusal;
  return inTransaction(deps, async (trx) => {
    const now = deps.clock.now();
    const { found, actor } = await lockJoinLink(trx, deps, token, quick!.order.id, now);
    const { request, order } = found;
    const status = decision === 'approve' ? 'approved' : 'declined';
    await decideJoinRequest(trx, request.id, { status, now, byLabel: actor.label });
    const mapped =
      decision === 'approve'
        ? await mapOrderInTransaction(
            trx,
            deps,
            {
              orderId: order.id,
              organization: { organizationId: request.organization_id },
              confirmedBy: {
                name: request.contact_name,
                email: request.contact_email,
                language: request.contact_language,
              },
            },
            now,
          )
        : null;
    if (decision === 'decline')
      await queueJoinRequestOutcome(trx, deps, request, order.web_order_id, 'declined', now);
    await appendAudit(trx, now, actor, [
      {
        action: `join_request.${status}`,
        organizationId: request.organization_id,
        data: {
          joinRequestId: request.id,
          orderId: order.id,
          webOrderId: order.web_order_id,
          contact: contactLabel(request),
        },
      },
    ]);
    return {
      decision,
      organizationId: request.organization_id,
      contact: { name: request.contact_name, email: request.contact_email },
      webOrderId: order.web_order_id,
      mapped,
    };
  });
}
