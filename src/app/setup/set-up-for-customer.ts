/**
 * Partner-led setup: the provisioning contact is staff of the partner (or distributor) that placed
 * the order, and sets it up on the customer's behalf. They create the customer organization (never
 * join an existing one: that still needs its administrators' consent) and name its administrator,
 * who is invited by e-mail; the partner person never becomes an administrator of it.
 *
 * Confirming is the point of no return, with the same checks twice as the contact's own setup: a
 * quick one for a clear refusal, the binding one under the order lock, where `mapLockedOrder`
 * consumes the link, maps every live line, revokes every link and withdraws pending e-mails; the
 * invitation, its e-mail and the audit entry "set up by partner" are in the same transaction.
 */
import { z } from 'zod';

import { dataRegionOf } from '../../domain/data-region.js';
import { displayName } from '../../domain/display-name.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import { LANGUAGES } from '../../domain/types.js';
import { appendAudit, type AuditActor } from '../../store/audit-repository.js';
import { insertInvitation } from '../../store/invitation-repository.js';
import { findPartnerStaff, type PartnerStaff } from '../../store/partner-staff-repository.js';
import { inTransaction } from '../../store/run-transaction.js';
import type { PurchaseOrderRow } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';
import { emailAddressSchema } from '../identity/invite-user.js';
import { mintInvitationLink, queueInvitationEmail } from '../identity/queue-invitation-email.js';
import { findSetupLink, lockSetupLink, setupLinkRefusal, setupTokenHash } from './lock-setup-link.js';
import { mapLockedOrder } from './map-order-to-organization.js';
import { openSetupLink } from './open-setup-link.js';

export const customerSetupSchema = z.object({
  organization: z.object({
    name: displayName(),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => dataRegionOf(c) !== null, 'no data region serves this country'),
  }),
  admin: z.object({ name: displayName(), email: emailAddressSchema, language: z.enum(LANGUAGES) }),
});
export type CustomerSetupInput = z.input<typeof customerSetupSchema>;

export interface CustomerSetUp {
  orderId: string;
  organizationId: string;
  organizationName: string;
  subscriptionIds: string[];
  invitationId: string;
  /** The administrator invited; the partner person is not one. */
  invited: { name: string; email: string };
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function parseInput(input: CustomerSetupInput) {
  const parsed = customerSetupSchema.safeParse(input);
  if (!parsed.success)
    throw invalidInput(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return parsed.data;
}

/** The contact as partner staff of this order, or NOT_FOUND: a customer contact has no such option. */
async function staffOf(
  db: AppDeps['db'],
  order: PurchaseOrderRow,
  contactEmail: string,
): Promise<PartnerStaff> {
  const staff = await findPartnerStaff(db, {
    email: contactEmail,
    partnerId: order.partner_id,
    distributorId: order.distributor_id,
  });
  if (!staff) throw new AppError('NOT_FOUND', { what: 'partner-led setup' });
  return staff;
}

/** The administrator must be someone at the customer: not the contact, nor anyone of their organization. */
async function checkAdmin(db: AppDeps['db'], order: PurchaseOrderRow, staff: PartnerStaff, email: string) {
  if (sameAddress(email, staff.email))
    throw invalidInput('admin.email', 'is your own address: name an administrator at the customer');
  const colleague = await findPartnerStaff(db, {
    email,
    partnerId: order.partner_id,
    distributorId: order.distributor_id,
  });
  if (colleague)
    throw invalidInput('admin.email', 'belongs to your organization: name an administrator at the customer');
}

export async function setUpForCustomer(
  deps: AppDeps,
  token: string,
  raw: CustomerSetupInput,
): Promise<CustomerSetUp> {
  const input = parseInput(raw);
  // The quick check, for a clear refusal before anything is locked.
  const view = await openSetupLink(deps, token);
  if (!view.partnerStaff) throw new AppError('NOT_FOUND', { what: 'partner-led setup' });
  const tokenHash = setupTokenHash(token)!;
  try {
    return await inTransaction(deps, async (trx) => {
      const now = deps.clock.now();
      // The binding check: the order, the link and the lines locked, the link checked again.
      const { order, line } = await lockSetupLink(trx, deps, tokenHash, now);
      const staff = await staffOf(trx, order, line.contact_email);
      await checkAdmin(trx, order, staff, input.admin.email);
      const actor: AuditActor = { userId: staff.userId, label: `${staff.name} <${staff.email}>` };
      let invitationId = '';
      const mapped = await mapLockedOrder(
        trx,
        deps,
        {
          orderId: order.id,
          organization: { newOrganization: input.organization },
          confirmedBy: { name: staff.name, email: staff.email, language: line.contact_language },
          setupTokenHash: tokenHash,
          setUpBy: { organization: staff.organizationName, user: actor.label },
        },
        now,
        async (organizationId) => {
          const link = mintInvitationLink(deps, now);
          invitationId = deps.ids.newId('inv');
          await insertInvitation(trx, {
            id: invitationId,
            organization_id: organizationId,
            email: input.admin.email,
            role: 'customer_admin',
            language: input.admin.language,
            invited_by_user_id: staff.userId,
            invited_by_label: actor.label,
            token_hash: link.tokenHash,
            created_at: now,
            sent_at: link.sentAt,
            expires_at: link.expiresAt,
            message_key: link.messageKey,
          });
          await queueInvitationEmail(trx, deps, link, {
            email: input.admin.email,
            role: 'customer_admin',
            language: input.admin.language,
            invitedByName: `${staff.name} (${staff.organizationName})`,
            organizationName: input.organization.name,
          });
          await appendAudit(trx, now, actor, [
            {
              action: 'organization.set_up_by_partner',
              organizationId,
              data: {
                orderId: order.id,
                webOrderId: order.web_order_id,
                partner: staff.organizationName,
                partnerOrganizationId: staff.organizationId,
                user: actor.label,
                administratorInvited: { name: input.admin.name, email: input.admin.email },
              },
            },
            {
              action: 'invitation.created',
              organizationId,
              data: { invitationId, email: input.admin.email, role: 'customer_admin' },
            },
          ]);
        },
      );
      return {
        ...mapped,
        organizationName: input.organization.name,
        invitationId,
        invited: { name: input.admin.name, email: input.admin.email },
      };
    });
  } catch (e) {
    // The link died between the quick check and the lock (a resend, a contact change): say why.
    if (e instanceof AppError && e.code === 'TOKEN_INVALID')
      throw setupLinkRefusal(deps, await findSetupLink(deps.db, tokenHash), deps.clock.now()) ?? e;
    throw e;
  }
}
