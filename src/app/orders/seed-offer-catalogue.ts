/**
 * Seeds the offer catalogue's policy periods from the POLICY_* settings, once: run at every start
 * (right after the migrations), it only fills what is still empty. Offers without a period get
 * the configured one (or the default), then lines without a period get their offer's. An
 * operator's later change is never overwritten by the environment; one transaction, so two
 * processes starting together seed once (the second finds nothing left).
 */
import type { Kysely } from 'kysely';

import { type Policy, policyDaysFor } from '../../domain/policy.js';
import { appendAudit, SYSTEM_ACTOR } from '../../store/audit-repository.js';
import { seedLinePolicyDays, setOfferPolicyDays, unseededOfferCodes } from '../../store/offer-repository.js';
import type { Database } from '../../store/schema.js';

export interface SeedReport {
  /** The offers that got a period, with it. */
  offers: { code: string; policyDays: number }[];
  /** How many lines got their offer's period. */
  lines: number;
}

export async function seedOfferCatalogue(
  db: Kysely<Database>,
  policy: Pick<Policy, 'closeAfterDays' | 'defaultDays'>,
  now: Date,
): Promise<SeedReport> {
  return db.transaction().execute(async (trx) => {
    const offers = (await unseededOfferCodes(trx)).map((code) => ({
      code,
      policyDays: policyDaysFor(policy, code),
    }));
    await setOfferPolicyDays(trx, offers, now);
    const lines = await seedLinePolicyDays(trx);
    if (offers.length > 0 || lines > 0)
      await appendAudit(trx, now, SYSTEM_ACTOR, [{ action: 'offer.seeded', data: { offers, lines } }]);
    return { offers, lines };
  });
}
