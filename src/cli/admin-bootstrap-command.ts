/**
 * onramp admin bootstrap: the platform's first operator account. Prints JSON
 * `{ userId, email, setPasswordUrl }`; the same single-use link is e-mailed (the worker sends it
 * when the server runs). Refused (exit 1) once any operator exists; a bad address exits 4.
 */
import type { Command } from 'commander';

import { systemClock } from '../app/deps.js';
import { bootstrapOperator } from '../app/identity/bootstrap-operator.js';
import { isAppError } from '../domain/errors.js';
import { appDepsOf } from '../main.js';
import type { WithDatabase } from './with-database.js';

export function registerBootstrapCommand(admin: Command, withDatabase: WithDatabase): void {
  admin
    .command('bootstrap')
    .description(
      'create the first operator account and print its set-password link (valid 7 days; also e-mailed)',
    )
    .requiredOption('--email <address>', "the operator's e-mail address")
    .option('--name <name>', "the operator's name (default: the address's local part)")
    .option('--language <en|it>', 'language of the e-mail and pages', 'en')
    .action((opts: { email: string; name?: string; language: string }) =>
      withDatabase(async ({ store, cfg }) => {
        let done;
        try {
          done = await bootstrapOperator(appDepsOf(cfg, store, systemClock), opts);
        } catch (e) {
          if (!isAppError(e, 'ALREADY_EXISTS')) throw e;
          console.error(
            e.details.what === 'operator'
              ? 'onramp admin bootstrap: refused, an operator account already exists. Bootstrap only creates the first one; operators invite more people from /operator, and anyone can choose a new password with "Forgot password?" on the sign-in page.'
              : `onramp admin bootstrap: refused, a user with the address ${opts.email} already exists.`,
          );
          process.exitCode = 1;
          return;
        }
        console.log(
          JSON.stringify({ userId: done.userId, email: done.email, setPasswordUrl: done.setPasswordUrl }),
        );
      }),
    );
}
