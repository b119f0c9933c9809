/** The counts the setup wizard's finder shows of each organization it offers. */
import type { Kysely, Transaction } from 'kysely';

import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What the finder shows of an organization, so a live one stands out from an abandoned trial. */
export interface OrganizationFinderStats {
  createdAt: Date;
  /** Provisioned subscription lines of the orders mapped to it. */
  activeSubscriptions: number;
  /** Active customer admins (a count: never who they are). */
  administrators: number;
}

/** The finder's counts of these organizations, in one query. */
export async function organizationFinderStats(
  db: Db,
  ids: string[],
): Promise<Map<string, OrganizationFinderStats>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organization as o')
    .select((eb) => [
      'o.id',
      'o.created_at',
      eb
        .selectFrom('subscription_line as l')
        .innerJoin('purchase_order as po', 'po.id', 'l.order_id')
        .select((s) => s.fn.countAll<string>().as('n'))
        .whereRef('po.customer_organization_id', '=', 'o.id')
        .where('l.status', '=', 'provisioned')
        .as('active_subscriptions'),
      eb
        .selectFrom('app_user as a')
        .select((s) => s.fn.countAll<string>().as('n'))
        .whereRef('a.organization_id', '=', 'o.id')
        .where('a.role', '=', 'customer_admin')
        .where('a.deactivated_at', 'is', null)
        .as('administrators'),
    ])
    .where('o.id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        createdAt: r.created_at,
        activeSubscriptions: Number(r.active_subscriptions ?? 0),
        administrators: Number(r.administrators ?? 0),
      },
    ]),
  );
}
