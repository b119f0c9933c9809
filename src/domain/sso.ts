/**
 * Single sign-on rules, pure: which domain an e-mail belongs to, what a domain's DNS TXT record
 * must say, which role a just-in-time user gets, and when a session started through the identity
 * provider ends.
 */
import { ROLES_OF_KIND } from './roles.js';
import type { OrganizationKind, Role } from './types.js';

/** The TXT record's name prefix: `_onramp-verification.acme.example`. */
export const VERIFICATION_RECORD_PREFIX = '_onramp-verification.';
/** The TXT record's value prefix: `onramp-verification=<token>`. */
export const VERIFICATION_VALUE_PREFIX = 'onramp-verification=';
/** How long a sign-in may take at the identity provider before its state expires. */
export const SSO_SIGN_IN_TTL_MS = 10 * 60_000;
/** No browser session outlives this, however it was started (web-session.ts's length). */
export const SESSION_TTL_MS = 12 * 3_600_000;

/** The lower-case domain of an e-mail address, or null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  if (at < 1) return null;
  const domain = normalizeDomain(email.trim().slice(at + 1));
  return domain;
}

/** A domain as stored (lower case, no trailing dot), or null when it is not a host name. */
export function normalizeDomain(text: string): string | null {
  const d = text.trim().toLowerCase().replace(/\.$/, '');
  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
  return d.length <= 253 && new RegExp(`^(?:${label}\\.)+[a-z]{2,63}$`).test(d) ? d : null;
}

export function verificationRecord(domain: string, token: string): { name: string; value: string } {
  return { name: `${VERIFICATION_RECORD_PREFIX}${domain}`, value: `${VERIFICATION_VALUE_PREFIX}${token}` };
}

/** Whether the TXT answers (each a list of strings a resolver returns) hold the expected value. */
export function txtRecordsProve(answers: string[][], token: string): boolean {
  const expected = `${VERIFICATION_VALUE_PREFIX}${token}`;
  return answers.some((chunks) => chunks.join('').trim() === expected);
}

/** The role a just-in-time user gets when none is configured: the kind's least powerful. */
export function defaultSsoRole(kind: OrganizationKind): Role {
  return ROLES_OF_KIND[kind][0]!;
}

/**
 * When a session started through the provider ends: the provider's session length counted from
 * when the person authenticated there (`auth_time`, else now), and never later than any session.
 */
export function ssoSessionEnd(now: Date, authTime: Date | null, sessionMaxMinutes: number): Date {
  const from = authTime && authTime < now ? authTime : now;
  const providerEnd = from.getTime() + sessionMaxMinutes * 60_000;
  return new Date(Math.min(providerEnd, now.getTime() + SESSION_TTL_MS));
}
