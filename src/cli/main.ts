/**
 * The `onramp` command. Exit codes: 0 done, 1 failed, 2 bad usage or configuration,
 * 3 the embedded data folder is held by a running server, 4 the input had validation errors.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ManualClock, systemClock } from '../app/deps.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { seedDemoData } from '../demo/seed-demo-data.js';
import { AppError, isAppError } from '../domain/errors.js';
import { errorMessage } from '../i18n/error-message.js';
import { runDue } from '../jobs/run-due.js';
import { registerAdminCommands } from './admin-commands.js';
import { registerDataCommands } from './data-commands.js';
import { appDepsOf, createLogger, openDatabase, startOnramp } from '../main.js';

const EXIT = { failed: 1, usage: 2, locked: 3, invalid: 4 } as const;

function config(): Config {
  return loadConfig(process.env);
}

function parseInstant(value: string): Date {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(d.getTime())) {
    throw new InvalidArgumentError('expected an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z');
  }
  return d;
}

async function serveUntilSignal(web: boolean, worker: boolean): Promise<void> {
  const cfg = config();
  const log = createLogger(cfg);
  const running = await startOnramp(cfg, { web, worker, log });
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Opens the database for a one-shot command and always closes it. */
async function withDatabase<T>(
  fn: (ctx: Awaited<ReturnType<typeof openDatabase>> & { cfg: Config }) => Promise<T>,
): Promise<T> {
  const cfg = config();
  const db = await openDatabase(cfg, createLogger({ logLevel: 'warn' }));
  try {
    return await fn({ ...db, cfg });
  } finally {
    await db.store.close();
    db.release();
  }
}

const program = new Command()
  .name('onramp')
  .description('Onramp: order-to-activation for SaaS subscriptions sold through partners and distributors')
  .showHelpAfterError()
  .exitOverride();

program
  .command('start')
  .description(
    'run everything in one process: web server, worker, and (embedded mode) the SMTP sink and demo data',
  )
  .action(() => serveUntilSignal(true, true));
program
  .command('web')
  .description('run the web server only (API and pages)')
  .action(() => serveUntilSignal(true, false));
program
  .command('worker')
  .description('run the worker only (due work and the e-mail outbox)')
  .action(() => serveUntilSignal(false, true));

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(() => withDatabase(async () => console.log('database is up to date')));

program
  .command('run-due')
  .description(
    'process everything due at an instant (RSD e-mails, reminders, auto-close) and print what was done',
  )
  .option('--now <instant>', 'the instant to process, ISO-8601 (default: the current time)', parseInstant)
  .action((opts: { now?: Date }) =>
    withDatabase(async ({ store, cfg }) => {
      const clock = opts.now ? new ManualClock(opts.now) : systemClock;
      const summary = await runDue(appDepsOf(cfg, store, clock));
      console.log(JSON.stringify({ now: clock.now().toISOString(), ...summary }));
    }),
  );

program
  .command('seed-demo')
  .description('seed the demo world (idempotent) and print the demo users and their API tokens')
  .option(
    '--demo-data-in-production',
    'seed even with DATABASE_URL set: publicly known demo passwords and API tokens on that database',
  )
  .action((opts: { demoDataInProduction?: boolean }) => {
    // The demo users' password and API tokens are in the README: never on a real database by accident.
    if (config().databaseUrl && !opts.demoDataInProduction) {
      console.error(
        'onramp seed-demo: refused, DATABASE_URL is set. The demo users share a published password and published API tokens; pass --demo-data-in-production to seed them into that database anyway.',
      );
      process.exitCode = EXIT.usage;
      return;
    }
    return withDatabase(async ({ store, cfg }) => {
      const { seeded, users } = await seedDemoData(appDepsOf(cfg, store, systemClock));
      console.log(seeded ? 'demo data seeded' : 'demo data already present');
      console.table(users.map((u) => ({ email: u.email, role: u.role, apiToken: u.apiToken })));
    });
  });

registerDataCommands(program, withDatabase);
registerAdminCommands(program, withDatabase);

program.parseAsync(process.argv).catch((err: unknown) => {
  // Commander has already printed its message; help and version are not errors.
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : EXIT.usage);
  if (err instanceof ConfigError) {
    for (const issue of err.issues) console.error(`Configuration error: ${issue.variable}: ${issue.message}`);
    process.exit(EXIT.usage);
  }
  if (err instanceof AppError && err.code === 'DATA_DIR_LOCKED') {
    console.error(err.message);
    process.exit(EXIT.locked);
  }
  if (isAppError(err)) {
    const issues = err.code === 'INVALID_INPUT' ? err.details.issues : [];
    console.error(
      `${err.code}: ${[errorMessage(err, 'en'), ...issues.map((i) => `${i.path}: ${i.message}`)].join('\n  ')}`,
    );
    process.exit(err.code === 'INVALID_INPUT' ? EXIT.invalid : EXIT.failed);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(EXIT.failed);
});
