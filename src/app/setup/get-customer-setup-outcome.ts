/**
 * What the link a partner used to set an order up on the customer's behalf shows afterwards: the
 * organization created and the administrator invited. Any other link gets its usual refusal.
 */
import { AppError } from '../../domain/errors.js';
import { invitationsOf } from '../../store/invitation-repository.js';
import type { AppDeps } from '../deps.js';
import { getSetupOutcome, type SetupOutcome } from './get-setup-outcome.js';
import { findSetupLink, setupTokenHash } from './lock-setup-link.js';

export interface CustomerSetupOutcome {
  webOrderId: string;
  organization: SetupOutcome['organization'];
  /** The address the invitation went to. */
  invitedEmail: string;
}

export async function getCustomerSetupOutcome(deps: AppDeps, token: string): Promise<CustomerSetupOutcome> {
  const outcome = await getSetupOutcome(deps, token);
  const link = await findSetupLink(deps.db, setupTokenHash(token));
  const organizationId = link?.order.customer_organization_id;
  const [first] = organizationId ? (await invitationsOf(deps.db, organizationId)).slice(-1) : [];
  // Only the link of a partner-led setup: its organization was created with an invitation by them.
  if (!first || first.invited_by_label.toLowerCase().indexOf(outcome.confirmedByEmail.toLowerCase()) < 0)
    throw new AppError('TOKEN_INVALID', { reason: 'used' });
  return { webOrderId: outcome.webOrderId, organization: outcome.organization, invitedEmail: first.email };
}
