/** The orders list: search by web order id, end customer or subscription id; filter by line status. */
import { z } from 'zod';

import { type Actor, LINE_STATUSES, type LineStatus } from '../../domain/types.js';
import { NEVER_CLOSES } from '../../store/line-attention-sql.js';
import { listOrderRows } from '../../store/order-repository.js';
import type { AppDeps } from '../deps.js';
import { decodeCursor, encodeCursor } from '../page-cursor.js';

export const listOrdersSchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(LINE_STATUSES).optional(),
  /** Only orders with a closed line flagged "provisioning still pending". */
  pendingProvisioning: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(500).optional(),
});
export type ListOrdersInput = z.infer<typeof listOrdersSchema>;

export interface OrderSummary {
  orderId: string;
  webOrderId: string;
  endCustomerName: string;
  submittedAt: string;
  submittedBy: string;
  lineCount: number;
  statuses: Record<string, number>;
  /** The soonest close of its lines awaiting setup (ISO); null when none will close. */
  closesAt: string | null;
  /** How many of its lines' newest e-mail bounced or failed (lines that can still be set up). */
  deliveryProblems: number;
  /** How many of its lines closed before setup: "provisioning still pending". */
  pendingProvisioning: number;
  mapped: boolean;
}

export async function listOrders(
  deps: AppDeps,
  actor: Actor,
  input: ListOrdersInput,
): Promise<{ items: OrderSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(input.cursor);
  // One row more than the page: whether it comes back says if there is a next page.
  const rows = await listOrderRows(deps.db, actor, {
    q: input.q,
    status: input.status as LineStatus | undefined,
    pendingProvisioning: input.pendingProvisioning,
    after: after && { submittedAt: after.at, id: after.id },
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      orderId: r.id,
      webOrderId: r.web_order_id,
      endCustomerName: r.end_customer_name,
      submittedAt: r.submitted_at.toISOString(),
      submittedBy: r.placer_name,
      lineCount: r.status_counts.reduce((sum, c) => sum + c.n, 0),
      statuses: Object.fromEntries(r.status_counts.map((c) => [c.status, c.n])),
      closesAt: r.earliest_close.getTime() === NEVER_CLOSES.getTime() ? null : r.earliest_close.toISOString(),
      deliveryProblems: r.delivery_problems,
      pendingProvisioning: r.pending_provisioning,
      mapped: r.mapped_at !== null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.submitted_at, last.id) : null,
  };
}
