/** One order with its header and lines, for the order page and the API. */
import { assertCanRead } from '../../domain/access.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { pendingJoinRequestOfOrder } from '../../store/join-request-repository.js';
import { lineViewsOfOrder } from '../../store/line-repository.js';
import { findOrder, findPlacer, ordersWithWebOrderId } from '../../store/order-repository.js';
import { organizationNames } from '../../store/organization-repository.js';
import type { AppDeps } from '../deps.js';
import { accessFactsOf, type LineSummary, lineSummaryOf } from './describe-order-row.js';

export interface OrderDetail {
  orderId: string;
  webOrderId: string;
  endCustomerName: string;
  submittedAt: string;
  submittedBy: { name: string; email: string };
  partner: { id: string; name: string };
  distributor: { id: string; name: string } | null;
  customerOrganizationId: string | null;
  /** The customer organization the order was mapped to (its name only: never its people). */
  customerOrganizationName: string | null;
  mappedAt: string | null;
  /**
   * Set while the provisioning contact waits for an existing organization's administrators to
   * approve their request to join it (the organization is not named: it has not agreed yet).
   */
  awaitingOrganizationApproval: { requestedAt: string; expiresAt: string } | null;
  adminPortalUrl: string | null;
  lines: (LineSummary & { lineNo: number })[];
}

/**
 * The order with this internal id, or else with this web order id among the orders the caller may
 * see (or their own partner's): web order ids are unique per partner only, and another partner's
 * order must answer like a missing one. Two partners' orders the caller sees (a support agent, a
 * distributor) may share a web order id: then the caller is asked for the order id.
 */
async function findOrderByKey(deps: AppDeps, actor: Actor, key: string) {
  const byId = await findOrder(deps.db, { id: key });
  if (byId) return byId;
  const [order, other] = await ordersWithWebOrderId(deps.db, key, { actor });
  if (other) throw invalidInput('orderId', 'is the web order id of several orders: use the order id');
  return order;
}

/** `key` is the internal order id or the web order id. */
export async function getOrder(deps: AppDeps, actor: Actor, key: string): Promise<OrderDetail> {
  const order = await findOrderByKey(deps, actor, key);
  if (!order) throw new AppError('NOT_FOUND', { orderId: key });
  const placer = await findPlacer(deps.db, order.placed_by_user_id);
  assertCanRead(actor, accessFactsOf(order), placer, { orderId: key });
  const orgIds = [
    order.partner_id,
    ...(order.distributor_id ? [order.distributor_id] : []),
    ...(order.customer_organization_id ? [order.customer_organization_id] : []),
  ];
  const [lines, orgs, pending] = await Promise.all([
    lineViewsOfOrder(deps.db, order.id),
    organizationNames(deps.db, orgIds),
    order.mapped_at ? undefined : pendingJoinRequestOfOrder(deps.db, order.id),
  ]);
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name ?? '';
  return {
    orderId: order.id,
    webOrderId: order.web_order_id,
    endCustomerName: order.end_customer_name,
    submittedAt: order.submitted_at.toISOString(),
    submittedBy: { name: placer.name, email: placer.email },
    partner: { id: order.partner_id, name: orgName(order.partner_id) },
    distributor: order.distributor_id
      ? { id: order.distributor_id, name: orgName(order.distributor_id) }
      : null,
    customerOrganizationId: order.customer_organization_id,
    customerOrganizationName: order.customer_organization_id ? orgName(order.customer_organization_id) : null,
    mappedAt: order.mapped_at?.toISOString() ?? null,
    awaitingOrganizationApproval: pending
      ? { requestedAt: pending.created_at.toISOString(), expiresAt: pending.expires_at.toISOString() }
      : null,
    adminPortalUrl: order.mapped_at ? deps.settings.adminPortalUrl : null,
    lines: lines.map((l) => ({ lineNo: l.line_no, ...lineSummaryOf(l, order.mapped_at !== null) })),
  };
}
