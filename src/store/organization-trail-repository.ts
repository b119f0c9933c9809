/**
 * A customer organization's audit trail as its administrators read it: every event recorded for
 * the organization (invitations, administrators removed, join requests, …) and the mapping of each
 * order mapped to it. The orders' other line events (e-mails, contact changes) are the partner's
 * business and stay out.
 */
import type { Kysely, Transaction } from 'kysely';

import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface OrganizationTrailRow {
  id: number;
  at: Date;
  actor_label: string;
  action: string;
  data: unknown;
  /** The order's web order id, for an event about an order. */
  web_order_id: string | null;
}

/** Newest first; two indexed reads (by organization, by the organization's orders) in one statement. */
export async function organizationTrailRows(
  db: Db,
  organizationId: string,
  limit: number,
): Promise<OrganizationTrailRow[]> {
  const columns = ['a.id', 'a.at', 'a.actor_label', 'a.action', 'a.data', 'po.web_order_id'] as const;
  const recorded = db
    .selectFrom('audit_event as a')
    .leftJoin('purchase_order as po', 'po.id', 'a.order_id')
    .select(columns)
    .where('a.organization_id', '=', organizationId);
  const mappings = db
    .selectFrom('audit_event as a')
    .innerJoin('purchase_order as po', 'po.id', 'a.order_id')
    .select(columns)
    .where('po.customer_organization_id', '=', organizationId)
    .where('a.action', '=', 'order.mapped')
    // Not twice, should a mapping ever be recorded with the organization too.
    .where((eb) =>
      eb.or([eb('a.organization_id', 'is', null), eb('a.organization_id', '!=', organizationId)]),
    );
  return db
    .selectFrom(recorded.unionAll(mappings).as('t'))
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
