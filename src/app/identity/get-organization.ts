/** One organization with its number of users. Operators only. */
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { findOrganizationRow } from '../../store/organization-repository.js';
import type { AppDeps } from '../deps.js';
import { assertOperator, type OrganizationView, organizationView } from './list-organizations.js';

export async function getOrganization(
  deps: AppDeps,
  actor: Actor,
  organizationId: string,
): Promise<OrganizationView> {
  assertOperator(actor);
  const row = await findOrganizationRow(deps.db, organizationId);
  if (!row) throw new AppError('NOT_FOUND');
  return organizationView(row);
}
