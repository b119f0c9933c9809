/**
 * The shared SMTP sending budget (SMTP_MAX_PER_SECOND): a GCRA, the token bucket kept as one
 * instant. Sends are slots `1 / perSecond` apart; a claim takes the next free slots, from the first
 * instant nobody has reserved (`nextSlotAt`) or from now if that lies in the past, so an idle
 * budget saves up no burst. A claim reserves at most the slots that start within `aheadMs`, so a
 * worker never holds e-mails waiting longer than that (its lease covers the wait).
 *
 * A throttling answer from the server (421, 454) slows the budget: the slots move at least a pause
 * into the future and stand twice as far apart (four times after a second answer within the slow
 * period, up to MAX_SLOW_FACTOR) until SLOW_FOR_MS after the last such answer.
 *
 * Pure: the store applies the same arithmetic to the one shared row in one statement
 * (store/send-budget-repository.ts), and a store test holds the two to each other.
 */

/** How long after a throttling answer nothing more is reserved, per unit of the slow factor. */
export const THROTTLE_PAUSE_MS = 1_000;
/** How long the budget stays slowed after the last throttling answer. */
export const SLOW_FOR_MS = 60_000;
export const MAX_SLOW_FACTOR = 16;
/** How far ahead a claim reserves slots (at most; less when the lease is short, see `reserveAheadMs`). */
export const RESERVE_AHEAD_MS = 2_000;

export interface SendBudgetState {
  /** The first instant no worker has reserved a send slot at yet. */
  nextSlotAt: Date;
  /** Until then, slots are `slowFactor` times as far apart. */
  slowUntil: Date;
  slowFactor: number;
}

export interface SendSlots {
  /** The instants the reserved sends may go, `intervalMs` apart. */
  slots: Date[];
  intervalMs: number;
  state: SendBudgetState;
}

/** How far ahead a worker reserves: a quarter of its lease at most, so the lease outlasts the wait. */
export function reserveAheadMs(leaseMs: number): number {
  return Math.min(RESERVE_AHEAD_MS, Math.floor(leaseMs / 4));
}

/** The distance between two slots at `now`. */
export function slotIntervalMs(perSecond: number, state: SendBudgetState, now: Date): number {
  const factor = state.slowUntil.getTime() > now.getTime() ? state.slowFactor : 1;
  return (1000 / perSecond) * factor;
}

/** Reserves up to `wanted` slots at `now`: those that start no later than `aheadMs` from now. */
export function reserveSlots(
  perSecond: number,
  state: SendBudgetState,
  now: Date,
  wanted: number,
  aheadMs: number,
): SendSlots {
  const intervalMs = slotIntervalMs(perSecond, state, now);
  const start = Math.max(state.nextSlotAt.getTime(), now.getTime());
  const fit = Math.max(0, Math.floor((now.getTime() + aheadMs - start) / intervalMs) + 1);
  const count = Math.min(wanted, fit);
  const slots = Array.from({ length: count }, (_, i) => new Date(start + i * intervalMs));
  return { slots, intervalMs, state: { ...state, nextSlotAt: new Date(start + count * intervalMs) } };
}

/** The budget after the server answered "slow down" at `now`. */
export function slowDown(state: SendBudgetState, now: Date): SendBudgetState {
  const slowFactor =
    state.slowUntil.getTime() > now.getTime() ? Math.min(MAX_SLOW_FACTOR, state.slowFactor * 2) : 2;
  const pausedUntil = now.getTime() + slowFactor * THROTTLE_PAUSE_MS;
  return {
    nextSlotAt: new Date(Math.max(state.nextSlotAt.getTime(), pausedUntil)),
    slowUntil: new Date(now.getTime() + SLOW_FOR_MS),
    slowFactor,
  };
}

/** When an e-mail the server throttled comes back: once the pause of the slowed budget is over. */
export function retryAfterThrottle(state: SendBudgetState, now: Date): Date {
  return new Date(now.getTime() + state.slowFactor * THROTTLE_PAUSE_MS);
}
