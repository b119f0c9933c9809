/**
 * The `onramp` command line as a function: `runCli(argv, io)` runs one command and resolves its
 * exit code, so tests drive the real program in-process (no node start, no TypeScript compile per
 * command). `main.ts` is the process entry that calls it. Exit codes: 0 done, 1 failed, 2 bad
 * usage or configuration, 3 the embedded data folder is held by a running server, 4 the input had
 * validation errors.
 */
import { Console } from 'node:console';

import { Command, CommanderError } from 'commander';

import { ManualClock, systemClock } from '../app/deps.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { seedDemoData } from '../demo/seed-demo-data.js';
import { AppError, isAppError } from '../domain/errors.js';
import { errorMessage } from '../i18n/error-message.js';
import { runDue } from '../jobs/run-due.js';
import { appDepsOf, createLogger, openDatabase, startOnramp } from '../main.js';
import { listMigrations } from '../store/migrate.js';
import { registerAdminCommands } from './admin-commands.js';
import { registerDataCommands } from './data-commands.js';
import { registerEraseContactCommand } from './erase-contact-command.js';
import { registerOutboxCommands } from './outbox-commands.js';
import { parseInstant } from './parse-instant.js';
import { registerSsoCommands } from './sso-commands.js';

const EXIT = { failed: 1, usage: 2, locked: 3, invalid: 4 } as const;

/** Where a run reads its configuration and writes its output: the process's own by default. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** A fresh program per run: commander keeps parsed options on its command objects. */
function buildProgram(io: CliIo): Command {
  const config = (): Config => loadConfig(io.env);

  const serveUntilSignal = async (web: boolean, worker: boolean): Promise<void> => {
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
  };

  /** Opens the database for a one-shot command and always closes it. */
  const withDatabase = async <T>(
    fn: (
      ctx: Awaited<ReturnType<typeof openDatabase>> & { cfg: Config; out: NodeJS.WritableStream },
    ) => Promise<T>,
  ): Promise<T> => {
    const cfg = config();
    const db = await openDatabase(cfg, createLogger({ logLevel: 'warn' }));
    try {
      return await fn({ ...db, cfg, out: io.stdout });
    } finally {
      await db.store.close();
      db.release();
    }
  };

  const program = new Command()
    .name('onramp')
    .description('Onramp: order-to-activation for SaaS subscriptions sold through partners and distributors')
    // Before any subcommand exists: subcommands copy these settings when they are created.
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
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
    .action(() =>
      withDatabase(async ({ applied, out }) => {
        for (const name of applied) out.write(`applied ${name}\n`);
        const all = listMigrations();
        const latest = all.at(-1);
        const where = latest ? `, latest ${String(latest.version).padStart(3, '0')}-${latest.name}` : '';
        out.write(`database is up to date: ${all.length} migrations${where}\n`);
      }),
    );

  program
    .command('run-due')
    .description(
      'process everything due at an instant (RSD e-mails, reminders, auto-close) and print what was done',
    )
    .option('--now <instant>', 'the instant to process, ISO-8601 (default: the current time)', parseInstant)
    .action((opts: { now?: Date }) =>
      withDatabase(async ({ store, cfg }) => {
        const clock = opts.now ? new ManualClock(opts.now) : systemClock;
        // Time travel moves the lines; their e-mails are due now on the real clock, not then.
        const summary = await runDue(appDepsOf(cfg, store, clock), { queueAt: systemClock.now() });
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
  registerOutboxCommands(program, withDatabase);
  registerSsoCommands(program, withDatabase);
  registerEraseContactCommand(program, withDatabase);
  return program;
}

/** Prints why a command failed (commander has printed its own usage errors) and picks the exit code. */
function exitCodeOf(err: unknown): number {
  // Help and version are not errors.
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT.usage;
  if (err instanceof ConfigError) {
    for (const issue of err.issues) console.error(`Configuration error: ${issue.variable}: ${issue.message}`);
    return EXIT.usage;
  }
  if (err instanceof AppError && err.code === 'DATA_DIR_LOCKED') {
    console.error(err.message);
    return EXIT.locked;
  }
  if (isAppError(err)) {
    const issues = err.code === 'INVALID_INPUT' ? err.details.issues : [];
    console.error(
      `${err.code}: ${[errorMessage(err, 'en'), ...issues.map((i) => `${i.path}: ${i.message}`)].join('\n  ')}`,
    );
    return err.code === 'INVALID_INPUT' ? EXIT.invalid : EXIT.failed;
  }
  console.error(err instanceof Error ? err.message : err);
  return EXIT.failed;
}

/**
 * Runs one command line (`argv` without node and the script) and resolves its exit code. The
 * commands print with `console` and may set `process.exitCode`; for the run, `console` writes to
 * `io`'s streams and the exit code is read back and restored, so one process can run many
 * commands, one at a time. `start`, `web` and `worker` resolve once serving.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const saved = { console: globalThis.console, exitCode: process.exitCode };
  if (io.stdout !== process.stdout || io.stderr !== process.stderr)
    globalThis.console = new Console({ stdout: io.stdout, stderr: io.stderr });
  process.exitCode = undefined;
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (err) {
    return exitCodeOf(err);
  } finally {
    globalThis.console = saved.console;
    process.exitCode = saved.exitCode;
  }
}
