/** The offer catalogue: codes, names, policy periods, and whether new orders may use an offer. */
import { type Kysely, sql, type Transaction } from 'kysely';

import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface OfferRow {
  code: string;
  name: string;
  /** null only in a database that was migrated but never started (not yet seeded). */
  policy_days: number | null;
  active: boolean;
  updated_at: Date | null;
}

/** Every offer, active first, then by code. */
export async function listOffers(db: Db): Promise<OfferRow[]> {
  return db
    .selectFrom('offer')
    .select(['code', 'name', 'policy_days', 'active', 'updated_at'])
    .orderBy('active', 'desc')
    .orderBy('code')
    .execute();
}

export async function findOffer(db: Db, code: string): Promise<OfferRow | undefined> {
  return db
    .selectFrom('offer')
    .select(['code', 'name', 'policy_days', 'active', 'updated_at'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The names of these offers (those that exist), by code. */
export async function offerNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('offer').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((o) => [o.code, o.name]));
}

/** The offer locked for a change: orders being placed with it wait, and see the change. */
export async function lockOffer(trx: Transaction<Database>, code: string): Promise<OfferRow | undefined> {
  return trx
    .selectFrom('offer')
    .select(['code', 'name', 'policy_days', 'active', 'updated_at'])
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The offers an order uses, share-locked until the order commits: an operator retiring one of
 * them waits for the order (which was placed before the retirement), or the order sees it retired.
 */
export async function shareLockOffers(
  trx: Transaction<Database>,
  codes: readonly string[],
): Promise<Map<string, OfferRow>> {
  if (codes.length === 0) return new Map();
  const rows = await trx
    .selectFrom('offer')
    .select(['code', 'name', 'policy_days', 'active', 'updated_at'])
    .where('code', 'in', [...new Set(codes)])
    .orderBy('code')
    .forShare()
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

export async function insertOffer(
  trx: Transaction<Database>,
  offer: { code: string; name: string; policyDays: number; now: Date },
): Promise<void> {
  await trx
    .insertInto('offer')
    .values({
      code: offer.code,
      name: offer.name,
      policy_days: offer.policyDays,
      active: true,
      updated_at: offer.now,
    })
    .execute();
}

export async function updateOffer(
  trx: Transaction<Database>,
  code: string,
  values: { name?: string; policy_days?: number; active?: boolean; updated_at: Date },
): Promise<void> {
  await trx.updateTable('offer').set(values).where('code', '=', code).execute();
}

/**
 * Lines of this offer stored before any seeding get the period they were in fact running with,
 * so a change to the offer does not reach them (cheap: a partial index holds only such lines).
 */
export async function freezeUnseededLines(
  trx: Transaction<Database>,
  code: string,
  policyDays: number,
): Promise<void> {
  await trx
    .updateTable('subscription_line')
    .set({ policy_days: policyDays })
    .where('offer_code', '=', code)
    .where('policy_days', 'is', null)
    .execute();
}

/** Offers without a policy period yet. */
export async function unseededOfferCodes(trx: Transaction<Database>): Promise<string[]> {
  const rows = await trx
    .selectFrom('offer')
    .select('code')
    .where('policy_days', 'is', null)
    .forUpdate()
    .execute();
  return rows.map((r) => r.code);
}

export async function setOfferPolicyDays(
  trx: Transaction<Database>,
  periods: { code: string; policyDays: number }[],
  now: Date,
): Promise<void> {
  for (const p of periods)
    await trx
      .updateTable('offer')
      .set({ policy_days: p.policyDays, updated_at: now })
      .where('code', '=', p.code)
      .where('policy_days', 'is', null)
      .execute();
}

/** Every line without a period gets its offer's, in one statement; returns how many. */
export async function seedLinePolicyDays(trx: Transaction<Database>): Promise<number> {
  const result = await sql`
    update subscription_line l set policy_days = o.policy_days
    from offer o
    where l.offer_code = o.code and l.policy_days is null and o.policy_days is not null`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}
