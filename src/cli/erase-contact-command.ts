/**
 * `onramp erase-contact --email <address>`: a GDPR erasure request (see app/privacy/erase-contact.ts).
 * Prints the pseudonym and the rows changed per table, as JSON; a rerun prints no changes.
 */
import type { Command } from 'commander';

import { systemClock } from '../app/deps.js';
import { eraseContact } from '../app/privacy/erase-contact.js';
import type { WithDatabase } from './with-database.js';

export function registerEraseContactCommand(program: Command, withDatabase: WithDatabase): void {
  program
    .command('erase-contact')
    .description(
      'pseudonymize one person\'s address and name everywhere (lines, e-mails, support cases, users, audit trail); prints {"pseudonym", "changed"} per table',
    )
    .requiredOption('--email <address>', 'the e-mail address of the person to erase')
    .action((opts: { email: string }) =>
      withDatabase(async ({ store }) => {
        const report = await eraseContact({ db: store.db, clock: systemClock }, { email: opts.email });
        console.log(JSON.stringify(report, null, 2));
      }),
    );
}
