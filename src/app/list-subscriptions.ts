/**
 * The Subscriptions list: every line the user may see, filtered by status, the pending flag,
 * partner, order or a free-text query; newest first, keyset-paginated.
 */
import { z } from 'zod';
import { LINE_STATUSES, type Actor, type LineStatus } from '../domain/types.js';
import { visibleOrderFilter } from '../store/visible-orders.js';
import type { AppDeps } from './deps.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

export const listSubscriptionsSchema = z.object({
  status: z.enum(LINE_STATUSES).optional(),
  pendingProvisioning: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  partnerId: z.string().max(64).optional(),
  orderId: z.string().max(64).optional(),
  webOrderId: z.string().max(64).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListSubscriptionsInput = z.infer<typeof listSubscriptionsSchema>;

export interface SubscriptionSummary {
  subscriptionId: string;
  orderId: string;
  webOrderId: string;
  endCustomerName: string;
  partnerId: string;
  offerCode: string;
  offerName: string;
  quantity: number;
  rsd: string;
  status: LineStatus;
  pendingProvisioning: boolean;
  provisioningContact: { name: string; email: string; language: string };
  mapped: boolean;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listSubscriptions(
  deps: AppDeps,
  actor: Actor,
  input: ListSubscriptionsInput,
): Promise<{ items: SubscriptionSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(input.cursor, 2);
  let q = deps.db
    .selectFrom('subscription_line as l')
    .innerJoin('purchase_order as po', 'po.id', 'l.order_id')
    .innerJoin('offer as o', 'o.code', 'l.offer_code')
    .select([
      'l.subscription_id',
      'l.order_id',
      'po.web_order_id',
      'po.end_customer_name',
      'po.partner_id',
      'l.offer_code',
      'o.name as offer_name',
      'l.quantity',
      'l.rsd',
      'l.status',
      'l.pending_provisioning',
      'l.contact_name',
      'l.contact_email',
      'l.contact_language',
      'po.mapped_at',
      'l.created_at',
    ])
    .where(visibleOrderFilter(actor));
  if (input.status) q = q.where('l.status', '=', input.status as SubscriptionSummary['status'] as never);
  if (input.pendingProvisioning !== undefined)
    q = q.where('l.pending_provisioning', '=', input.pendingProvisioning);
  if (input.partnerId) q = q.where('po.partner_id', '=', input.partnerId);
  if (input.orderId) q = q.where('po.id', '=', input.orderId);
  if (input.webOrderId) q = q.where('po.web_order_id', '=', input.webOrderId);
  if (input.q) {
    const like = `%${escapeLike(input.q.toLowerCase())}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['l.subscription_id']), 'like', like),
        eb(eb.fn('lower', ['po.web_order_id']), 'like', like),
        eb(eb.fn('lower', ['po.end_customer_name']), 'like', like),
        eb(eb.fn('lower', ['l.contact_email']), 'like', like),
      ]),
    );
  }
  if (after) {
    const [at, id] = after as [string, string];
    q = q.where((eb) =>
      eb.or([
        eb('l.created_at', '<', new Date(at)),
        eb.and([eb('l.created_at', '=', new Date(at)), eb('l.subscription_id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('l.created_at', 'desc')
    .orderBy('l.subscription_id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      subscriptionId: r.subscription_id,
      orderId: r.order_id,
      webOrderId: r.web_order_id,
      endCustomerName: r.end_customer_name,
      partnerId: r.partner_id,
      offerCode: r.offer_code,
      offerName: r.offer_name,
      quantity: r.quantity,
      rsd: r.rsd,
      status: r.status,
      pendingProvisioning: r.pending_provisioning,
      provisioningContact: { name: r.contact_name, email: r.contact_email, language: r.contact_language },
      mapped: r.mapped_at !== null,
    })),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor([last.created_at.toISOString(), last.subscription_id])
        : null,
  };
}
