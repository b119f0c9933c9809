/** The orders list: search by web order id, end customer or subscription id; filter by line status. */
import { sql } from 'kysely';
import { z } from 'zod';
import { LINE_STATUSES, type Actor } from '../domain/types.js';
import { visibleOrderFilter } from '../store/visible-orders.js';
import type { AppDeps } from './deps.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

export const listOrdersSchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(LINE_STATUSES).optional(),
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
  mapped: boolean;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listOrders(
  deps: AppDeps,
  actor: Actor,
  input: ListOrdersInput,
): Promise<{ items: OrderSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(input.cursor, 2);
  let q = deps.db
    .selectFrom('purchase_order as po')
    .innerJoin('app_user as u', 'u.id', 'po.placed_by_user_id')
    .select([
      'po.id',
      'po.web_order_id',
      'po.end_customer_name',
      'po.submitted_at',
      'u.name as placer_name',
      'po.mapped_at',
    ])
    .select(
      sql<
        { status: string; n: number }[]
      >`(select coalesce(json_agg(json_build_object('status', s.status, 'n', s.n)), '[]') from
        (select status, count(*)::int as n from subscription_line where order_id = po.id group by status) s)`.as(
        'status_counts',
      ),
    )
    .where(visibleOrderFilter(actor));
  if (input.q) {
    const like = `%${escapeLike(input.q.toLowerCase())}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['po.web_order_id']), 'like', like),
        eb(eb.fn('lower', ['po.end_customer_name']), 'like', like),
        eb.exists(
          eb
            .selectFrom('subscription_line as sl')
            .select('sl.subscription_id')
            .whereRef('sl.order_id', '=', 'po.id')
            .where(sql<string>`lower(sl.subscription_id)`, 'like', like),
        ),
      ]),
    );
  }
  if (input.status) {
    const status = input.status;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('subscription_line as sl')
          .select('sl.subscription_id')
          .whereRef('sl.order_id', '=', 'po.id')
          .where('sl.status', '=', status as never),
      ),
    );
  }
  if (after) {
    const [at, id] = after as [string, string];
    q = q.where((eb) =>
      eb.or([
        eb('po.submitted_at', '<', new Date(at)),
        eb.and([eb('po.submitted_at', '=', new Date(at)), eb('po.id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('po.submitted_at', 'desc')
    .orderBy('po.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const counts = (
        typeof r.status_counts === 'string' ? JSON.parse(r.status_counts) : r.status_counts
      ) as { status: string; n: number }[];
      return {
        orderId: r.id,
        webOrderId: r.web_order_id,
        endCustomerName: r.end_customer_name,
        submittedAt: r.submitted_at.toISOString(),
        submittedBy: r.placer_name,
        lineCount: counts.reduce((sum, c) => sum + c.n, 0),
        statuses: Object.fromEntries(counts.map((c) => [c.status, c.n])),
        mapped: r.mapped_at !== null,
      };
    }),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor([last.submitted_at.toISOString(), last.id]) : null,
  };
}
