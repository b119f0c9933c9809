/**
 * Invite an address to an organization with a role of its kind. The link is 256-bit, stored
 * hashed, and works for 7 days; the invitation e-mail (naming who invited, to which organization)
 * is queued in the same transaction. A member of this organization, or an address with a live
 * invitation to it, is ALREADY_EXISTS. An address that belongs to another organization's user is
 * invited like any other: refusing here would tell this tenant who works elsewhere; the accept
 * page refuses instead.
 */
import { z } from 'zod';

import { AppError, invalidInput } from '../../domain/errors.js';
import { isRoleOfKind } from '../../domain/roles.js';
import { type Actor, LANGUAGES, type Role, ROLES } from '../../domain/types.js';
import { appendAudit } from '../../store/audit-repository.js';
import { findInvitation, insertInvitation, liveInvitationExists } from '../../store/invitation-repository.js';
import { findUserByEmail, lockOrganization } from '../../store/user-repository.js';
import { auditActorOf } from '../actor-label.js';
import type { AppDeps } from '../deps.js';
import { type InvitationView, invitationView, organizationOfRequest } from './people-views.js';
import { mintInvitationLink, queueInvitationEmail } from './queue-invitation-email.js';

export const emailAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'must be an e-mail address' }));

export const roleSchema = z.enum(ROLES as unknown as [Role, ...Role[]]);
export const languageSchema = z.enum(LANGUAGES);

/** ALREADY_EXISTS `what` of the two refusals (the pages tell them apart). */
export const MEMBER_EXISTS = 'a user of this organization with this e-mail address';
export const INVITATION_EXISTS = 'a live invitation for this e-mail address';

export const inviteUserSchema = z.object({
  email: emailAddressSchema,
  role: roleSchema,
  /** Operators name the organization; admins invite into their own (the default). */
  organizationId: z.string().min(1).max(100).optional(),
  /** Language of the invitation e-mail; the inviter's by default. */
  language: languageSchema.optional(),
});
export type InviteUserInput = z.infer<typeof inviteUserSchema>;

export async function inviteUser(
  deps: AppDeps,
  actor: Actor,
  input: InviteUserInput,
): Promise<InvitationView> {
  const organizationId = organizationOfRequest(actor, input.organizationId);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const org = await lockOrganization(trx, organizationId);
    if (!org) throw new AppError('NOT_FOUND', { organizationId });
    if (!isRoleOfKind(input.role, org.kind))
      throw invalidInput('role', `must be a role of a ${org.kind} organization`);
    const member = await findUserByEmail(trx, input.email);
    if (member?.organization_id === org.id) throw new AppError('ALREADY_EXISTS', { what: MEMBER_EXISTS });
    if (await liveInvitationExists(trx, org.id, input.email, now))
      throw new AppError('ALREADY_EXISTS', { what: INVITATION_EXISTS });

    const link = mintInvitationLink(deps, now);
    const language = input.language ?? actor.language;
    const invitationId = deps.ids.newId('inv');
    const by = auditActorOf(actor);
    await insertInvitation(trx, {
      id: invitationId,
      organization_id: org.id,
      email: input.email,
      role: input.role,
      language,
      invited_by_user_id: actor.userId,
      invited_by_label: by.label,
      token_hash: link.tokenHash,
      created_at: now,
      sent_at: link.sentAt,
      expires_at: link.expiresAt,
      message_key: link.messageKey,
    });
    await queueInvitationEmail(trx, deps, link, {
      email: input.email,
      role: input.role,
      language,
      invitedByName: actor.name,
      organizationName: org.name,
    });
    await appendAudit(trx, now, by, [
      {
        action: 'invitation.created',
        organizationId: org.id,
        data: { invitationId, email: input.email, role: input.role },
      },
    ]);
    return invitationView((await findInvitation(trx, invitationId))!, now);
  });
}
