/**
 * What the read use cases derive from stored order and line rows the same way: the facts access is
 * decided on, and a line's summary with what the UI may offer on it now.
 */
import type { OrderAccessFacts } from '../../domain/access.js';
import { allowedActions } from '../../domain/line-state-machine.js';
import { closeInstant } from '../../domain/policy.js';
import type { LineStatus } from '../../domain/types.js';
import { policyDaysOf } from '../../store/line-repository.js';
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
  first_email_at: Date | null;
  policy_days: number | null;
  /** The line's newest provisioning e-mail: its status and address (null before the first). */
  newest_send_status: string | null;
  newest_send_to: string | null;
}

/** The e-mail that did not arrive, when a line's newest one bounced or failed. */
export interface UndeliveredEmail {
  to: string;
  status: 'bounced' | 'failed';
}

/**
 * A delivery problem: the newest e-mail bounced or failed, so the contact holds no working link,
 * while the line can still be set up (the SQL twin is deliveryProblemSql in the store).
 */
export function undeliveredEmailOf(
  line: Pick<LineSummaryRow, 'status' | 'newest_send_status' | 'newest_send_to'>,
): UndeliveredEmail | null {
  if (line.status === 'provisioned' || line.status === 'cancelled') return null;
  const status = line.newest_send_status;
  if ((status !== 'bounced' && status !== 'failed') || line.newest_send_to === null) return null;
  return { to: line.newest_send_to, status };
}

/**
 * The instant an open line closes if nobody sets it up (ISO); null before its first e-mail and
 * once it is no longer awaiting setup. The e-mail's deadline is the same instant.
 */
export function closesAtOf(
  line: Pick<LineSummaryRow, 'status' | 'first_email_at' | 'offer_code' | 'policy_days'>,
) {
  if (line.status !== 'awaiting_provisioning_details' || !line.first_email_at) return null;
  return closeInstant(policyDaysOf(line), line.first_email_at).toISOString();
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
  /** When the line closes if not set up (ISO); null unless it awaits setup after its first e-mail. */
  closesAt: string | null;
  /** The newest provisioning e-mail bounced or failed and the line can still be set up. */
  deliveryProblem: boolean;
  /** Which address and how, when `deliveryProblem`; else null. */
  undeliveredEmail: UndeliveredEmail | null;
  /** The fast PONR check for the UI; the binding one happens under lock when acting. */
  canResend: boolean;
  canChangeContact: boolean;
}

export function lineSummaryOf(line: LineSummaryRow, mapped: boolean): LineSummary {
  const allowed = allowedActions({ status: line.status, mapped });
  const undelivered = undeliveredEmailOf(line);
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
    closesAt: closesAtOf(line),
    deliveryProblem: undelivered !== null,
    undeliveredEmail: undelivered,
    canResend: allowed.includes('resend'),
    canChangeContact: allowed.includes('change_contact'),
  };
}
