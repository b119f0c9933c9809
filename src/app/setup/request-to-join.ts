/**
 * A provisioning contact chose an existing organization they do not administer: instead of
 * mapping the order, ask its administrators. One transaction takes the order lock (as every
 * change before the PONR does), checks the link and the finder again, records the request and
 * queues an e-mail with Approve / Decline links to each administrator. The setup link stays
 * live: it shows the contact a waiting page, and after a decline or the expiry the wizard again.
 */
import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../../store/audit-repository.js';
import {
  decideJoinRequest,
  insertJoinRequest,
  isContactOfOrder,
  type JoinRequestRow,
  pendingJoinRequestOfOrder,
} from '../../store/join-request-repository.js';
import { inTransaction } from '../../store/run-transaction.js';
import type { AppDeps } from '../deps.js';
import { findOrganizationsForSetup, isOffered } from './find-organizations-for-setup.js';
import { lockSetupLink, setupTokenHash } from './lock-setup-link.js';
import {
  contactLabel,
  JOIN_REMINDER_BEFORE_MS,
  JOIN_REQUEST_DAYS,
  queueJoinRequestEmails,
} from './queue-join-request-emails.js';

export interface JoinRequested {
  joinRequestId: string;
  organizationId: string;
  organizationName: string;
  /** ISO instant after which the request expires unanswered. */
  expiresAt: string;
  /** How many administrators were asked. */
  administratorsAsked: number;
}

export async function requestToJoin(
  deps: AppDeps,
  token: string,
  input: { organizationId: string; confirmedBy: { name: string } },
): Promise<JoinRequested> {
  return inTransaction(deps, async (trx) => {
    const now = deps.clock.now();
    const { order, line } = await lockSetupLink(trx, deps, setupTokenHash(token), now);
    const offered = await findOrganizationsForSetup(trx, {
      contactEmail: line.contact_email,
      endCustomerName: order.end_customer_name,
    });
    // Only a suggestion is asked for; the contact's own organization is mapped directly.
    if (offered.contactAccount !== 'none' || !isOffered(offered, input.organizationId))
      throw new AppError('NOT_FOUND', { organizationId: input.organizationId });
    const organization = offered.suggested.find((o) => o.organizationId === input.organizationId)!;

    const pending = await pendingJoinRequestOfOrder(trx, order.id);
    const sameContact = pending?.contact_email.toLowerCase() === line.contact_email.toLowerCase();
    // Another contact's request stands while they are still a contact of the order.
    if (pending && !sameContact && (await isContactOfOrder(trx, order.id, pending.contact_email)))
      throw new AppError('ALREADY_EXISTS', { what: 'join_request' });
    if (sameContact && pending?.organization_id === input.organizationId)
      return joinRequested(pending, organization.name, 0);
    const actor = { userId: null, label: `${input.confirmedBy.name} <${line.contact_email}>` };
    if (pending) {
      // The contact changed their mind, or the partner named someone else meanwhile: the earlier
      // request is withdrawn and its links die.
      await decideJoinRequest(trx, pending.id, { status: 'withdrawn', now, byLabel: actor.label });
      await appendAudit(trx, now, actor, [
        {
          action: 'join_request.withdrawn',
          organizationId: pending.organization_id,
          data: { joinRequestId: pending.id, orderId: order.id, webOrderId: order.web_order_id },
        },
      ]);
    }

    const expiresAt = new Date(now.getTime() + JOIN_REQUEST_DAYS * 86_400_000);
    const request: JoinRequestRow = {
      id: deps.ids.newId('jrq'),
      order_id: order.id,
      organization_id: input.organizationId,
      contact_name: input.confirmedBy.name,
      contact_email: line.contact_email,
      contact_language: line.contact_language,
      status: 'pending',
      created_at: now,
      expires_at: expiresAt,
      next_action_at: new Date(expiresAt.getTime() - JOIN_REMINDER_BEFORE_MS),
      reminded_at: null,
      decided_at: null,
      decided_by_label: null,
    };
    await insertJoinRequest(trx, request);
    const asked = await queueJoinRequestEmails(trx, deps, request, order, {
      reminder: false,
      now,
      queueAt: now,
    });
    if (asked === 0) throw new AppError('NOT_FOUND', { organizationId: input.organizationId });
    await appendAudit(trx, now, actor, [
      {
        action: 'join_request.requested',
        organizationId: input.organizationId,
        data: {
          joinRequestId: request.id,
          orderId: order.id,
          webOrderId: order.web_order_id,
          contact: contactLabel(request),
          administratorsAsked: asked,
        },
      },
    ]);
    return joinRequested(request, organization.name, asked);
  });
}

const joinRequested = (r: JoinRequestRow, organizationName: string, asked: number): JoinRequested => ({
  joinRequestId: r.id,
  organizationId: r.organization_id,
  organizationName,
  expiresAt: r.expires_at.toISOString(),
  administratorsAsked: asked,
});
