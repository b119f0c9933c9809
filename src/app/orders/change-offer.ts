/**
 * Change an offer (operators only): its name, its policy period, or retire / reinstate it.
 * A new period applies to lines ordered from now on: every line keeps the period it was ordered
 * with. Retiring refuses new orders with the offer and leaves existing lines alone. Each kind of
 * change is its own audit event, with the values before and after.
 */
import { z } from 'zod';

import { AppError } from '../../domain/errors.js';
import { appendAudit, type AuditEntry } from '../../store/audit-repository.js';
import { freezeUnseededLines, lockOffer, updateOffer } from '../../store/offer-repository.js';
import type { AppDeps } from '../deps.js';
import {
  authorizeOfferEditor,
  type OfferEditor,
  offerNameSchema,
  type OfferView,
  offerView,
  policyDaysSchema,
  refuseLongerThanSetupLink,
} from './list-offers.js';

export const changeOfferSchema = z.object({
  name: offerNameSchema.optional(),
  policyDays: policyDaysSchema.optional(),
  active: z.boolean({ error: 'must be true or false' }).optional(),
});
export type ChangeOfferInput = z.infer<typeof changeOfferSchema>;

export async function changeOffer(
  deps: AppDeps,
  by: OfferEditor,
  code: string,
  input: ChangeOfferInput,
): Promise<OfferView> {
  const auditActor = authorizeOfferEditor(by);
  if (input.policyDays !== undefined) refuseLongerThanSetupLink(deps, input.policyDays);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await lockOffer(trx, code);
    if (!row) throw new AppError('NOT_FOUND', { what: 'offer' });
    const before = offerView(row);
    const after: OfferView = {
      ...before,
      name: input.name ?? before.name,
      policyDays: input.policyDays ?? before.policyDays,
      active: input.active ?? before.active,
    };
    const entries: AuditEntry[] = [];
    if (after.name !== before.name || after.policyDays !== before.policyDays) {
      const pick = (o: OfferView) => ({ name: o.name, policyDays: o.policyDays });
      entries.push({ action: 'offer.changed', data: { code, before: pick(before), after: pick(after) } });
    }
    if (after.active !== before.active)
      entries.push({
        action: after.active ? 'offer.reinstated' : 'offer.retired',
        data: { code, before: { active: before.active }, after: { active: after.active } },
      });
    if (entries.length === 0) return before;
    if (after.policyDays !== before.policyDays) await freezeUnseededLines(trx, code, before.policyDays);
    await updateOffer(trx, code, {
      name: after.name,
      active: after.active,
      // an unseeded offer stays unseeded unless its period is what changes
      ...(row.policy_days !== null || after.policyDays !== before.policyDays
        ? { policy_days: after.policyDays }
        : {}),
      updated_at: now,
    });
    await appendAudit(trx, now, auditActor, entries);
    return after;
  });
}
