/** One subscription line with its send history and its timeline (the audit trail). */
import { assertCanRead } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import type { Actor, SendReason, SendStatus } from '../../domain/types.js';
import { type TimelineEvent, timelineOf } from '../../store/audit-repository.js';
import { pendingJoinRequestOfOrder } from '../../store/join-request-repository.js';
import { findLine } from '../../store/line-repository.js';
import { findOrder, findPlacer } from '../../store/order-repository.js';
import { organizationNames } from '../../store/organization-repository.js';
import { sendsOfLine } from '../../store/send-repository.js';
import type { AppDeps } from '../deps.js';
import { accessFactsOf, type LineSummary, lineSummaryOf } from './describe-order-row.js';

export interface SubscriptionDetail extends LineSummary {
  orderId: string;
  webOrderId: string;
  endCustomerName: string;
  firstEmailAt: string | null;
  nextActionAt: string | null;
  adminPortalUrl: string | null;
  /** The customer organization the order was mapped to (its name only: never its people). */
  customerOrganizationName: string | null;
  /** Set while its contact waits for an existing organization's approval (see `OrderDetail`). */
  awaitingOrganizationApproval: { requestedAt: string; expiresAt: string } | null;
  sends: {
    sendId: string;
    /** The e-mail the send rode on (one per contact per order per event): sends sharing it share this. */
    emailId: string;
    reason: SendReason;
    requestedBy: string;
    to: string;
    status: SendStatus;
    statusDetail: string | null;
    createdAt: string;
    statusAt: string;
  }[];
  timeline: (Omit<TimelineEvent, 'at'> & { at: string })[];
}

export async function getSubscription(
  deps: AppDeps,
  actor: Actor,
  subscriptionId: string,
): Promise<SubscriptionDetail> {
  const line = await findLine(deps.db, subscriptionId);
  const order = line && (await findOrder(deps.db, { id: line.order_id }));
  if (!line || !order) throw new AppError('NOT_FOUND', { subscriptionId });
  assertCanRead(actor, accessFactsOf(order), await findPlacer(deps.db, order.placed_by_user_id), {
    subscriptionId,
  });
  const [sends, timeline, customer, pending] = await Promise.all([
    sendsOfLine(deps.db, subscriptionId),
    timelineOf(deps.db, subscriptionId, order.id),
    order.customer_organization_id ? organizationNames(deps.db, [order.customer_organization_id]) : [],
    order.mapped_at ? undefined : pendingJoinRequestOfOrder(deps.db, order.id),
  ]);
  return {
    orderId: order.id,
    webOrderId: order.web_order_id,
    endCustomerName: order.end_customer_name,
    ...lineSummaryOf(
      {
        ...line,
        newest_send_status: sends.at(-1)?.status ?? null,
        newest_send_to: sends.at(-1)?.to_email ?? null,
      },
      order.mapped_at !== null,
    ),
    firstEmailAt: line.first_email_at?.toISOString() ?? null,
    nextActionAt: line.next_action_at?.toISOString() ?? null,
    adminPortalUrl: order.mapped_at ? deps.settings.adminPortalUrl : null,
    customerOrganizationName: customer[0]?.name ?? null,
    awaitingOrganizationApproval: pending
      ? { requestedAt: pending.created_at.toISOString(), expiresAt: pending.expires_at.toISOString() }
      : null,
    sends: sends.map((s) => ({
      sendId: s.id,
      emailId: s.lead_send_id ?? s.id,
      reason: s.reason,
      requestedBy: s.requested_by_label,
      to: s.to_email,
      status: s.status,
      statusDetail: s.status_detail,
      createdAt: s.created_at.toISOString(),
      statusAt: s.status_at.toISOString(),
    })),
    timeline: timeline.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}
