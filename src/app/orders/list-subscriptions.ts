/**
 * The Subscriptions list: every line the user may see, filtered by status, the pending flag,
 * partner, order, a free-text query, closing soon or a delivery problem; newest first or soonest
 * close first, keyset-paginated.
 */
import { z } from 'zod';

import { type Actor, LINE_STATUSES, type LineStatus } from '../../domain/types.js';
import { listSubscriptionRows } from '../../store/subscription-list-repository.js';
import type { AppDeps } from '../deps.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';
import { closesAtOf, type LineSummary, undeliveredEmailOf } from './describe-order-row.js';

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
  /** Only open lines that close within this many days of now (overdue ones too). */
  closingWithinDays: z.coerce.number().int().min(1).max(90).optional(),
  /** Only lines whose newest provisioning e-mail bounced or failed (true), or none of them (false). */
  deliveryProblem: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** `newest` first (default) or the soonest `closesAt` first, lines that do not close last. */
  sort: z.enum(['newest', 'closesAt']).default('newest'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListSubscriptionsInput = z.infer<typeof listSubscriptionsSchema>;

/** A line as the Subscriptions page lists it: what an order says of it, and which order. */
export interface SubscriptionSummary extends Pick<
  LineSummary,
  | 'subscriptionId'
  | 'offerCode'
  | 'quantity'
  | 'rsd'
  | 'status'
  | 'pendingProvisioning'
  | 'provisioningContact'
  | 'closesAt'
  | 'deliveryProblem'
  | 'undeliveredEmail'
> {
  orderId: string;
  webOrderId: string;
  endCustomerName: string;
  partnerId: string;
  offerName: string;
  mapped: boolean;
}

const DAY_MS = 86_400_000;

export async function listSubscriptions(
  deps: AppDeps,
  actor: Actor,
  input: ListSubscriptionsInput,
): Promise<{ items: SubscriptionSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(input.cursor);
  // One row more than the page: whether it comes back says if there is a next page.
  const rows = await listSubscriptionRows(deps.db, actor, {
    status: input.status as LineStatus | undefined,
    pendingProvisioning: input.pendingProvisioning,
    partnerId: input.partnerId,
    orderId: input.orderId,
    webOrderId: input.webOrderId,
    q: input.q,
    closingBy:
      input.closingWithinDays === undefined
        ? undefined
        : new Date(deps.clock.now().getTime() + input.closingWithinDays * DAY_MS),
    deliveryProblem: input.deliveryProblem,
    sort: input.sort,
    after: after && { at: after.at, subscriptionId: after.id },
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const undelivered = undeliveredEmailOf(r);
      return {
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
        closesAt: closesAtOf(r),
        deliveryProblem: undelivered !== null,
        undeliveredEmail: undelivered,
        mapped: r.mapped_at !== null,
      };
    }),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor(input.sort === 'closesAt' ? last.close_key : last.created_at, last.subscription_id)
        : null,
  };
}
