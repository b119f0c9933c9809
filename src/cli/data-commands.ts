/**
 * `onramp import orders`, `onramp resend`, `onramp export subscriptions`: operator commands that
 * work on the database directly (embedded mode: only while no server holds the data folder).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

import { Presets, SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';

import { systemClock } from '../app/deps.js';
import { findActorByEmail } from '../app/identity/find-actor-by-email.js';
import { resendProvisioningEmail } from '../app/lines/resend-provisioning-email.js';
import { exportSubscriptions } from '../app/orders/export-subscriptions.js';
import { importOrders, type ImportReport } from '../app/orders/import-orders.js';
import { invalidInput } from '../domain/errors.js';
import { type Actor, LINE_STATUSES, type LineStatus } from '../domain/types.js';
import { appDepsOf } from '../main.js';
import type { Store } from '../store/open-store.js';
import type { WithDatabase } from './with-database.js';

/** Orders at or above this many show a progress bar (on a terminal). */
const PROGRESS_FROM = 200;

function statusList(value: string): LineStatus[] {
  const statuses = value.split(',').map((s) => s.trim());
  const bad = statuses.filter((s) => !(LINE_STATUSES as readonly string[]).includes(s));
  if (bad.length > 0)
    throw new InvalidArgumentError(`unknown status ${bad.join(', ')}; use ${LINE_STATUSES.join(', ')}`);
  return statuses as LineStatus[];
}

async function actorOf(store: Store, email: string): Promise<Actor> {
  const actor = await findActorByEmail({ db: store.db }, email);
  if (!actor) throw invalidInput('--as', `no user with e-mail ${email}`);
  return actor;
}

function printReport(file: string, report: ImportReport, partial: boolean): void {
  for (const e of report.errors)
    console.error(`${file}:${e.line}: ${e.webOrderId ?? '?'}: ${e.field}: ${e.message}`);
  const { imported } = report;
  if (report.errors.length > 0 && !partial)
    console.error(
      `${report.errors.length} problem(s) found; nothing imported (use --partial to import the good orders)`,
    );
  console.log(
    JSON.stringify({ orders: report.orders, lines: report.lines, imported, errors: report.errors.length }),
  );
}

export function registerDataCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command('import')
    .description('import data from a file')
    .command('orders')
    .description(
      'import orders from CSV (one row per line; rows with the same webOrderId form one order) or JSON (an array of API order bodies); all-or-nothing unless --partial',
    )
    .argument('<file>', 'a .csv or .json file')
    .requiredOption('--as <email>', 'the partner user who places the orders')
    .option('--partial', 'import every order whose rows are all valid, and report the others')
    .addOption(
      new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'json']),
    )
    .action((file: string, opts: { as: string; partial?: boolean; format?: 'csv' | 'json' }) =>
      withDatabase(async ({ store, cfg }) => {
        const format = opts.format ?? (extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (e) {
          throw invalidInput(file, (e as Error).message);
        }
        const actor = await actorOf(store, opts.as);
        let bar: SingleBar | null = null;
        const report = await importOrders(appDepsOf(cfg, store, systemClock), actor, text, {
          format,
          partial: opts.partial ?? false,
          onProgress: (done, total) => {
            if (!bar && total >= PROGRESS_FROM && process.stderr.isTTY) {
              bar = new SingleBar({ stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
              bar.start(total, 0);
            }
            bar?.update(done);
            if (done === total) bar?.stop();
          },
        });
        printReport(file, report, opts.partial ?? false);
        if (report.errors.length > 0) process.exitCode = 4;
      }),
    );

  program
    .command('resend')
    .description('resend the provisioning e-mail of a subscription line, as a user who may')
    .argument('<subscriptionId>', 'e.g. Sub100000001')
    .requiredOption('--as <email>', 'the user on whose behalf the e-mail is resent')
    .action((subscriptionId: string, opts: { as: string }) =>
      withDatabase(async ({ store, cfg }) => {
        const actor = await actorOf(store, opts.as);
        const queued = await resendProvisioningEmail(appDepsOf(cfg, store, systemClock), actor, {
          subscriptionId,
        });
        console.log(JSON.stringify(queued));
      }),
    );

  program
    .command('export')
    .description('export data as CSV to standard output')
    .command('subscriptions')
    .description('every subscription line (optionally of some statuses) as CSV')
    .option('--status <statuses>', `comma-separated: ${LINE_STATUSES.join(', ')}`, statusList, [])
    .option('--pending', 'only lines flagged "provisioning still pending"')
    .action((opts: { status: LineStatus[]; pending?: boolean }) =>
      withDatabase(async ({ store, out }) => {
        for await (const chunk of exportSubscriptions(
          { db: store.db },
          { statuses: opts.status, pendingOnly: opts.pending ?? false },
        ))
          out.write(chunk);
      }),
    );
}
