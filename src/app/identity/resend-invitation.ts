/**
 * Resend an invitation (sent, expired or bounced): a new link replaces the old one, which stops
 * working at once; the link works 7 more days; the e-mail is queued again with a new message key.
 * Also the "send me a new invitation" of an expired link's page, with the self-service actor.
 */
import type { Transaction } from 'kysely';

import type { Actor } from '../../domain/types.js';
import { appendAudit, type AuditActor } from '../../store/audit-repository.js';
import { type InvitationRow, replaceInvitationLink } from '../../store/invitation-repository.js';
import type { Database } from '../../store/schema.js';
import { findOrganization } from '../../store/user-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { changeInvitation } from './change-invitation.js';
import type { InvitationView } from './people-views.js';
import { mintInvitationLink, queueInvitationEmail } from './queue-invitation-email.js';

/** The inviter's name as the e-mail shows it: the row keeps "Name <address>". */
export function inviterNameOf(row: Pick<InvitationRow, 'invited_by_label'>): string {
  return row.invited_by_label.replace(/\s*<[^>]*>$/, '');
}

/** Replaces the link and queues the e-mail, in the caller's transaction on the locked row. */
export async function resendLockedInvitation(
  trx: Transaction<Database>,
  deps: AppDeps,
  row: InvitationRow,
  by: AuditActor,
  now: Date,
): Promise<void> {
  const org = await findOrganization(trx, row.organization_id);
  const link = mintInvitationLink(deps, now);
  await replaceInvitationLink(trx, row.id, link);
  await queueInvitationEmail(trx, deps, link, {
    email: row.email,
    role: row.role,
    language: row.language,
    invitedByName: inviterNameOf(row),
    organizationName: org?.name ?? '',
  });
  await appendAudit(trx, now, by, [
    {
      action: 'invitation.resent',
      organizationId: row.organization_id,
      data: { invitationId: row.id, email: row.email, sendCount: row.send_count + 1 },
    },
  ]);
}

export async function resendInvitation(
  deps: AppDeps,
  actor: Actor,
  invitationId: string,
): Promise<InvitationView> {
  return changeInvitation(deps, actor, invitationId, 'resend', (trx, row, now) =>
    resendLockedInvitation(trx, deps, row, auditActorOf(actor), now),
  );
}
