/**
 * What the users and invitations use cases answer (the API's `User` and `Invitation`), and the
 * access rule they share: only operators and partner, distributor and customer admins manage
 * people; an organization they do not administer answers exactly like a missing one.
 */
import { AppError } from '../../domain/errors.js';
import { type InvitationStatus, invitationStatus } from '../../domain/invitation-status.js';
import { administers, assertAdministers } from '../../domain/roles.js';
import type { Actor, Language, Role } from '../../domain/types.js';
import type { InvitationListRow } from '../../store/invitation-repository.js';
import type { UserListRow } from '../../store/user-repository.js';

export interface UserView {
  userId: string;
  organizationId: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

export function userView(row: UserListRow): UserView {
  return {
    userId: row.id,
    organizationId: row.organization_id,
    name: row.name,
    email: row.email,
    role: row.role,
    active: row.deactivated_at === null,
    createdAt: row.created_at.toISOString(),
  };
}

export interface InvitationView {
  invitationId: string;
  organizationId: string;
  email: string;
  role: Role;
  language: Language;
  status: InvitationStatus;
  invitedBy: { name: string; email: string };
  createdAt: string;
  sentAt: string;
  expiresAt: string;
  sendCount: number;
}

/** "Name <address>" (the audit label kept on the row) when the inviter's account is gone. */
function inviterOf(row: InvitationListRow): { name: string; email: string } {
  if (row.inviter_name !== null && row.inviter_email !== null)
    return { name: row.inviter_name, email: row.inviter_email };
  const match = /^(.*)<([^>]+)>$/.exec(row.invited_by_label);
  return match ? { name: match[1]!.trim(), email: match[2]! } : { name: row.invited_by_label, email: '' };
}

export function invitationView(row: InvitationListRow, now: Date): InvitationView {
  return {
    invitationId: row.id,
    organizationId: row.organization_id,
    email: row.email,
    role: row.role,
    language: row.language,
    status: invitationStatus(
      {
        acceptedAt: row.accepted_at,
        revokedAt: row.revoked_at,
        bouncedAt: row.bounced_at,
        expiresAt: row.expires_at,
      },
      now,
    ),
    invitedBy: inviterOf(row),
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    sendCount: row.send_count,
  };
}

/** Operators and partner, distributor and customer admins; anyone else is refused before any lookup. */
export function assertManagesPeople(actor: Actor): void {
  if (!administers(actor, actor.organizationId)) throw new AppError('NO_ACCESS', { area: 'users' });
}

/**
 * The organization a request concerns (the caller's own by default), once the caller may manage
 * its people. `notFound` is the refusal for an organization the caller does not administer: the
 * same as for a missing one.
 */
export function organizationOfRequest(actor: Actor, organizationId: string | undefined): string {
  assertManagesPeople(actor);
  const id = organizationId ?? actor.organizationId;
  assertAdministers(actor, id);
  return id;
}

/** Refuses an object of an organization the caller does not administer, like a missing one. */
export function assertSees(actor: Actor, organizationId: string | undefined, notFound: AppError): void {
  assertManagesPeople(actor);
  if (organizationId === undefined || !administers(actor, organizationId)) throw notFound;
}
