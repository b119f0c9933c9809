/**
 * A throttling answer (421, 454: the server asks us to slow down) is not the message's fault, so
 * it costs the e-mail no attempt: the row is given back, due once the pause is over, and the
 * shared budget slows down for every worker (domain/send-budget.ts). With SMTP_MAX_PER_SECOND
 * unset there is no budget to pace the claims, but the pause still grows with repeated answers.
 */
import type { AppDeps } from '../app/deps.js';
import { retryAfterThrottle } from '../domain/send-budget.js';
import type { OnrampMetrics } from '../observability/metrics.js';
import { giveBackClaimed, type OutboxRow } from '../store/outbox-repository.js';
import { slowDownBudget } from '../store/send-budget-repository.js';

/** Gives the row back and slows the budget; false when the row was no longer this claim's. */
export async function deferThrottled(
  deps: AppDeps & { metrics?: Pick<OnrampMetrics, 'smtpThrottledTotal' | 'sendsTotal'> },
  row: OutboxRow,
  error: string,
): Promise<boolean> {
  const now = deps.clock.now();
  deps.metrics?.smtpThrottledTotal.inc();
  const budget = await slowDownBudget(deps.db, now);
  const deferred = await giveBackClaimed(deps.db, row, retryAfterThrottle(budget, now), error);
  if (deferred) deps.metrics?.sendsTotal.inc({ status: 'retrying' });
  return deferred;
}
