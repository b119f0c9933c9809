/**
 * What the setup link that confirmed a setup leads to afterwards: the organization the order is
 * now mapped to and the next step (the welcome e-mail, or signing in for someone who already has
 * a password). Any other link gets its usual refusal.
 */
import { AppError } from '../../domain/errors.js';
import { findOrganization, hasPassword } from '../../store/user-repository.js';
import type { AppDeps } from '../deps.js';
import { findSetupLink, setupLinkRefusal, setupTokenHash } from './lock-setup-link.js';

export interface SetupOutcome {
  webOrderId: string;
  organization: { name: string; country: string | null; dataRegion: string | null };
  confirmedByEmail: string;
  /** True while the customer admin has not chosen a password: the welcome e-mail is the next step. */
  awaitingPassword: boolean;
  adminPortalUrl: string;
}

export async function getSetupOutcome(deps: AppDeps, token: string): Promise<SetupOutcome> {
  const link = await findSetupLink(deps.db, setupTokenHash(token));
  if (!link?.token.used_at || !link.order.customer_organization_id)
    throw (
      setupLinkRefusal(deps, link, deps.clock.now()) ?? new AppError('TOKEN_INVALID', { reason: 'unknown' })
    );
  const { order } = link;
  const org = await findOrganization(deps.db, order.customer_organization_id!);
  if (!org) throw new Error(`order ${order.id} is mapped to a missing organization`);
  const email = order.mapped_by_email ?? link.line.contact_email;
  const awaitingPassword = !(await hasPassword(deps.db, email));
  return {
    webOrderId: order.web_order_id,
    organization: { name: org.name, country: org.country, dataRegion: org.data_region },
    confirmedByEmail: email,
    awaitingPassword,
    adminPortalUrl: deps.settings.adminPortalUrl,
  };
}
