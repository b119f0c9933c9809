/**
 * The e-mails of a join request: to each active administrator of the organization, a request
 * (or its reminder) with their own single-use Approve / Decline link; to the contact, the news
 * that it was declined or expired. Queued in the caller's transaction.
 */
import type { Transaction } from 'kysely';

import {
  insertJoinRequestLinks,
  joinRequestDeciders,
  type JoinRequestRow,
} from '../../store/join-request-repository.js';
import { enqueueEmail } from '../../store/outbox-repository.js';
import type { Database, PurchaseOrderRow } from '../../store/schema.js';
import { findOrganization } from '../../store/user-repository.js';
import { type AppDeps, hashToken } from '../deps.js';
import { loadOrderEmailContext } from '../lines/order-email-context.js';

export const JOIN_REQUEST_DAYS = 7;
/** The reminder goes out this long before the request expires. */
export const JOIN_REMINDER_BEFORE_MS = 2 * 86_400_000;

export const contactLabel = (r: Pick<JoinRequestRow, 'contact_name' | 'contact_email'>) =>
  `${r.contact_name} <${r.contact_email}>`;

/** Mints one link per administrator and queues their e-mails; how many were queued. */
export async function queueJoinRequestEmails(
  trx: Transaction<Database>,
  deps: AppDeps,
  request: JoinRequestRow,
  order: Pick<PurchaseOrderRow, 'id' | 'web_order_id' | 'end_customer_name'>,
  opts: { reminder: boolean; now: Date; queueAt: Date },
): Promise<number> {
  const [admins, org, context] = await Promise.all([
    joinRequestDeciders(trx, request.organization_id),
    findOrganization(trx, request.organization_id),
    loadOrderEmailContext(trx, order.id),
  ]);
  if (!org) throw new Error(`join request ${request.id} names a missing organization`);
  const links = admins.map((admin) => ({ admin, token: deps.ids.newToken() }));
  await insertJoinRequestLinks(
    trx,
    links.map(({ admin, token }) => ({
      token_hash: hashToken(token),
      join_request_id: request.id,
      admin_user_id: admin.id,
      created_at: opts.now,
      expires_at: request.expires_at,
    })),
  );
  await enqueueEmail(
    trx,
    opts.queueAt,
    links.map(({ admin, token }) => {
      const url = `${deps.settings.publicUrl}/join/${token}`;
      return {
        template: 'join-request' as const,
        messageKey: deps.ids.newId('jrm'),
        input: {
          language: admin.language,
          to: { name: admin.name, email: admin.email },
          contact: { name: request.contact_name, email: request.contact_email },
          organizationName: org.name,
          webOrderId: order.web_order_id,
          endCustomerName: order.end_customer_name,
          partnerName: context.partnerName,
          lines: context.lines.map(({ subscriptionId, offerCode, offerName, quantity }) => ({
            subscriptionId,
            offerCode,
            offerName,
            quantity,
          })),
          secrets: { approveUrl: `${url}?decision=approve`, declineUrl: `${url}?decision=decline` },
          expiresAt: request.expires_at.toISOString(),
          reminder: opts.reminder,
        },
      };
    }),
  );
  return links.length;
}

/** Tells the contact their request was declined or expired; the setup link still works. */
export async function queueJoinRequestOutcome(
  trx: Transaction<Database>,
  deps: AppDeps,
  request: JoinRequestRow,
  webOrderId: string,
  outcome: 'declined' | 'expired',
  queueAt: Date,
): Promise<void> {
  const org = await findOrganization(trx, request.organization_id);
  await enqueueEmail(trx, queueAt, {
    template: 'join-request-outcome',
    messageKey: `jro_${request.id}`,
    input: {
      language: request.contact_language,
      to: { name: request.contact_name, email: request.contact_email },
      organizationName: org?.name ?? '',
      webOrderId,
      outcome,
    },
  });
}
