/**
 * Confirm the setup from a setup link: the point of no return. The choice is checked against
 * what the finder offers this contact (a link cannot map an order to any organization it names),
 * then `mapOrderToOrganization` locks the order, consumes the link, maps every live line,
 * revokes every link and queues the welcome e-mail, in one transaction. A second click, a second
 * tab, another contact's link or a resend racing in are ordered by the order lock: exactly one
 * mapping; the others get ALREADY_MAPPED or TOKEN_INVALID.
 */
import { dataRegionOf } from '../../domain/data-region.js';
import { hasRefusedNameCharacter, NAME_CHARACTERS_MESSAGE } from '../../domain/display-name.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import type { Language } from '../../domain/types.js';
import { hasPassword } from '../../store/user-repository.js';
import type { AppDeps } from '../deps.js';
import { isOffered, type OrganizationFinderResult } from './find-organizations-for-setup.js';
import { findSetupLink, setupLinkRefusal, setupTokenHash } from './lock-setup-link.js';
import {
  JOIN_NEEDS_APPROVAL,
  mapOrderToOrganization,
  type MappedOrder,
  type OrganizationChoice,
} from './map-order-to-organization.js';
import { openSetupLink } from './open-setup-link.js';

export interface CompleteSetupInput {
  organization: OrganizationChoice;
  /** Who confirms; defaults to the provisioning contact's name and language. */
  confirmedBy?: { name?: string | undefined; language?: Language | undefined };
}

export interface CompletedSetup extends MappedOrder {
  /** Where the welcome e-mail (with the set-password link) goes; null when they already have a password. */
  welcomeEmailTo: string | null;
  adminPortalUrl: string;
}

const MAX_NAME = 200;

function invalid(path: string, message: string): AppError {
  return invalidInput(path, message);
}

/** Refuses a choice the finder does not offer; returns it normalized. The wizard's pages ask it too. */
export function checkSetupChoice(
  choice: OrganizationChoice,
  offered: OrganizationFinderResult,
): OrganizationChoice {
  if (offered.contactAccount === 'other')
    throw invalid(
      'provisioningContact.email',
      'belongs to a partner, distributor or support user; delegate the setup to someone at the customer',
    );
  if ('organizationId' in choice) {
    if (!isOffered(offered, choice.organizationId))
      throw new AppError('NOT_FOUND', { organizationId: choice.organizationId });
    return choice;
  }
  if (!offered.canCreate)
    throw invalid('newOrganization', `you already administer ${offered.yours?.name ?? 'an organization'}`);
  const name = choice.newOrganization.name.trim();
  const country = choice.newOrganization.country.trim().toUpperCase();
  if (name.length === 0 || name.length > MAX_NAME)
    throw invalid('newOrganization.name', `must be 1 to ${MAX_NAME} characters`);
  if (hasRefusedNameCharacter(name)) throw invalid('newOrganization.name', NAME_CHARACTERS_MESSAGE);
  if (!dataRegionOf(country))
    throw invalid('newOrganization.country', `no data region serves country "${country}"`);
  return { newOrganization: { name, country } };
}

/**
 * Whether the choice needs the organization's consent: an existing organization the contact does
 * not administer (a suggestion of the finder) is asked, never joined silently.
 */
export function needsConsent(choice: OrganizationChoice, offered: OrganizationFinderResult): boolean {
  return 'organizationId' in choice && offered.contactAccount !== 'customer_admin';
}

/** The name of whoever confirms: given, or the contact's; checked like every name. */
export function confirmerName(input: CompleteSetupInput, contactName: string): string {
  const name = input.confirmedBy?.name?.trim() || contactName;
  if (name.length > MAX_NAME) throw invalid('confirmedBy.name', `must be at most ${MAX_NAME} characters`);
  if (hasRefusedNameCharacter(name)) throw invalid('confirmedBy.name', NAME_CHARACTERS_MESSAGE);
  return name;
}

/**
 * Maps the order directly: a new organization, or the contact's own. A suggested organization
 * needs its administrators' consent (`confirmSetup` asks them instead).
 */
export async function completeSetup(
  deps: AppDeps,
  token: string,
  input: CompleteSetupInput,
): Promise<CompletedSetup> {
  // The quick check, for a clear refusal before anything is locked; the binding one runs again
  // under the order lock inside the mapping.
  const view = await openSetupLink(deps, token);
  const organization = checkSetupChoice(input.organization, view.organizations);
  if (needsConsent(organization, view.organizations)) throw invalid('organizationId', JOIN_NEEDS_APPROVAL);
  const contact = view.provisioningContact;
  const name = confirmerName(input, contact.name);
  const hadPassword = await hasPassword(deps.db, contact.email);
  const tokenHash = setupTokenHash(token)!;
  let mapped: MappedOrder;
  try {
    mapped = await mapOrderToOrganization(deps, {
      orderId: view.order.orderId,
      organization,
      confirmedBy: { name, email: contact.email, language: input.confirmedBy?.language ?? contact.language },
      setupTokenHash: tokenHash,
      requireAdmin: true,
    });
  } catch (e) {
    // The link died between the quick check and the lock (a resend, a contact change): say why.
    if (e instanceof AppError && e.code === 'TOKEN_INVALID')
      throw setupLinkRefusal(deps, await findSetupLink(deps.db, tokenHash), deps.clock.now()) ?? e;
    throw e;
  }
  return {
    ...mapped,
    welcomeEmailTo: hadPassword ? null : contact.email,
    adminPortalUrl: deps.settings.adminPortalUrl,
  };
}
