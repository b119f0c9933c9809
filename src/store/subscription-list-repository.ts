/**
 * Reads of many subscription lines across orders: the Subscriptions list (as a user may see it),
 * the operator's CSV export, and the lines of a customer organization for its admin portal.
 */
import { type Kysely, sql, type Transaction } from 'kysely';

import type { Actor, LineStatus } from '../domain/types.js';
import { containsLower } from './like-pattern.js';
import { closeInstantSql, deliveryProblemSql, newestSendSql } from './line-attention-sql.js';
import type { Database } from './schema.js';
import { visibleOrderFilter } from './visible-orders.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What every list of lines shows of a line and its order. */
const LINE_SUMMARY = [
  'l.subscription_id',
  'po.web_order_id',
  'po.end_customer_name',
  'po.partner_id',
  'l.offer_code',
  'l.quantity',
  'l.rsd',
  'l.status',
  'l.pending_provisioning',
  'l.contact_name',
  'l.contact_email',
  'l.contact_language',
  'l.first_email_at',
  'l.policy_days',
] as const;

export interface SubscriptionListFilter {
  status?: LineStatus | undefined;
  pendingProvisioning?: boolean | undefined;
  partnerId?: string | undefined;
  orderId?: string | undefined;
  webOrderId?: string | undefined;
  /** Part of the subscription id, web order id, end customer's name or contact's address, any case. */
  q?: string | undefined;
  /** Only open lines whose close instant is at or before this one (overdue ones too). */
  closingBy?: Date | undefined;
  /** Only (true) or never (false) lines whose newest e-mail bounced or failed. */
  deliveryProblem?: boolean | undefined;
  /** newest: by creation, newest first; closesAt: soonest close first, lines that do not close last. */
  sort: 'newest' | 'closesAt';
  /** Keyset: lines after this one in the list's order (`at`: its creation or close instant). */
  after?: { at: Date; subscriptionId: string } | undefined;
  limit: number;
}

/** The lines `actor` may see that match the filter, in the filter's order. */
export async function listSubscriptionRows(db: Db, actor: Actor, filter: SubscriptionListFilter) {
  const closesAt = closeInstantSql('l');
  let q = db
    .selectFrom('subscription_line as l')
    .innerJoin('purchase_order as po', 'po.id', 'l.order_id')
    .innerJoin('offer as o', 'o.code', 'l.offer_code')
    .select(LINE_SUMMARY)
    .select(['l.order_id', 'o.name as offer_name', 'po.mapped_at', 'l.created_at'])
    .select([
      closesAt.as('close_key'),
      newestSendSql('l', 'status').as('newest_send_status'),
      newestSendSql('l', 'to_email').as('newest_send_to'),
    ])
    .where(visibleOrderFilter(actor));
  if (filter.closingBy) q = q.where(closesAt, '<=', filter.closingBy);
  if (filter.deliveryProblem !== undefined)
    q = q.where(
      filter.deliveryProblem ? deliveryProblemSql('l') : sql<boolean>`not ${deliveryProblemSql('l')}`,
    );
  if (filter.status) q = q.where('l.status', '=', filter.status);
  if (filter.pendingProvisioning !== undefined)
    q = q.where('l.pending_provisioning', '=', filter.pendingProvisioning);
  if (filter.partnerId) q = q.where('po.partner_id', '=', filter.partnerId);
  if (filter.orderId) q = q.where('po.id', '=', filter.orderId);
  if (filter.webOrderId) q = q.where('po.web_order_id', '=', filter.webOrderId);
  if (filter.q) {
    const like = containsLower(filter.q);
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['l.subscription_id']), 'like', like),
        eb(eb.fn('lower', ['po.web_order_id']), 'like', like),
        eb(eb.fn('lower', ['po.end_customer_name']), 'like', like),
        eb(eb.fn('lower', ['l.contact_email']), 'like', like),
      ]),
    );
  }
  const { after } = filter;
  if (filter.sort === 'closesAt') {
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb(closesAt, '>', after.at),
          eb.and([eb(closesAt, '=', after.at), eb('l.subscription_id', '>', after.subscriptionId)]),
        ]),
      );
    return q.orderBy(closesAt).orderBy('l.subscription_id').limit(filter.limit).execute();
  }
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('l.created_at', '<', after.at),
        eb.and([eb('l.created_at', '=', after.at), eb('l.subscription_id', '<', after.subscriptionId)]),
      ]),
    );
  return q.orderBy('l.created_at', 'desc').orderBy('l.subscription_id', 'desc').limit(filter.limit).execute();
}

export interface SubscriptionExportFilter {
  /** Any of these statuses; every status when empty. */
  statuses: LineStatus[];
  /** Only lines flagged "provisioning still pending". */
  pendingOnly: boolean;
  /** Keyset: lines after this subscription id. */
  afterSubscriptionId: string | null;
  limit: number;
}

/** One page of every line matching the filter, by subscription id: no tenant filter (operators only). */
export async function exportSubscriptionRows(db: Db, filter: SubscriptionExportFilter) {
  let q = db
    .selectFrom('subscription_line as l')
    .innerJoin('purchase_order as po', 'po.id', 'l.order_id')
    .select(LINE_SUMMARY)
    .orderBy('l.subscription_id')
    .limit(filter.limit);
  if (filter.statuses.length > 0) q = q.where('l.status', 'in', filter.statuses);
  if (filter.pendingOnly) q = q.where('l.pending_provisioning', '=', true);
  if (filter.afterSubscriptionId !== null) q = q.where('l.subscription_id', '>', filter.afterSubscriptionId);
  return q.execute();
}

/**
 * Every line of the orders mapped to a customer organization, newest mapping first, with who
 * placed each order and through which partner (and distributor).
 */
export async function subscriptionsOfCustomer(db: Db, organizationId: string) {
  return db
    .selectFrom('subscription_line as l')
    .innerJoin('purchase_order as po', 'po.id', 'l.order_id')
    .innerJoin('offer as o', 'o.code', 'l.offer_code')
    .innerJoin('organization as p', 'p.id', 'po.partner_id')
    .innerJoin('app_user as u', 'u.id', 'po.placed_by_user_id')
    .leftJoin('organization as d', 'd.id', 'po.distributor_id')
    .select([
      'l.subscription_id',
      'l.offer_code',
      'o.name as offer_name',
      'l.quantity',
      'l.status',
      'l.provisioned_at',
      'po.id as order_id',
      'po.web_order_id',
      'po.mapped_at',
      'p.id as partner_id',
      'p.name as partner_name',
      'u.name as placer_name',
      'u.email as placer_email',
      'd.id as distributor_id',
      'd.name as distributor_name',
    ])
    .where('po.customer_organization_id', '=', organizationId)
    .orderBy('po.mapped_at', 'desc')
    .orderBy('l.subscription_id')
    .execute();
}
