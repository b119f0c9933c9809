/**
 * The admin portal's audit trail of the customer admin's own organization, newest first: who
 * joined, who was invited or removed, which orders were mapped, and any other event recorded for
 * it (join requests and what else comes). Each event keeps its raw action for the page to name.
 */
import type { Actor } from '../../domain/types.js';
import { organizationTrailRows } from '../../store/organization-trail-repository.js';
import type { AppDeps } from '../deps.js';
import { assertCustomerAdmin } from './get-organization-administration.js';

export const ORGANIZATION_TRAIL_LIMIT = 100;

export interface OrganizationTrailEvent {
  at: string;
  /** "Name <email>" of whoever acted, or "Onramp" for the system. */
  actor: string;
  action: string;
  /** The address an invitation, user or request event is about. */
  email: string | null;
  /** The web order id of an event about an order. */
  webOrderId: string | null;
}

export async function listOrganizationTrail(deps: AppDeps, actor: Actor): Promise<OrganizationTrailEvent[]> {
  assertCustomerAdmin(actor);
  const rows = await organizationTrailRows(deps.db, actor.organizationId, ORGANIZATION_TRAIL_LIMIT);
  return rows.map((r) => {
    const data = (r.data ?? {}) as Record<string, unknown>;
    return {
      at: r.at.toISOString(),
      actor: r.actor_label,
      action: r.action,
      email: typeof data['email'] === 'string' ? data['email'] : null,
      webOrderId: r.web_order_id,
    };
  });
}
