/**
 * Open a setup link: what the wizard shows its holder (the order, its lines, the organizations
 * the finder offers, the countries and the data region each fixes). Reads only; a dead link is
 * refused with TOKEN_INVALID (why, in `reason` / `revokedReason`), a set-up order with
 * ALREADY_MAPPED.
 */
import { COUNTRY_REGIONS } from '../../domain/data-region.js';
import { setupDeadline } from '../../domain/policy.js';
import { isLanguage, type Language, type LineStatus } from '../../domain/types.js';
import { pendingJoinRequestOfOrder } from '../../store/join-request-repository.js';
import { linesOfOrder } from '../../store/line-repository.js';
import { listOffers } from '../../store/offer-repository.js';
import { organizationNames } from '../../store/organization-repository.js';
import { findPartnerStaff } from '../../store/partner-staff-repository.js';
import { delegatorsOfLines } from '../../store/provisioning-history-repository.js';
import { languageOfTokenEmail } from '../../store/setup-token-repository.js';
import type { AppDeps } from '../deps.js';
import { closesAtOf } from '../orders/describe-order-row.js';
import { findOrganizationsForSetup, type OrganizationFinderResult } from './find-organizations-for-setup.js';
import { findSetupLink, setupLinkRefusal, setupTokenHash } from './lock-setup-link.js';

export interface SetupLine {
  subscriptionId: string;
  offerCode: string;
  offerName: string;
  /** Licences. */
  quantity: number;
  status: LineStatus;
  pendingProvisioning: boolean;
}

export interface SetupView {
  order: {
    orderId: string;
    webOrderId: string;
    endCustomerName: string;
    partnerName: string;
    distributorName: string | null;
  };
  provisioningContact: { name: string; email: string; language: Language };
  /** The colleague who handed this setup to the contact (a delegation), or null. */
  delegatedBy: string | null;
  /** The lines the setup maps: every line of the order that is not cancelled. */
  lines: SetupLine[];
  organizations: OrganizationFinderResult;
  /** Countries a new organization may pick, each with the data region it fixes. */
  countries: { country: string; dataRegion: string }[];
  expiresAt: string;
  /** The setup must be done by then (ISO): the deadline its e-mail gave, see `setupDeadline`. */
  deadline: string;
  /** This contact's request to join an organization, while its administrators have not answered. */
  joinRequest: {
    organizationId: string;
    organizationName: string;
    requestedAt: string;
    expiresAt: string;
  } | null;
  /**
   * The contact is a user of the partner or distributor that placed the order: they may set it
   * up on the customer's behalf (set-up-for-customer.ts). Null for everyone else.
   */
  partnerStaff: { name: string; organizationName: string } | null;
}

/** Every ISO 3166-1 country, each with the data region it fixes (the rule table of `data-region.ts`). */
export const SETUP_COUNTRIES = COUNTRY_REGIONS.map(({ country, dataRegion }) => ({ country, dataRegion }));

/**
 * Reads in one repeatable-read snapshot: a confirmation committing meanwhile is seen whole or not
 * at all (never a live link beside a finder that already counts its new admin).
 */
export async function openSetupLink(deps: AppDeps, token: string): Promise<SetupView> {
  return deps.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => readSetupView({ ...deps, db: trx }, token));
}

async function readSetupView(deps: AppDeps, token: string): Promise<SetupView> {
  const link = await findSetupLink(deps.db, setupTokenHash(token));
  const refusal = setupLinkRefusal(deps, link, deps.clock.now());
  if (refusal) throw refusal;
  const { order, line, token: row } = link!;
  const [lines, offers, orgs, organizations, delegators, pending, staff] = await Promise.all([
    linesOfOrder(deps.db, order.id),
    listOffers(deps.db),
    organizationNames(deps.db, [order.partner_id, order.distributor_id ?? order.partner_id]),
    findOrganizationsForSetup(deps.db, {
      contactEmail: line.contact_email,
      endCustomerName: order.end_customer_name,
    }),
    delegatorsOfLines(deps.db, [{ subscriptionId: line.subscription_id, contactEmail: line.contact_email }]),
    pendingJoinRequestOfOrder(deps.db, order.id),
    findPartnerStaff(deps.db, {
      email: line.contact_email,
      partnerId: order.partner_id,
      distributorId: order.distributor_id,
    }),
  ]);
  const mine = pending?.contact_email.toLowerCase() === line.contact_email.toLowerCase() ? pending : null;
  const [asked] = mine ? await organizationNames(deps.db, [mine.organization_id]) : [];
  const orgName = (id: string | null) => orgs.find((o) => o.id === id)?.name ?? null;
  const closesAt = closesAtOf(line);
  return {
    order: {
      orderId: order.id,
      webOrderId: order.web_order_id,
      endCustomerName: order.end_customer_name,
      partnerName: orgName(order.partner_id) ?? '',
      distributorName: orgName(order.distributor_id),
    },
    provisioningContact: {
      name: line.contact_name,
      email: line.contact_email,
      language: line.contact_language,
    },
    delegatedBy: delegators.get(line.subscription_id) ?? null,
    lines: lines
      .filter((l) => l.status !== 'cancelled')
      .map((l) => ({
        subscriptionId: l.subscription_id,
        offerCode: l.offer_code,
        offerName: offers.find((o) => o.code === l.offer_code)?.name ?? l.offer_code,
        quantity: l.quantity,
        status: l.status,
        pendingProvisioning: l.pending_provisioning,
      })),
    organizations,
    countries: SETUP_COUNTRIES,
    expiresAt: row.expires_at.toISOString(),
    deadline: setupDeadline(closesAt ? new Date(closesAt) : null, row.expires_at).toISOString(),
    joinRequest: mine
      ? {
          organizationId: mine.organization_id,
          organizationName: asked?.name ?? '',
          requestedAt: mine.created_at.toISOString(),
          expiresAt: mine.expires_at.toISOString(),
        }
      : null,
    partnerStaff: staff && { name: staff.name, organizationName: staff.organizationName },
  };
}

/**
 * The partner that placed the order of a link, also for a dead link: the page of a link that died
 * because the partner named another provisioning contact says which partner did.
 */
export async function partnerOfSetupLink(deps: AppDeps, token: string): Promise<string | null> {
  const link = await findSetupLink(deps.db, setupTokenHash(token));
  if (!link) return null;
  const [partner] = await organizationNames(deps.db, [link.order.partner_id]);
  return partner?.name ?? null;
}

/**
 * The language of the e-mail that carried a link, also for a dead link: its page speaks it too
 * (the line's contact may have changed since, to someone speaking another language).
 */
export async function languageOfSetupLink(deps: AppDeps, token: string): Promise<Language | null> {
  const hash = setupTokenHash(token);
  if (!hash) return null;
  const language = await languageOfTokenEmail(deps.db, hash);
  return isLanguage(language) ? language : null;
}
