/**
 * Personal API tokens, the rules without I/O (model: GitHub fine-grained tokens, Stripe restricted
 * keys). A token is `onr_` + 43 base64url characters (256 random bits); only its SHA-256 is kept,
 * and `hint` (its last four characters) tells tokens apart in a list. Created tokens always expire
 * (1 to 365 days). Rolling issues a successor and keeps the old token working for a grace period
 * of 0 to 7 days: its `expires_at` is brought forward, never pushed back.
 */
import { invalidInput } from './errors.js';

/** Makes a token recognizable in logs, code and secret scanners. */
export const TOKEN_PREFIX = 'onr_';
export const MIN_EXPIRY_DAYS = 1;
export const MAX_EXPIRY_DAYS = 365;
export const MAX_GRACE_DAYS = 7;
export const MAX_NAME_LENGTH = 100;
/** Working tokens (not revoked, not expired) a user may hold; enough for every integration. */
export const MAX_WORKING_TOKENS = 50;
/** What the page offers; the API accepts any whole number in range. */
export const EXPIRY_CHOICES = [7, 30, 90, 365] as const;
export const DEFAULT_EXPIRY_DAYS = 90;
export const GRACE_CHOICES = [0, 1, 3, 7] as const;

const DAY_MS = 86_400_000;

/**
 * active: works; rolled: superseded by a successor, still working until `expires_at` (the grace
 * period); expired: past `expires_at` (a rolled token past its grace, too); revoked: stopped by hand.
 */
export type TokenStatus = 'active' | 'rolled' | 'expired' | 'revoked';
export const TOKEN_STATUSES: readonly TokenStatus[] = ['active', 'rolled', 'expired', 'revoked'];

export interface TokenTimes {
  createdAt: Date;
  /** null: never expires (demo and test tokens only). */
  expiresAt: Date | null;
  revokedAt: Date | null;
  rolledAt: Date | null;
}

/** The secret shown once, from 43 base64url characters of randomness. */
export function tokenSecretOf(random: string): { token: string; hint: string } {
  const token = `${TOKEN_PREFIX}${random}`;
  return { token, hint: token.slice(-4) };
}

export function expiresAtOf(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** Same boundary as authentication: a token stops at its `expires_at` instant. */
export function tokenStatusOf(token: TokenTimes, now: Date): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return token.rolledAt ? 'rolled' : 'active';
}

export const isWorking = (status: TokenStatus) => status === 'active' || status === 'rolled';

/** Refuses one more working token beyond the limit (`adding` = how many the change adds). */
export function assertRoomForTokens(working: number, adding: number): void {
  if (working + adding <= MAX_WORKING_TOKENS) return;
  throw invalidInput(
    'tokens',
    `at most ${MAX_WORKING_TOKENS} working tokens per user: revoke one you no longer use`,
  );
}

export interface RollPlan {
  /** The successor's lifetime in days. */
  lifetimeDays: number;
  /** The old token's new `expires_at`: the end of the grace period, or sooner if it expires first. */
  previousExpiresAt: Date;
}

/**
 * What a roll does. Only an active token rolls (a rolled one already has its successor; an
 * expired or revoked one has nothing to hand over). Without `expiresInDays` the successor lives
 * as long as the old token was meant to (its original lifetime, capped at the maximum).
 */
export function planRoll(
  old: TokenTimes,
  now: Date,
  input: { graceDays: number; expiresInDays?: number | undefined },
): RollPlan {
  const status = tokenStatusOf(old, now);
  if (status !== 'active')
    throw invalidInput('tokenId', `only an active token can be rolled; this one is ${status}`);
  const original = old.expiresAt
    ? Math.ceil((old.expiresAt.getTime() - old.createdAt.getTime()) / DAY_MS)
    : MAX_EXPIRY_DAYS;
  const lifetimeDays = input.expiresInDays ?? Math.min(MAX_EXPIRY_DAYS, Math.max(MIN_EXPIRY_DAYS, original));
  const graceEnd = expiresAtOf(now, input.graceDays);
  const previousExpiresAt =
    old.expiresAt && old.expiresAt.getTime() < graceEnd.getTime() ? old.expiresAt : graceEnd;
  return { lifetimeDays, previousExpiresAt };
}
