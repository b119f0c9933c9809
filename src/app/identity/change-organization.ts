/**
 * Rename, deactivate or reactivate an organization. Deactivating ends every browser session of
 * its users in the same transaction; their API tokens and sign-ins are refused by authentication
 * while the organization is deactivated, so all of it stops at once. Its orders stay (support
 * agents still read them) and work again on reactivation.
 *
 * The operator's own organization cannot be deactivated (nobody could undo it), and customer
 * organizations are their admins' to run: both are refused with INVALID_INPUT and a clear issue.
 * Asking for what already is (the same name, active when active) changes and audits nothing.
 */
import { z } from 'zod';

import { AppError, invalidInput } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { appendAudit, type AuditEntry } from '../../store/audit-repository.js';
import {
  deleteSessionsOfOrganization,
  findOrganizationRow,
  findSameName,
  lockOrganization,
  lockOrganizationName,
  updateOrganization,
} from '../../store/organization-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { organizationNameSchema, sameNameError } from './create-organization.js';
import { assertOperator, type OrganizationView, organizationView, parseInput } from './list-organizations.js';

export const changeOrganizationSchema = z
  .object({ name: organizationNameSchema.optional(), active: z.boolean().optional() })
  .refine((v) => v.name !== undefined || v.active !== undefined, {
    message: 'give name, active or both',
    path: ['name'],
  });
export type ChangeOrganizationInput = z.input<typeof changeOrganizationSchema>;

const refused = (path: string, message: string) => invalidInput(path, message);

export async function changeOrganization(
  deps: AppDeps,
  actor: Actor,
  organizationId: string,
  /** Checked here against changeOrganizationSchema. */
  input: ChangeOrganizationInput | Record<string, unknown>,
): Promise<OrganizationView> {
  assertOperator(actor);
  const change = parseInput(changeOrganizationSchema, input);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await lockOrganization(trx, organizationId);
    const org = await findOrganizationRow(trx, organizationId);
    if (!org) throw new AppError('NOT_FOUND');
    if (org.kind === 'customer')
      throw refused(
        'organizationId',
        'customer organizations are run by their own administrators, not changed here',
      );
    if (org.kind === 'operator' && change.active === false)
      throw refused(
        'active',
        'the operator organization cannot be deactivated: nobody could sign in to undo it',
      );

    const entries: AuditEntry[] = [];
    const update: { name?: string; deactivated_at?: Date | null; updated_at: Date } = { updated_at: now };
    if (change.name !== undefined && change.name !== org.name) {
      await lockOrganizationName(trx, org.kind, change.name);
      if (await findSameName(trx, org.kind, change.name, org.id)) throw sameNameError(org.kind, change.name);
      update.name = change.name;
      entries.push({
        action: 'organization.renamed',
        organizationId,
        data: { before: { name: org.name }, after: { name: change.name } },
      });
    }
    const active = org.deactivated_at === null;
    if (change.active === false && active) {
      update.deactivated_at = now;
      const sessionsEnded = await deleteSessionsOfOrganization(trx, organizationId);
      entries.push({
        action: 'organization.deactivated',
        organizationId,
        data: { before: { active: true }, after: { active: false }, sessionsEnded },
      });
    }
    if (change.active === true && !active) {
      update.deactivated_at = null;
      entries.push({
        action: 'organization.reactivated',
        organizationId,
        data: { before: { active: false }, after: { active: true } },
      });
    }
    if (entries.length === 0) return organizationView(org);
    await updateOrganization(trx, organizationId, update);
    await appendAudit(trx, now, auditActorOf(actor), entries);
    return organizationView((await findOrganizationRow(trx, organizationId))!);
  });
}
