/**
 * What the read use cases derive from stored order and line rows the same way: the facts access is
 * decided on, and a line's summary with what the UI may offer on it now.
 */
import type { OrderAccessFacts } from '../../domain/access.js';
import { allowedActions } from '../../domain/line-state-machine.js';
import type { LineStatus } from '../../domain/types.js';
import type { PurchaseOrderRow } from '../../store/schema.js';

export function accessFactsOf(order: PurchaseOrderRow): OrderAccessFacts {
  return {
    partnerId: order.partner_id,
    distributorId: order.distributor_id,
    placedByUserId: order.placed_by_user_id,
    customerOrganizationId: order.customer_organization_id,
  };
}

interface LineSummaryRow {
  subscription_id: string;
  offer_code: string;
  quantity: number;
  rsd: string;
  status: LineStatus;
  pending_provisioning: boolean;
  contact_name: string;
  contact_email: string;
  contact_language: string;
}

/** What the order and the subscription views say of a line. */
export interface LineSummary {
  subscriptionId: string;
  offerCode: string;
  quantity: number;
  rsd: string;
  status: LineStatus;
  pendingProvisioning: boolean;
  provisioningContact: { name: string; email: string; language: string };
  /** The fast PONR check for the UI; the binding one happens under lock when acting. */
  canResend: boolean;
  canChangeContact: boolean;
}

export function lineSummaryOf(line: LineSummaryRow, mapped: boolean): LineSummary {
  const allowed = allowedActions({ status: line.status, mapped });
  return {
    subscriptionId: line.subscription_id,
    offerCode: line.offer_code,
    quantity: line.quantity,
    rsd: line.rsd,
    status: line.status,
    pendingProvisioning: line.pending_provisioning,
    provisioningContact: {
      name: line.contact_name,
      email: line.contact_email,
      language: line.contact_language,
    },
    canResend: allowed.includes('resend'),
    canChangeContact: allowed.includes('change_contact'),
  };
}
