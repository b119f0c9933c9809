/**
 * The operator's list of organizations: partners and distributors they manage, their own
 * organization (where support agents are invited) and customer organizations (read-only here:
 * their admins own them), each with its number of users. Operators only.
 */
import { z } from 'zod';

import { AppError, invalidInput } from '../../domain/errors.js';
import { isOperator } from '../../domain/roles.js';
import type { Actor, OrganizationKind } from '../../domain/types.js';
import { listOrganizationRows, type OrganizationRow } from '../../store/organization-repository.js';
import type { AppDeps } from '../deps.js';

export const ORGANIZATION_KINDS = [
  'partner',
  'distributor',
  'customer',
  'operator',
] as const satisfies readonly OrganizationKind[];

export interface OrganizationView {
  organizationId: string;
  kind: OrganizationKind;
  name: string;
  /** false while deactivated: its users cannot sign in and their tokens are refused. */
  active: boolean;
  createdAt: string;
  userCount: number;
}

export function organizationView(row: OrganizationRow): OrganizationView {
  return {
    organizationId: row.id,
    kind: row.kind,
    name: row.name,
    active: row.deactivated_at === null,
    createdAt: row.created_at.toISOString(),
    userCount: row.user_count,
  };
}

/** Everything under /operator is the operators' alone. */
export function assertOperator(actor: Actor): void {
  if (!isOperator(actor)) throw new AppError('NO_ACCESS', { area: 'operator' });
}

/** Refuses with INVALID_INPUT listing every bad field, before anything is read or written. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidInput(
    parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

export const listOrganizationsSchema = z.object({
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListOrganizationsInput = z.input<typeof listOrganizationsSchema>;

export async function listOrganizations(
  deps: AppDeps,
  actor: Actor,
  input: ListOrganizationsInput = {},
): Promise<OrganizationView[]> {
  assertOperator(actor);
  const filter = parseInput(listOrganizationsSchema, input);
  const rows = await listOrganizationRows(deps.db, { kind: filter.kind, q: filter.q || undefined });
  return rows.map(organizationView);
}
