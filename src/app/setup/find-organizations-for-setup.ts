/**
 * The organization finder of the setup wizard. It offers, in this order:
 *  - the customer organization the provisioning contact already administers (and only that one:
 *    a user belongs to one organization, so mapping elsewhere would leave them outside it);
 *  - otherwise the customer organizations whose name has the same first five characters as the
 *    order's end-customer name (case-insensitive; a shorter name must be the whole name) AND that
 *    have a customer admin on the contact's e-mail domain
 *    (never on a public mail provider's domain), plus creating a new one.
 * An organization matching only one rule, or neither, is never revealed. Each offered one comes
 * with when it was created, its active subscriptions and administrators (counts, never people)
 * and its data region, so the contact can tell a live organization from an abandoned trial.
 */
import type { Kysely, Transaction } from 'kysely';

import { companyDomain, organizationNamePrefix } from '../../domain/setup-rules.js';
import { organizationFinderStats } from '../../store/organization-finder-repository.js';
import { suggestCustomerOrganizations } from '../../store/organization-repository.js';
import type { Database } from '../../store/schema.js';
import { findAccountByEmail } from '../../store/user-repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface OrganizationOption {
  organizationId: string;
  name: string;
  country: string | null;
  dataRegion: string | null;
  /** When it was created (ISO), to tell a live organization from an abandoned trial. */
  createdAt: string;
  /** Its provisioned subscriptions: a count only. */
  activeSubscriptions: number;
  /** Its active administrators: a count only, never their addresses. */
  administrators: number;
}

/** Adds the finder's counts to the options found. */
async function withStats(db: Db, options: Omit<OrganizationOption, keyof OrganizationStats>[]) {
  const stats = await organizationFinderStats(
    db,
    options.map((o) => o.organizationId),
  );
  return options.map((o): OrganizationOption => {
    const s = stats.get(o.organizationId);
    return {
      ...o,
      createdAt: s?.createdAt.toISOString() ?? '',
      activeSubscriptions: s?.activeSubscriptions ?? 0,
      administrators: s?.administrators ?? 0,
    };
  });
}

type OrganizationStats = Pick<OrganizationOption, 'createdAt' | 'activeSubscriptions' | 'administrators'>;

export interface OrganizationFinderResult {
  /**
   * `customer_admin`: the contact administers `yours`; `other`: the address belongs to a partner,
   * distributor or support user, who cannot become a customer admin (they should delegate).
   */
  contactAccount: 'none' | 'customer_admin' | 'other';
  yours: OrganizationOption | null;
  suggested: OrganizationOption[];
  /** Whether a new organization may be created (not for an existing customer admin). */
  canCreate: boolean;
  /** The name a new organization starts with: the order's end-customer name. */
  newOrganizationName: string;
}

const MAX_SUGGESTIONS = 20;

export async function findOrganizationsForSetup(
  db: Db,
  input: { contactEmail: string; endCustomerName: string },
): Promise<OrganizationFinderResult> {
  const base = { newOrganizationName: input.endCustomerName };
  const account = await findAccountByEmail(db, input.contactEmail);
  if (account) {
    if (account.role !== 'customer_admin' || account.kind !== 'customer')
      return { ...base, contactAccount: 'other', yours: null, suggested: [], canCreate: false };
    const [yours] = await withStats(db, [
      {
        organizationId: account.id,
        name: account.name,
        country: account.country,
        dataRegion: account.data_region,
      },
    ]);
    return { ...base, contactAccount: 'customer_admin', yours: yours!, suggested: [], canCreate: false };
  }

  const domain = companyDomain(input.contactEmail);
  const prefix = organizationNamePrefix(input.endCustomerName);
  const suggested =
    domain && prefix
      ? await suggestCustomerOrganizations(db, {
          namePrefix: prefix,
          adminDomain: domain,
          limit: MAX_SUGGESTIONS,
        })
      : [];
  return {
    ...base,
    contactAccount: 'none',
    yours: null,
    suggested: await withStats(
      db,
      suggested.map((o) => ({
        organizationId: o.id,
        name: o.name,
        country: o.country,
        dataRegion: o.data_region,
      })),
    ),
    canCreate: true,
  };
}

/** Whether `organizationId` is one the finder offers. */
export function isOffered(result: OrganizationFinderResult, organizationId: string): boolean {
  return [...(result.yours ? [result.yours] : []), ...result.suggested].some(
    (o) => o.organizationId === organizationId,
  );
}
