/**
 * Roles by organization kind, and who administers whom. Pure.
 *
 * | kind        | roles                          | admin role        |
 * |-------------|--------------------------------|-------------------|
 * | partner     | partner_user, partner_admin    | partner_admin     |
 * | distributor | distributor_user, distributor_admin | distributor_admin |
 * | operator    | support_agent, operator        | operator          |
 * | customer    | customer_admin                 | customer_admin    |
 *
 * Operators administer every organization; an organization's admins administer their own
 * (customer admins theirs too: the admin portal invites and removes its administrators).
 */
import { AppError } from './errors.js';
import type { Actor, OrganizationKind, Role } from './types.js';

export const ROLES_OF_KIND: Readonly<Record<OrganizationKind, readonly Role[]>> = {
  partner: ['partner_user', 'partner_admin'],
  distributor: ['distributor_user', 'distributor_admin'],
  operator: ['support_agent', 'operator'],
  customer: ['customer_admin'],
};

export const ADMIN_ROLE_OF_KIND: Readonly<Record<OrganizationKind, Role>> = {
  partner: 'partner_admin',
  distributor: 'distributor_admin',
  operator: 'operator',
  customer: 'customer_admin',
};

/** Organization kinds an operator creates by hand (customers come from the setup wizard). */
export const CREATABLE_KINDS = ['partner', 'distributor'] as const;
export type CreatableKind = (typeof CREATABLE_KINDS)[number];

export function isRoleOfKind(role: Role, kind: OrganizationKind): boolean {
  return ROLES_OF_KIND[kind].includes(role);
}

export function isAdminRole(role: Role): boolean {
  return role === 'partner_admin' || role === 'distributor_admin' || role === 'operator';
}

export const isOperator = (actor: Actor): boolean => actor.role === 'operator';

/** Partner and distributor staff: the order workspace's users. */
export function isWorkspaceRole(role: Role): boolean {
  return (
    role === 'partner_user' ||
    role === 'partner_admin' ||
    role === 'distributor_user' ||
    role === 'distributor_admin' ||
    role === 'support_agent'
  );
}

/**
 * Whether `actor` administers the users, invitations and settings of `organizationId`:
 * operators everywhere, partner, distributor and customer admins in their own organization.
 */
export function administers(actor: Actor, organizationId: string): boolean {
  if (actor.role === 'operator') return true;
  return (
    (actor.role === 'partner_admin' ||
      actor.role === 'distributor_admin' ||
      actor.role === 'customer_admin') &&
    actor.organizationId === organizationId
  );
}

/**
 * Refuses unless `actor` administers `organizationId`. Another organization answers exactly like
 * a missing one (NOT_FOUND); a colleague without the admin role gets NO_ACCESS.
 */
export function assertAdministers(actor: Actor, organizationId: string): void {
  if (administers(actor, organizationId)) return;
  if (actor.organizationId === organizationId) throw new AppError('NO_ACCESS', { area: 'users' });
  throw new AppError('NOT_FOUND');
}

/** Where a signed-in user lands. */
export function homePathOf(role: Role | undefined): string {
  if (role === 'customer_admin') return '/admin';
  if (role === 'operator') return '/operator';
  return '/orders';
}
