/**
 * What an invitation is, from its row and the instant: pure. One status wins, in this order:
 * accepted > revoked > bounced > expired > sent. A bounce belongs to the newest e-mail (a resend
 * clears it), so a bounced invitation is one whose last e-mail did not arrive.
 */

export const INVITATION_STATUSES = ['sent', 'accepted', 'expired', 'revoked', 'bounced'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** How long an invitation link works after each (re)send. */
export const INVITATION_TTL_DAYS = 7;
const DAY_MS = 86_400_000;

export interface InvitationFacts {
  acceptedAt: Date | null;
  revokedAt: Date | null;
  bouncedAt: Date | null;
  expiresAt: Date;
}

export function invitationStatus(facts: InvitationFacts, now: Date): InvitationStatus {
  if (facts.acceptedAt) return 'accepted';
  if (facts.revokedAt) return 'revoked';
  if (facts.bouncedAt) return 'bounced';
  if (facts.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'sent';
}

export type InvitationAction = 'resend' | 'revoke';

const ACTIONS: Readonly<Record<InvitationStatus, readonly InvitationAction[]>> = {
  sent: ['resend', 'revoke'],
  expired: ['resend', 'revoke'],
  bounced: ['resend', 'revoke'],
  accepted: [],
  revoked: [],
};

export function invitationActions(status: InvitationStatus): readonly InvitationAction[] {
  return ACTIONS[status];
}

export function allowsInvitationAction(status: InvitationStatus, action: InvitationAction): boolean {
  return ACTIONS[status].includes(action);
}

/**
 * Whether the link still makes a member: not accepted, not revoked, not past its expiry. A bounced
 * invitation's link still works for whoever holds it (the bounce may concern a forwarded copy).
 */
export function canAcceptInvitation(facts: InvitationFacts, now: Date): boolean {
  return !facts.acceptedAt && !facts.revokedAt && facts.expiresAt.getTime() > now.getTime();
}

export function invitationExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + INVITATION_TTL_DAYS * DAY_MS);
}

/** E-mail addresses compare and are stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
