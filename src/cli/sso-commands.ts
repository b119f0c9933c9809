/**
 * `onramp sso …`: an operator connects an organization to its identity provider (OpenID
 * Connect) and verifies its e-mail domains. The client secret is read from a file (never from
 * the command line, where `ps` and the shell history would keep it) and sealed at rest. The same
 * use cases as the settings page, audited as "Onramp CLI"; every command prints JSON.
 */
import { readFileSync } from 'node:fs';

import { type Command, InvalidArgumentError } from 'commander';

import { systemClock } from '../app/deps.js';
import { getSsoSettings } from '../app/identity/sso/get-sso-settings.js';
import { removeSsoConnection } from '../app/identity/sso/remove-sso-connection.js';
import { setSsoConnection } from '../app/identity/sso/set-sso-connection.js';
import { verifySsoDomain } from '../app/identity/sso/verify-sso-domain.js';
import { appDepsOf } from '../main.js';
import type { WithDatabase } from './with-database.js';

interface SetOptions {
  org: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecretFile?: string;
  domain: string[];
  enforce?: boolean;
  invitationsRequired?: boolean;
  defaultRole?: string;
  sessionMinutes: number;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function minutes(raw: string): number {
  if (!/^\d+$/.test(raw.trim())) throw new InvalidArgumentError('a whole number of minutes');
  return Number(raw);
}

function readSecret(path: string): string {
  const secret = readFileSync(path, 'utf8').trim();
  if (!secret) throw new InvalidArgumentError(`${path} is empty`);
  return secret;
}

export function registerSsoCommands(program: Command, withDatabase: WithDatabase): void {
  const sso = program
    .command('sso')
    .description("single sign-on: an organization's identity provider (OpenID Connect) and its domains");

  sso
    .command('set')
    .description('connect an organization to its identity provider, or change the connection')
    .requiredOption('--org <organizationId>', 'the organization, e.g. org_acme')
    .requiredOption('--name <name>', 'the provider as people know it, e.g. "Okta"')
    .requiredOption('--issuer <url>', 'the issuer URL (https)')
    .requiredOption('--client-id <id>', 'the client id the provider gave Onramp')
    .option('--client-secret-file <path>', 'a file holding the client secret (required the first time)')
    .option('--domain <domain>', 'an e-mail domain of the organization (repeat for several)', collect, [])
    .option('--enforce', 'refuse password sign-in and password recovery for its users')
    .option('--invitations-required', 'no just-in-time accounts: only invited people sign in')
    .option('--default-role <role>', "a just-in-time user's role (default: the kind's user role)")
    .option('--session-minutes <minutes>', 'longest session through the provider, 5 to 1440', minutes, 480)
    .action((opts: SetOptions) =>
      withDatabase(async ({ store, cfg }) => {
        const deps = appDepsOf(cfg, store, systemClock);
        await setSsoConnection(deps, 'cli', opts.org, {
          displayName: opts.name,
          issuer: opts.issuer,
          clientId: opts.clientId,
          clientSecret: opts.clientSecretFile ? readSecret(opts.clientSecretFile) : undefined,
          domains: opts.domain,
          enforced: opts.enforce ?? false,
          invitationsRequired: opts.invitationsRequired ?? false,
          defaultRole: opts.defaultRole as never,
          sessionMaxMinutes: opts.sessionMinutes,
        });
        console.log(JSON.stringify(await getSsoSettings(deps, 'cli', opts.org)));
      }),
    );

  sso
    .command('verify-domain')
    .description("verify a domain by its DNS TXT record (or, with --confirm, by the operator's word)")
    .requiredOption('--org <organizationId>', 'the organization that claimed the domain')
    .requiredOption('--domain <domain>', 'the domain, e.g. acme.example')
    .option('--confirm', 'the operator confirms the domain without DNS')
    .action((opts: { org: string; domain: string; confirm?: boolean }) =>
      withDatabase(async ({ store, cfg }) => {
        const deps = appDepsOf(cfg, store, systemClock);
        const verified = await verifySsoDomain(deps, 'cli', opts.org, {
          domain: opts.domain,
          method: opts.confirm ? 'operator' : 'dns',
        });
        console.log(JSON.stringify(verified));
      }),
    );

  sso
    .command('remove')
    .description('disconnect an organization from its identity provider (its domains go too)')
    .requiredOption('--org <organizationId>', 'the organization')
    .action((opts: { org: string }) =>
      withDatabase(async ({ store, cfg }) => {
        const deps = appDepsOf(cfg, store, systemClock);
        await removeSsoConnection(deps, 'cli', opts.org);
        console.log(JSON.stringify({ organizationId: opts.org, removed: true }));
      }),
    );

  sso
    .command('show')
    .description("an organization's connection (without its secret), redirect URI and domains")
    .requiredOption('--org <organizationId>', 'the organization')
    .action((opts: { org: string }) =>
      withDatabase(async ({ store, cfg }) => {
        const deps = appDepsOf(cfg, store, systemClock);
        console.log(JSON.stringify(await getSsoSettings(deps, 'cli', opts.org)));
      }),
    );
}
