/** Add an offer to the catalogue (operators only): active at once, with its policy period. */
import { z } from 'zod';

import { AppError } from '../../domain/errors.js';
import { appendAudit } from '../../store/audit-repository.js';
import { findOffer, insertOffer } from '../../store/offer-repository.js';
import type { AppDeps } from '../deps.js';
import {
  authorizeOfferEditor,
  offerCodeSchema,
  type OfferEditor,
  offerNameSchema,
  type OfferView,
  policyDaysSchema,
  refuseLongerThanSetupLink,
} from './list-offers.js';

export const addOfferSchema = z.object({
  code: offerCodeSchema,
  name: offerNameSchema,
  policyDays: policyDaysSchema,
});
export type AddOfferInput = z.infer<typeof addOfferSchema>;

const UNIQUE_VIOLATION = '23505';

export async function addOffer(deps: AppDeps, by: OfferEditor, input: AddOfferInput): Promise<OfferView> {
  const auditActor = authorizeOfferEditor(by);
  refuseLongerThanSetupLink(deps, input.policyDays);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      if (await findOffer(trx, input.code)) throw new AppError('ALREADY_EXISTS', { what: 'offer' });
      await insertOffer(trx, { ...input, now });
      const offer: OfferView = { ...input, active: true };
      await appendAudit(trx, now, auditActor, [
        { action: 'offer.added', data: { code: input.code, before: null, after: offer } },
      ]);
      return offer;
    });
  } catch (e) {
    // Added by someone else between the check and the insert.
    if ((e as { code?: string }).code === UNIQUE_VIOLATION)
      throw new AppError('ALREADY_EXISTS', { what: 'offer' });
    throw e;
  }
}
