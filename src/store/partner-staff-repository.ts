/**
 * Whether an address belongs to an active user of the partner or distributor that placed an order:
 * partner staff opening a setup link may set the order up on the customer's behalf.
 */
import type { Kysely, Transaction } from 'kysely';

import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface PartnerStaff {
  userId: string;
  name: string;
  email: string;
  organizationId: string;
  organizationName: string;
}

export async function findPartnerStaff(
  db: Db,
  input: { email: string; partnerId: string; distributorId: string | null },
): Promise<PartnerStaff | null> {
  const orgs = [input.partnerId, ...(input.distributorId ? [input.distributorId] : [])];
  const row = await db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.name', 'u.email', 'o.id as organization_id', 'o.name as organization_name'])
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', input.email.trim().toLowerCase()))
    .where('u.organization_id', 'in', orgs)
    .where('o.kind', 'in', ['partner', 'distributor'])
    .where('u.deactivated_at', 'is', null)
    .executeTakeFirst();
  return row
    ? {
        userId: row.id,
        name: row.name,
        email: row.email,
        organizationId: row.organization_id,
        organizationName: row.organization_name,
      }
    : null;
}
