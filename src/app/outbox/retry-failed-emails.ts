/**
 * The operator's "the mail server is back, send what failed" (`onramp outbox retry`): every failed
 * e-mail whose link still works is due again at once (those that failed since `since`, when
 * given). The worker sends them; the ones that cannot go (refused for good, link dead) are counted.
 */
import { countUnretryableEmails, requeueFailedEmails } from '../../store/failed-send-repository.js';
import type { AppDeps } from '../deps.js';

export interface RetryFailedEmailsReport {
  requeued: number;
  /** Failed (since `since`) but not requeued: refused for good, unreadable, or their link died. */
  notRetryable: number;
}

export async function retryFailedEmails(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  opts: { since?: Date } = {},
): Promise<RetryFailedEmailsReport> {
  const now = deps.clock.now();
  const requeued = await requeueFailedEmails(deps.db, now, opts);
  const notRetryable = await countUnretryableEmails(deps.db, now, opts.since ?? new Date(0));
  return { requeued, notRetryable };
}
