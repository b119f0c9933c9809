/**
 * What an invitation link shows (GET /invitations/{token}): who invited, to which organization,
 * with which role, for which address. Never consumes anything: mail scanners open links too.
 */
import { canAcceptInvitation, invitationStatus } from '../../domain/invitation-status.js';
import type { Language, Role } from '../../domain/types.js';
import { findInvitationByTokenHash, type InvitationRow } from '../../store/invitation-repository.js';
import { findOrganization, findUserByEmail } from '../../store/user-repository.js';
import { type AppDeps, hashToken } from '../deps.js';
import { inviterNameOf } from './resend-invitation.js';

export interface InvitationLinkView {
  email: string;
  role: Role;
  language: Language;
  organizationName: string;
  invitedBy: { name: string; email: string };
  expiresAt: string;
}

/** Why a link cannot be used: its holder is told, nothing more. */
export type DeadInvitationReason = 'unknown' | 'used' | 'revoked';

export type OpenedInvitation =
  /** The accept form. */
  | { state: 'open'; invitation: InvitationLinkView }
  /** The address already has an account (here or elsewhere): ask the inviter. */
  | { state: 'taken'; invitation: InvitationLinkView }
  /** Past its 7 days: the page offers a new one. */
  | { state: 'expired'; invitation: InvitationLinkView }
  | { state: 'dead'; reason: DeadInvitationReason };

function linkViewOf(row: InvitationRow, organizationName: string): InvitationLinkView {
  const address = /<([^>]+)>$/.exec(row.invited_by_label)?.[1] ?? '';
  return {
    email: row.email,
    role: row.role,
    language: row.language,
    organizationName,
    invitedBy: { name: inviterNameOf(row), email: address },
    expiresAt: row.expires_at.toISOString(),
  };
}

/** The state of a link's invitation row (shared with accepting, which re-checks under lock). */
export async function openInvitationRow(
  deps: AppDeps,
  row: InvitationRow | undefined,
  now: Date,
): Promise<OpenedInvitation> {
  if (!row) return { state: 'dead', reason: 'unknown' };
  const org = await findOrganization(deps.db, row.organization_id);
  if (!org || org.deactivated_at) return { state: 'dead', reason: 'revoked' };
  const facts = {
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
    bouncedAt: row.bounced_at,
    expiresAt: row.expires_at,
  };
  const status = invitationStatus(facts, now);
  if (status === 'accepted') return { state: 'dead', reason: 'used' };
  if (status === 'revoked') return { state: 'dead', reason: 'revoked' };
  const invitation = linkViewOf(row, org.name);
  // A bounced invitation's link still works until it expires (see canAcceptInvitation).
  if (!canAcceptInvitation(facts, now)) return { state: 'expired', invitation };
  if (await findUserByEmail(deps.db, row.email)) return { state: 'taken', invitation };
  return { state: 'open', invitation };
}

export async function openInvitation(deps: AppDeps, token: string): Promise<OpenedInvitation> {
  const row = await findInvitationByTokenHash(deps.db, hashToken(token));
  return openInvitationRow(deps, row, deps.clock.now());
}
