/**
 * onramp admin offers list|add|set|retire|reinstate: the offer catalogue from the shell. Each
 * prints JSON (the list, or the offer as it now is) and is audited as "Onramp CLI". Bad input
 * exits 4 (INVALID_INPUT), an unknown code 1 (NOT_FOUND), like every command (cli/main.ts).
 */
import type { Command } from 'commander';
import { z } from 'zod';

import { systemClock } from '../app/deps.js';
import { addOffer, addOfferSchema } from '../app/orders/add-offer.js';
import { changeOffer, type ChangeOfferInput, changeOfferSchema } from '../app/orders/change-offer.js';
import { listOffers, offerCodeSchema } from '../app/orders/list-offers.js';
import { invalidInput } from '../domain/errors.js';
import { appDepsOf } from '../main.js';
import type { WithDatabase } from './with-database.js';

/** Option names as typed, for the issue paths the operator reads. */
const OPTION: Record<string, string> = { code: '--code', name: '--name', policyDays: '--policy-days' };

/** Validates with the API's schema; a problem is INVALID_INPUT naming the option. */
function valid<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalidInput(
    parsed.error.issues.map((i) => ({
      path: OPTION[String(i.path[0])] ?? String(i.path[0] ?? ''),
      message: i.message,
    })),
  );
}

/** "10" -> 10; anything else stays a string for the schema to refuse by name. */
const days = (v: string | undefined) => (v !== undefined && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v);

const code = (raw: string) => valid(z.object({ code: offerCodeSchema }), { code: raw }).code;

const print = (value: unknown) => console.log(JSON.stringify(value));

export function registerOfferCommands(admin: Command, withDatabase: WithDatabase): void {
  const offers = admin
    .command('offers')
    .description(
      'the offer catalogue: codes, names, policy periods; retire offers new orders may no longer use',
    );

  offers
    .command('list')
    .description('every offer as a JSON array')
    .action(() =>
      withDatabase(async ({ store, cfg }) =>
        print(await listOffers(appDepsOf(cfg, store, systemClock), 'cli')),
      ),
    );

  offers
    .command('add')
    .description('add an active offer')
    .requiredOption('--code <code>', 'e.g. MEET-PRO (capital letters, digits, dashes)')
    .requiredOption('--name <name>', 'e.g. "Meetings Pro"')
    .requiredOption(
      '--policy-days <days>',
      'days after the first e-mail until an unprovisioned line closes (1-365)',
    )
    .action((opts: { code: string; name: string; policyDays: string }) =>
      withDatabase(async ({ store, cfg }) => {
        const input = valid(addOfferSchema, { ...opts, policyDays: days(opts.policyDays) });
        print(await addOffer(appDepsOf(cfg, store, systemClock), 'cli', input));
      }),
    );

  offers
    .command('set')
    .description("change an offer's name or policy period (lines already ordered keep theirs)")
    .requiredOption('--code <code>', 'the offer')
    .option('--name <name>', 'the new name')
    .option('--policy-days <days>', 'the new policy period for lines ordered from now on (1-365)')
    .action((opts: { code: string; name?: string; policyDays?: string }) =>
      withDatabase(async ({ store, cfg }) => {
        const input: ChangeOfferInput = valid(changeOfferSchema, {
          ...(opts.name !== undefined ? { name: opts.name } : {}),
          ...(opts.policyDays !== undefined ? { policyDays: days(opts.policyDays) } : {}),
        });
        print(await changeOffer(appDepsOf(cfg, store, systemClock), 'cli', code(opts.code), input));
      }),
    );

  for (const [name, active, description] of [
    ['retire', false, 'refuse new orders with an offer (existing lines are untouched)'],
    ['reinstate', true, 'accept new orders with a retired offer again'],
  ] as const)
    offers
      .command(name)
      .description(description)
      .requiredOption('--code <code>', 'the offer')
      .action((opts: { code: string }) =>
        withDatabase(async ({ store, cfg }) =>
          print(await changeOffer(appDepsOf(cfg, store, systemClock), 'cli', code(opts.code), { active })),
        ),
      );
}
