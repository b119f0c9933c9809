/**
 * What a provisioning e-mail says about its order: the partner's name and the order's live lines
 * (with their contacts and statuses, so each e-mail lists the lines of its own contact). Loaded
 * once per order, even for a batch of lines, and after the change that queues the e-mail.
 */
import type { Transaction } from 'kysely';

import type { LineStatus } from '../../domain/types.js';
import type { EmailLine } from '../../email/index.js';
import { emailLinesOfOrders } from '../../store/line-repository.js';
import type { Database, SubscriptionLineRow } from '../../store/schema.js';

export interface OrderEmailContext {
  partnerName: string;
  lines: (EmailLine & { contactEmail: string; status: LineStatus })[];
}

export async function loadOrderEmailContext(
  trx: Transaction<Database>,
  orderId: string,
): Promise<OrderEmailContext> {
  return (await loadOrderEmailContexts(trx, [orderId])).get(orderId) ?? { partnerName: '', lines: [] };
}

/** The contexts of many orders in one query (the due worker queues e-mails for hundreds at once). */
export async function loadOrderEmailContexts(
  trx: Transaction<Database>,
  orderIds: string[],
): Promise<Map<string, OrderEmailContext>> {
  const contexts = new Map<string, OrderEmailContext>();
  if (orderIds.length === 0) return contexts;
  const rows = await emailLinesOfOrders(trx, orderIds);
  const byOrder = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byOrder.get(r.order_id);
    if (list) list.push(r);
    else byOrder.set(r.order_id, [r]);
  }
  for (const [orderId, lines] of byOrder)
    contexts.set(orderId, emailContextOf(lines[0]!.partner_name, lines));
  return contexts;
}

/** The context from an order's lines (in line order) as already loaded; cancelled lines are left out. */
export function emailContextOf(
  partnerName: string,
  lines: Pick<
    SubscriptionLineRow & { offer_name: string },
    'subscription_id' | 'offer_code' | 'offer_name' | 'quantity' | 'status' | 'contact_email'
  >[],
): OrderEmailContext {
  return {
    partnerName,
    lines: lines
      .filter((l) => l.status !== 'cancelled')
      .map((l) => ({
        subscriptionId: l.subscription_id,
        offerCode: l.offer_code,
        offerName: l.offer_name,
        quantity: l.quantity,
        contactEmail: l.contact_email,
        status: l.status,
      })),
  };
}
