/**
 * Sign in with an e-mail address and a password, throttled so guessing slows to a crawl while the
 * owner is never locked out.
 *
 * - Only failures count (a successful sign-in never does), under two keys: the client address,
 *   and the e-mail address (hashed) — or, for a browser that signed in as that address before
 *   (its `knownBrowser` cookie), that browser's own key instead. A stranger hammering an address
 *   so makes every other client wait, but not the owner's own browser.
 * - Each key's first failures are free; then every failure doubles the wait (1 s, 2 s, 4 s … up to
 *   the rule's maximum: src/domain/sign-in-backoff.ts); the count is forgotten after a quiet day
 *   or when the owner signs in. While a key waits, attempts are refused
 *   with RATE_LIMITED and `retryAfterSeconds`, before any password is checked.
 * - An organization that enforces single sign-on refuses the password with SSO_REQUIRED, naming
 *   its identity provider: for an address on its verified domain before any password is checked
 *   (the domain's routing is public: the sign-in page follows it), and for any other address of
 *   its users once the password is right (so nothing is learnt without it).
 * - Known and unknown addresses do the same work: the same queries, the same writes, and one
 *   scrypt run (verifySignIn checks unknown addresses against a dummy hash).
 */
import { createHash } from 'node:crypto';

import { AppError } from '../../domain/errors.js';
import {
  backoffAfter,
  FORGET_FAILURES_AFTER_MS,
  retryAfterSeconds,
  type SignInBackoff,
} from '../../domain/sign-in-backoff.js';
import type { Role } from '../../domain/types.js';
import {
  blockedUntil,
  blockUntil,
  countFailure,
  deleteStaleSignInRows,
  forgetFailures,
  isKnownBrowser,
  rememberBrowser,
} from '../../store/sign-in-failure-repository.js';
import { enforcedSsoOfUser } from '../../store/sso-repository.js';
import { type AppDeps, hashToken } from '../deps.js';
import { DEFAULT_RATE_LIMITS } from '../rate-limits.js';
import { ssoConnectionOfEmail } from './sso/start-sso-sign-in.js';
import { verifySignIn } from './verify-sign-in.js';

/** How long a browser is remembered after it signed in as an address. */
export const KNOWN_BROWSER_TTL_MS = 180 * 24 * 3_600_000;

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client address the request came from. */
  ip: string;
  /** The known-browser cookie, if the browser sent one. */
  knownBrowser?: string | undefined;
}

export interface SignedIn {
  userId: string;
  role: Role;
  /** The browser's known-browser token (new, or the one it sent): its cookie's value. */
  knownBrowser: string;
}

const sha256 = (value: string | Uint8Array) => createHash('sha256').update(value).digest('hex');

/** The two rules, read from the rate-limit settings: `limit` free failures, `windowMs` longest wait. */
function rulesOf(deps: AppDeps): { address: SignInBackoff; ip: SignInBackoff } {
  const limits = deps.settings.rateLimits ?? DEFAULT_RATE_LIMITS;
  const rule = (r: { limit: number; windowMs: number }) => ({
    freeFailures: r.limit,
    maxBackoffMs: r.windowMs,
  });
  return { address: rule(limits.signInPerAddress), ip: rule(limits.signInPerIp) };
}

/** Housekeeping for the worker: failure counts their rule has forgotten, and expired browsers. */
export async function deleteStaleSignInRecords(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<void> {
  await deleteStaleSignInRows(deps.db, deps.clock.now(), FORGET_FAILURES_AFTER_MS);
}

/** The user signed in, or null for a wrong address or password (alike); RATE_LIMITED while waiting. */
export async function signIn(deps: AppDeps, attempt: SignInAttempt): Promise<SignedIn | null> {
  const now = deps.clock.now();
  const rules = rulesOf(deps);
  const addressHash = sha256(attempt.email.trim().toLowerCase());
  const addressKey = `sign-in:address:${addressHash}`;
  const cookie = attempt.knownBrowser && attempt.knownBrowser.length <= 100 ? attempt.knownBrowser : null;
  const browserHash = cookie ? hashToken(cookie) : null;
  const known = browserHash !== null && (await isKnownBrowser(deps.db, browserHash, addressHash, now));
  const subjectKey = known ? `sign-in:browser:${sha256(browserHash)}` : addressKey;
  const ipKey = `sign-in:ip:${attempt.ip}`;

  const until = await blockedUntil(deps.db, [subjectKey, ipKey], now);
  if (until) throw new AppError('RATE_LIMITED', { retryAfterSeconds: retryAfterSeconds(until, now) });

  const routed = await ssoConnectionOfEmail(deps, attempt.email);
  if (routed?.enforced) throw new AppError('SSO_REQUIRED', { provider: routed.displayName });

  const user = await verifySignIn(deps, attempt.email, attempt.password);
  const enforcedBy = user && (await enforcedSsoOfUser(deps.db, user.userId));
  if (enforcedBy) throw new AppError('SSO_REQUIRED', { provider: enforcedBy });
  if (!user) {
    const keys: [string, SignInBackoff][] = [
      [subjectKey, rules.address],
      [ipKey, rules.ip],
    ];
    for (const [key, rule] of keys) {
      const wait = backoffAfter(await countFailure(deps.db, key, now, FORGET_FAILURES_AFTER_MS), rule);
      if (wait > 0) await blockUntil(deps.db, key, new Date(now.getTime() + wait));
    }
    return null;
  }

  // The owner proved the address: its failures (and this browser's) are forgotten. The client
  // address's are not: an attacker with an account of their own must not reset their count.
  await forgetFailures(deps.db, [subjectKey, addressKey]);
  if (known) return { ...user, knownBrowser: cookie! };
  const token = deps.ids.newToken();
  await rememberBrowser(deps.db, {
    tokenHash: hashToken(token),
    addressHash,
    createdAt: now,
    expiresAt: new Date(now.getTime() + KNOWN_BROWSER_TTL_MS),
  });
  return { ...user, knownBrowser: token };
}
