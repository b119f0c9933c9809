/**
 * The rate limits on actions people can repeat by hand: asking for a password reset link (per
 * address and per client address), resending provisioning e-mails and changing provisioning
 * contacts (per user). Counted in the database by `consumeRateLimit`, so every web process shares
 * the count; past a limit the caller gets RATE_LIMITED with `retryAfterSeconds` (429 with
 * Retry-After on the API and the pages). Sign-in is throttled apart, by failures with backoff
 * (identity/sign-in.ts); its two rules live here with the others.
 */
import { createHash } from 'node:crypto';

import type { Actor } from '../domain/types.js';
import { consumeRateLimit, type RateLimit } from './consume-rate-limit.js';
import type { AppDeps } from './deps.js';

export interface RateLimits {
  /**
   * Failed sign-ins per e-mail address (any client but the owner's known browsers): `limit` are
   * free, then each doubles the wait, up to `windowMs`.
   */
  signInPerAddress: RateLimit;
  /** Failed sign-ins per client address (any e-mail address), the same way. */
  signInPerIp: RateLimit;
  /** Resend requests per user (API and pages; a bulk resend counts once). */
  resendPerUser: RateLimit;
  /**
   * Contact change requests per user (API and pages; "apply to all lines" and a bulk change count
   * once, like a bulk resend); default when absent.
   */
  contactChangePerUser?: RateLimit;
  /** Password reset links asked for, per e-mail address (existing or not); default when absent. */
  passwordResetPerAddress?: RateLimit;
  /** Password reset links asked for, per client address; default when absent. */
  passwordResetPerIp?: RateLimit;
  /**
   * Invitations sent or resent from the admin portal, per user: customer admins sign themselves
   * up, so their invitations must not become a way to mail anyone; default when absent.
   */
  invitationPerUser?: RateLimit;
}

const MINUTE = 60_000;
export const DEFAULT_RATE_LIMITS = {
  signInPerAddress: { limit: 10, windowMs: 15 * MINUTE },
  signInPerIp: { limit: 100, windowMs: 15 * MINUTE },
  resendPerUser: { limit: 120, windowMs: 60 * MINUTE },
  contactChangePerUser: { limit: 60, windowMs: 60 * MINUTE },
  passwordResetPerAddress: { limit: 3, windowMs: 60 * MINUTE },
  passwordResetPerIp: { limit: 20, windowMs: 60 * MINUTE },
  invitationPerUser: { limit: 20, windowMs: 60 * MINUTE },
} satisfies Required<RateLimits>;

/** The limiter's keys never hold an address in clear. */
const hashed = (value: string) => createHash('sha256').update(value).digest('hex');

const limitsOf = (deps: AppDeps) => deps.settings.rateLimits ?? DEFAULT_RATE_LIMITS;

export async function limitResend(deps: AppDeps, actor: Actor): Promise<void> {
  const rule = limitsOf(deps).resendPerUser;
  await consumeRateLimit(deps.db, `resend:user:${actor.userId}`, rule, deps.clock.now());
}

export async function limitInvitations(deps: AppDeps, actor: Actor): Promise<void> {
  const rule = limitsOf(deps).invitationPerUser ?? DEFAULT_RATE_LIMITS.invitationPerUser;
  await consumeRateLimit(deps.db, `invitation:user:${actor.userId}`, rule, deps.clock.now());
}

export async function limitContactChange(deps: AppDeps, actor: Actor): Promise<void> {
  const rule = limitsOf(deps).contactChangePerUser ?? DEFAULT_RATE_LIMITS.contactChangePerUser;
  await consumeRateLimit(deps.db, `contact-change:user:${actor.userId}`, rule, deps.clock.now());
}

/**
 * Counts a password reset request. The same two writes happen whether or not the address has an
 * account, so neither the answer nor its timing says which.
 */
export async function limitPasswordReset(deps: AppDeps, input: { email: string; ip: string }): Promise<void> {
  const limits = { ...DEFAULT_RATE_LIMITS, ...limitsOf(deps) };
  const now = deps.clock.now();
  await consumeRateLimit(deps.db, `password-reset:ip:${input.ip}`, limits.passwordResetPerIp, now);
  await consumeRateLimit(
    deps.db,
    `password-reset:address:${hashed(input.email.trim().toLowerCase())}`,
    limits.passwordResetPerAddress,
    now,
  );
}
