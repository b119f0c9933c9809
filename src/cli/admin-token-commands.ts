/**
 * `onramp admin create-token` / `revoke-token`: API tokens for any user, for operators at the
 * console (a user who cannot sign in yet, an integration account). They run the same use cases
 * as /api/v1/tokens, audited as "Onramp CLI". Bad arguments exit 2 (commander); an unknown
 * e-mail or token id exits 1.
 */
import { type Command, InvalidArgumentError } from 'commander';

import { systemClock } from '../app/deps.js';
import { createApiTokenFor, expiresInDaysSchema, tokenNameSchema } from '../app/identity/create-api-token.js';
import { findActorByEmail } from '../app/identity/find-actor-by-email.js';
import { revokeApiTokenAs } from '../app/identity/revoke-api-token.js';
import { DEFAULT_EXPIRY_DAYS } from '../domain/api-token-rules.js';
import { AppError } from '../domain/errors.js';
import { appDepsOf } from '../main.js';
import { CLI_ACTOR } from '../store/audit-repository.js';
import type { WithDatabase } from './with-database.js';

/** Who the audit trail names for these commands: an operator at the console, not a user. */

/** A commander argument parser from one of the use case's own zod schemas. */
function parsedBy<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  convert: (raw: string) => unknown = (raw) => raw,
) {
  return (raw: string): T => {
    const result = schema.safeParse(convert(raw));
    if (!result.success) throw new InvalidArgumentError(result.error.issues[0]?.message ?? 'invalid value');
    return result.data;
  };
}

const wholeNumber = (raw: string) => (/^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN);

export function registerTokenCommands(admin: Command, withDatabase: WithDatabase): void {
  admin
    .command('create-token')
    .description('create an API token for a user and print it (shown this once) as JSON')
    .requiredOption('--email <email>', 'the user the token acts as')
    .requiredOption(
      '--name <name>',
      'what the token is for, e.g. "ERP integration"',
      parsedBy(tokenNameSchema),
    )
    .option(
      '--expires-days <days>',
      'days until it expires, 1 to 365',
      parsedBy(expiresInDaysSchema, wholeNumber),
      DEFAULT_EXPIRY_DAYS,
    )
    .option('--read-only', 'refuse every write (GET only)')
    .action((opts: { email: string; name: string; expiresDays: number; readOnly?: boolean }) =>
      withDatabase(async ({ store, cfg }) => {
        const deps = appDepsOf(cfg, store, systemClock);
        const user = await findActorByEmail(deps, opts.email);
        if (!user) throw new Error(`No user with e-mail ${opts.email}.`);
        const issued = await createApiTokenFor(deps, CLI_ACTOR, user.userId, {
          name: opts.name,
          expiresInDays: opts.expiresDays,
          readOnly: opts.readOnly ?? false,
        });
        console.log(
          JSON.stringify({ tokenId: issued.tokenId, token: issued.token, expiresAt: issued.expiresAt }),
        );
      }),
    );

  admin
    .command('revoke-token')
    .description("revoke any user's API token at once and print when, as JSON")
    .requiredOption('--id <tokenId>', 'the token id, e.g. tok_8d1f0c2b7a4e4f19b3c2')
    .action((opts: { id: string }) =>
      withDatabase(async ({ store, cfg }) => {
        const deps = appDepsOf(cfg, store, systemClock);
        try {
          console.log(JSON.stringify(await revokeApiTokenAs(deps, CLI_ACTOR, opts.id, 'any-user')));
        } catch (e) {
          if (e instanceof AppError && e.code === 'NOT_FOUND')
            throw new Error(`No API token with id ${opts.id}.`);
          throw e;
        }
      }),
    );
}
