/**
 * A provisioning e-mail bounced: the person who placed the order (or the partner admins when that
 * person is deactivated) is told at once, in the same transaction that records the bounce. One
 * notice per bounced e-mail and recipient, whatever the number of lines it listed: its outbox key
 * is the e-mail's lead send and the recipient, so a repeated report, or a bounce reported again
 * after a "failed", queues nothing more. It names only the lines still waiting on that e-mail:
 * one whose contact was changed or that was resent since has a working link. The daily digest's
 * opt-out does not apply: this is operational, like the line-closed notice.
 */
import type { Transaction } from 'kysely';

import { linesStillOnSends, recipientsOfOrders } from '../../store/digest-repository.js';
import { linesOfOrder } from '../../store/line-repository.js';
import { offerNames } from '../../store/offer-repository.js';
import { findOrderOfLine } from '../../store/order-repository.js';
import { enqueueEmail } from '../../store/outbox-repository.js';
import type { Database } from '../../store/schema.js';
import type { SendRow } from '../../store/send-repository.js';
import type { AppDeps } from '../deps.js';

export async function queueBounceNotice(
  trx: Transaction<Database>,
  deps: AppDeps,
  now: Date,
  lead: SendRow,
  sends: SendRow[],
  detail: string | null,
): Promise<number> {
  const order = await findOrderOfLine(trx, lead.subscription_id);
  // Lines resent or given another contact since, or set up, or cancelled: nothing to tell.
  const waiting = await linesStillOnSends(
    trx,
    sends.map((s) => s.id),
  );
  if (!order || waiting.size === 0) return 0;
  const lines = (await linesOfOrder(trx, order.id)).filter((l) => waiting.has(l.subscription_id));
  const offers = await offerNames(trx, [...new Set(lines.map((l) => l.offer_code))]);
  const recipients = await recipientsOfOrders(trx, [order.id]);
  await enqueueEmail(
    trx,
    now,
    recipients.map((r) => ({
      template: 'bounce-notice' as const,
      messageKey: `bounce_${lead.id}_${r.userId}`,
      input: {
        language: r.language,
        to: { name: r.name, email: r.email },
        webOrderId: order.web_order_id,
        endCustomerName: order.end_customer_name,
        bouncedAddress: lead.to_email,
        lines: lines.map((l) => ({
          subscriptionId: l.subscription_id,
          offerName: offers.get(l.offer_code) ?? l.offer_code,
        })),
        detail,
        orderUrl: `${deps.settings.publicUrl}/orders/${encodeURIComponent(order.id)}`,
      },
    })),
  );
  return recipients.length;
}
