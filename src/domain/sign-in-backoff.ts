/**
 * How long failed sign-ins hold a key back (an e-mail address, a client address, a known
 * browser). Pure: the store counts the failures, this says what the count means. The first
 * `freeFailures` cost nothing (a mistyped password, a caps-lock); each further one doubles the
 * wait, from one second up to `maxBackoffMs`, so guessing slows to a crawl while the owner, who
 * stops after a few tries, waits seconds, never a fixed lockout.
 */
export interface SignInBackoff {
  /** Failures under a key before any wait. */
  freeFailures: number;
  /** The longest wait. */
  maxBackoffMs: number;
}

/**
 * A key's failures are forgotten after a day without one (or when the owner signs in). Not
 * sooner: an attacker pausing a window between bursts would get the free failures back each time.
 */
export const FORGET_FAILURES_AFTER_MS = 24 * 3_600_000;

/** The wait after the key's `failures`-th failure in a row, in milliseconds. */
export function backoffAfter(failures: number, rule: SignInBackoff): number {
  const over = failures - rule.freeFailures;
  if (over <= 0) return 0;
  // 2^(over-1) s, computed without overflow for any count.
  return Math.min(rule.maxBackoffMs, 1000 * 2 ** Math.min(over - 1, 40));
}

/** Whole seconds until `until`, at least one: what Retry-After says. */
export function retryAfterSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
