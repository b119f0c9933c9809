/**
 * After a long SMTP outage: e-mails that ran out of attempts while no server took them go out
 * once one does, as long as their link still works. The worker asks the server first (one
 * connection and greeting, `verify`) and only when such e-mails wait, so a dead server costs one
 * probe per pass and a healthy one nothing; then the e-mails are due again and the outbox lanes
 * send them as any other. Links that died meanwhile lose their sealed secrets here.
 *
 * `onramp outbox retry` does the requeue without the probe: the operator says the server is back.
 */
import type { AppDeps } from '../app/deps.js';
import type { Mailer } from '../email/index.js';
import {
  dropExpiredEmailSecrets,
  hasRetryableEmails,
  requeueFailedEmails,
} from '../store/failed-send-repository.js';

export interface RetryFailedSummary {
  /** Failed e-mails due again. */
  requeued: number;
  /** Failed e-mails whose link died: their secrets dropped, never retried. */
  expired: number;
  /** The SMTP server did not answer the probe: nothing requeued this time. */
  smtpDown: boolean;
}

export async function retryFailedSends(
  deps: Pick<AppDeps, 'db' | 'clock'> & { mailer: Pick<Mailer, 'verify'> },
): Promise<RetryFailedSummary> {
  const now = deps.clock.now();
  const expired = await dropExpiredEmailSecrets(deps.db, now);
  if (!(await hasRetryableEmails(deps.db, now))) return { requeued: 0, expired, smtpDown: false };
  try {
    await deps.mailer.verify();
  } catch {
    return { requeued: 0, expired, smtpDown: true };
  }
  return { requeued: await requeueFailedEmails(deps.db, now), expired, smtpDown: false };
}
