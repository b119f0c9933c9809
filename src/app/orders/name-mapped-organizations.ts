/**
 * The customer organization each listed order was mapped to, by name only: a partner is told
 * whose order it now is and to ask that organization's administrators in the admin portal, never
 * who they are (their addresses belong to another tenant).
 */
import type { Actor } from '../../domain/types.js';
import { mappedOrganizationNames } from '../../store/organization-repository.js';
import type { AppDeps } from '../deps.js';

export interface MappedOrganization {
  organizationId: string;
  name: string;
}

/** Order id → the organization it was mapped to, for the orders `actor` may see; unmapped ones are absent. */
export async function nameMappedOrganizations(
  deps: AppDeps,
  actor: Actor,
  orderIds: string[],
): Promise<Map<string, MappedOrganization>> {
  const rows = await mappedOrganizationNames(deps.db, actor, [...new Set(orderIds)]);
  return new Map(rows.map((r) => [r.orderId, { organizationId: r.organizationId, name: r.name }]));
}
