/**
 * `onramp outbox retry [--since <instant>]`: after a long SMTP outage, the operator sends again
 * the e-mails that ran out of attempts (the worker does the same by itself once its probe of the
 * server succeeds; this is for "now", or a worker that is not running yet).
 */
import type { Command } from 'commander';

import { systemClock } from '../app/deps.js';
import { retryFailedEmails } from '../app/outbox/retry-failed-emails.js';
import { parseInstant } from './parse-instant.js';
import type { WithDatabase } from './with-database.js';

export function registerOutboxCommands(program: Command, withDatabase: WithDatabase): void {
  const outbox = program.command('outbox').description('the e-mail outbox');
  outbox
    .command('retry')
    .description(
      'queue again the e-mails that failed for want of an SMTP server and whose link still works; prints {"requeued", "notRetryable"}',
    )
    .option('--since <instant>', 'only e-mails that failed at or after this ISO-8601 instant', parseInstant)
    .action((opts: { since?: Date }) =>
      withDatabase(async ({ store }) => {
        const report = await retryFailedEmails({ db: store.db, clock: systemClock }, opts);
        console.log(JSON.stringify(report));
      }),
    );
}
