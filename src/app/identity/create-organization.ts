/**
 * Create a partner or distributor organization (customers come from the setup wizard, the
 * operator's own organization from the installation). A second organization of the same kind with
 * the same name, in any case, active or not, is refused with ALREADY_EXISTS: people pick from
 * these names, and two "Acme Reseller" partners would be one too many. Operators only; audited.
 */
import { z } from 'zod';

import { displayName } from '../../domain/display-name.js';
import { AppError } from '../../domain/errors.js';
import { CREATABLE_KINDS } from '../../domain/roles.js';
import type { Actor, OrganizationKind } from '../../domain/types.js';
import { appendAudit } from '../../store/audit-repository.js';
import {
  findOrganizationRow,
  findSameName,
  insertOrganization,
  lockOrganizationName,
} from '../../store/organization-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { assertOperator, type OrganizationView, organizationView, parseInput } from './list-organizations.js';

export const organizationNameSchema = displayName({ min: 2, max: 200 });

export const createOrganizationSchema = z.object({
  kind: z.enum(CREATABLE_KINDS),
  name: organizationNameSchema,
});
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

/** The ALREADY_EXISTS refusal, naming what exists (the message shows `what`). */
export function sameNameError(kind: OrganizationKind, name: string): AppError {
  return new AppError('ALREADY_EXISTS', { what: `${kind} "${name}"` });
}

export async function createOrganization(
  deps: AppDeps,
  actor: Actor,
  /** Checked here against createOrganizationSchema: pages pass what was typed. */
  input: CreateOrganizationInput | Record<string, unknown>,
): Promise<OrganizationView> {
  assertOperator(actor);
  const { kind, name } = parseInput(createOrganizationSchema, input);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await lockOrganizationName(trx, kind, name);
    if (await findSameName(trx, kind, name)) throw sameNameError(kind, name);
    const id = deps.ids.newId('org');
    await insertOrganization(trx, { id, kind, name, created_at: now });
    await appendAudit(trx, now, auditActorOf(actor), [
      { action: 'organization.created', organizationId: id, data: { after: { kind, name, active: true } } },
    ]);
    const row = await findOrganizationRow(trx, id);
    return organizationView(row!);
  });
}
