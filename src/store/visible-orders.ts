/**
 * Tenant isolation for reads, in SQL: which orders a user may list. Mirrors domain/access.ts
 * (placer, partner admin, distributor on the order, support agent; customer admins read their own).
 */
import type { ExpressionBuilder } from 'kysely';

import type { Actor } from '../domain/types.js';
import type { Database } from './schema.js';

export function visibleOrderFilter(actor: Actor) {
  return (eb: ExpressionBuilder<Database & { po: Database['purchase_order'] }, 'po'>) => {
    switch (actor.role) {
      case 'support_agent':
        return eb.lit(true);
      case 'partner_admin':
        return eb('po.partner_id', '=', actor.organizationId);
      case 'partner_user':
        return eb('po.placed_by_user_id', '=', actor.userId);
      case 'distributor_user':
      case 'distributor_admin':
        return eb('po.distributor_id', '=', actor.organizationId);
      case 'customer_admin':
        return eb('po.customer_organization_id', '=', actor.organizationId);
      case 'operator':
        // Operators run the platform (organizations, users, offers); orders are the support agents'.
        return eb.lit(false);
    }
  };
}
