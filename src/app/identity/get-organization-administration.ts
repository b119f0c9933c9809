/**
 * The admin portal's administrators: who administers the signed-in customer admin's organization
 * (name, address, since when) and the invitations not yet accepted. Customer admins see their own
 * organization's administrators' addresses, nobody else's.
 */
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import { invitationsOf } from '../../store/invitation-repository.js';
import { usersOf } from '../../store/user-repository.js';
import type { AppDeps } from '../deps.js';
import { type InvitationView, invitationView } from './people-views.js';

export interface AdministratorView {
  userId: string;
  name: string;
  email: string;
  /** When they became an administrator (their account's creation). */
  since: string;
  /** The signed-in administrator. */
  you: boolean;
}

export interface OrganizationAdministration {
  administrators: AdministratorView[];
  /** Invitations still open (sent, bounced or expired), newest first. */
  invitations: InvitationView[];
}

/** The admin portal is the customer admin's; everyone else is refused before anything is read. */
export function assertCustomerAdmin(actor: Actor): void {
  if (actor.role !== 'customer_admin') throw new AppError('NO_ACCESS', { area: 'users' });
}

export async function getOrganizationAdministration(
  deps: AppDeps,
  actor: Actor,
): Promise<OrganizationAdministration> {
  assertCustomerAdmin(actor);
  const now = deps.clock.now();
  const [users, invitations] = await Promise.all([
    usersOf(deps.db, actor.organizationId),
    invitationsOf(deps.db, actor.organizationId),
  ]);
  return {
    administrators: users
      .filter((u) => u.role === 'customer_admin' && u.deactivated_at === null)
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.name.localeCompare(b.name))
      .map((u) => ({
        userId: u.id,
        name: u.name,
        email: u.email,
        since: u.created_at.toISOString(),
        you: u.id === actor.userId,
      })),
    invitations: invitations
      .map((row) => invitationView(row, now))
      .filter((i) => i.status === 'sent' || i.status === 'bounced' || i.status === 'expired'),
  };
}
