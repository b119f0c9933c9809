/**
 * Mints an invitation link and queues its e-mail in the caller's transaction: a 256-bit token of
 * which only the SHA-256 is stored, and a new outbox message key, kept on the row so a bounce
 * report of this e-mail finds the invitation.
 */
import type { Transaction } from 'kysely';

import { invitationExpiry } from '../../domain/invitation-status.js';
import type { Language, Role } from '../../domain/types.js';
import { enqueueEmail } from '../../store/outbox-repository.js';
import type { Database } from '../../store/schema.js';
import { type AppDeps, hashToken } from '../deps.js';

export interface InvitationLink {
  token: string;
  tokenHash: Buffer;
  sentAt: Date;
  expiresAt: Date;
  messageKey: string;
}

export function mintInvitationLink(deps: AppDeps, now: Date): InvitationLink {
  const token = deps.ids.newToken();
  return {
    token,
    tokenHash: hashToken(token),
    sentAt: now,
    expiresAt: invitationExpiry(now),
    messageKey: deps.ids.newId('ivm'),
  };
}

export function invitationUrlOf(deps: AppDeps, token: string): string {
  return `${deps.settings.publicUrl}/invitations/${token}`;
}

export async function queueInvitationEmail(
  trx: Transaction<Database>,
  deps: AppDeps,
  link: InvitationLink,
  invitation: {
    email: string;
    role: Role;
    language: Language;
    invitedByName: string;
    organizationName: string;
  },
): Promise<void> {
  await enqueueEmail(trx, link.sentAt, {
    template: 'invitation',
    messageKey: link.messageKey,
    input: {
      language: invitation.language,
      to: { name: invitation.email, email: invitation.email },
      invitedByName: invitation.invitedByName,
      organizationName: invitation.organizationName,
      role: invitation.role,
      secrets: { invitationUrl: invitationUrlOf(deps, link.token) },
      expiresAt: link.expiresAt.toISOString(),
    },
  });
}
