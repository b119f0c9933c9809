/**
 * Pure rules of the customer setup wizard: which organizations the finder may offer, what a
 * dead setup link tells its holder, and how long a customer admin's password must be.
 */

/** How many leading characters of the end-customer name an organization's name must share. */
export const NAME_PREFIX_LENGTH = 5;

export const MIN_PASSWORD_LENGTH = 12;

/**
 * Mail providers anyone can sign up with: sharing one of these domains says nothing about
 * working for the same company, so the finder never matches on them.
 */
const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.it',
  'live.com',
  'live.it',
  'msn.com',
  'yahoo.com',
  'yahoo.it',
  'icloud.com',
  'me.com',
  'aol.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'libero.it',
  'virgilio.it',
  'tiscali.it',
  'alice.it',
  'tim.it',
  'proton.me',
  'protonmail.com',
]);

/** The first five characters of a name, lower-cased: the finder's name rule (case-insensitive). */
export function organizationNamePrefix(name: string): string {
  return [...name.trim().toLowerCase()].slice(0, NAME_PREFIX_LENGTH).join('');
}

/** The lower-cased domain of an e-mail address, or null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  const domain =
    at < 0
      ? ''
      : email
          .slice(at + 1)
          .trim()
          .toLowerCase();
  return domain === '' ? null : domain;
}

/** The domain the finder may match colleagues on, or null (no domain, or a public mail provider). */
export function companyDomain(email: string): string | null {
  const domain = emailDomain(email);
  return domain && !PUBLIC_MAIL_DOMAINS.has(domain) ? domain : null;
}

/** Why a setup link stopped working, as the holder is told. */
export type DeadLinkReason =
  | 'unknown'
  | 'expired'
  | 'used'
  | 'resend'
  | 'contact_change'
  | 'delegated'
  | 'cancelled'
  | 'mapped'
  | 'revoked';

/**
 * A dead link whose order is not set up yet can be replaced by asking for a new one; an unknown
 * link names no order, and a set-up order needs no link.
 */
export function canAskForNewLink(reason: DeadLinkReason): boolean {
  return reason !== 'unknown' && reason !== 'used' && reason !== 'mapped' && !isHandedOver(reason);
}

/**
 * The link died because someone else now sets this up: the partner named another provisioning
 * contact, or the holder delegated to a colleague. Its holder gets no new link.
 */
export function isHandedOver(reason: DeadLinkReason | string | null | undefined): boolean {
  return reason === 'contact_change' || reason === 'delegated';
}
