/** The organization's audit trail for its detail page: the newest 100 events. Operators only. */
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { findOrganizationRow, organizationAuditRows } from '../../store/organization-repository.js';
import type { AppDeps } from '../deps.js';
import { assertOperator } from './list-organizations.js';

export const ORGANIZATION_AUDIT_LIMIT = 100;

export interface OrganizationAuditEvent {
  at: string;
  /** "Name <email>" of whoever acted, or "Onramp" for the system. */
  actor: string;
  action: string;
  data: Record<string, unknown>;
}

export async function listOrganizationAudit(
  deps: AppDeps,
  actor: Actor,
  organizationId: string,
): Promise<OrganizationAuditEvent[]> {
  assertOperator(actor);
  if (!(await findOrganizationRow(deps.db, organizationId))) throw new AppError('NOT_FOUND');
  const rows = await organizationAuditRows(deps.db, organizationId, ORGANIZATION_AUDIT_LIMIT);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    actor: r.actor_label,
    action: r.action,
    data: (r.data ?? {}) as Record<string, unknown>,
  }));
}
