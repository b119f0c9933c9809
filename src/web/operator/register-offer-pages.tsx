/**
 * The operator's offer catalogue (operators only; everyone else gets the refusal page):
 *   GET  /operator/offers                   the catalogue and the add form
 *   POST /operator/offers                   add, back to the catalogue (PRG)
 *   GET  /operator/offers/:code             one offer: name and policy period
 *   POST /operator/offers/:code             change them, back to the catalogue (PRG)
 *   POST /operator/offers/:code/retire      refuse new orders with it (PRG)
 *   POST /operator/offers/:code/reinstate   accept them again (PRG)
 */
import { z } from 'zod';

import { addOffer, addOfferSchema } from '../../app/orders/add-offer.js';
import { changeOffer } from '../../app/orders/change-offer.js';
import {
  authorizeOfferEditor,
  listOffers,
  offerCodeSchema,
  offerNameSchema,
  type OfferView,
  policyDaysSchema,
} from '../../app/orders/list-offers.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import type { WebApp, WebDeps } from '../web-env.js';
import { paramOf, signedIn, type WebContext } from '../workspace/workspace-support.js';
import {
  EMPTY_OFFER_FORM,
  offerEditPage,
  type OfferField,
  type OfferForm,
  type OfferNotice,
  OFFERS_PATH,
  offersPage,
  type OfferValues,
} from './offers-page.js';

/** The edit form sends both fields; the use case takes either. */
const editSchema = z.object({ name: offerNameSchema, policyDays: policyDaysSchema });

const FIELDS: OfferField[] = ['code', 'name', 'policyDays'];
const NOTICES = ['added', 'changed', 'retired', 'reinstated'] as const;

function valuesOf(body: Record<string, unknown>): OfferValues {
  const value = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim().slice(0, 200) : '');
  return { code: value('code'), name: value('name'), policyDays: value('policyDays') };
}

/** "30" -> 30; anything else stays text for the schema to refuse. */
const days = (v: string) => (/^\d{1,4}$/.test(v) ? Number(v) : v);

/** The schema's problems as the page words them, one per field. */
function fieldErrors(c: WebContext, issues: readonly { path: PropertyKey[] }[]): OfferForm['errors'] {
  const errors: OfferForm['errors'] = {};
  for (const issue of issues) {
    const field = issue.path[0] as OfferField;
    if (FIELDS.includes(field)) errors[field] ??= c.get('t')(`offers:error.${field}`);
  }
  return errors;
}

/** The use case's one refusal the schema cannot see: a period longer than a setup link lives. */
const tooLong = (c: WebContext, deps: WebDeps): OfferForm['errors'] => ({
  policyDays: c.get('t')('offers:error.longerThanLink', { days: deps.settings.setupLinkTtlDays }),
});

function noticeOf(c: WebContext): OfferNotice | undefined {
  for (const kind of NOTICES) {
    const code = c.req.query(kind);
    if (code && offerCodeSchema.safeParse(code).success) return { kind, code };
  }
  return undefined;
}

/** Operators only: every page of the catalogue starts here. */
async function catalogue(deps: WebDeps, user: Actor): Promise<OfferView[]> {
  authorizeOfferEditor(user);
  return listOffers(deps, user);
}

async function offerOf(deps: WebDeps, user: Actor, code: string): Promise<OfferView> {
  const offer = (await catalogue(deps, user)).find((o) => o.code === code);
  if (!offer) throw new AppError('NOT_FOUND');
  return offer;
}

const back = (kind: OfferNotice['kind'], code: string) =>
  `${OFFERS_PATH}?${kind}=${encodeURIComponent(code)}`;

export function registerOfferPages(app: WebApp, deps: WebDeps): void {
  app.get(
    OFFERS_PATH,
    signedIn(async (c, user) => {
      const notice = noticeOf(c);
      return offersPage(c, await catalogue(deps, user), notice ? { notice } : {});
    }),
  );

  app.post(
    OFFERS_PATH,
    signedIn(async (c, user) => {
      const offers = await catalogue(deps, user);
      const values = valuesOf(await c.req.parseBody());
      const parsed = addOfferSchema.safeParse({ ...values, policyDays: days(values.policyDays) });
      if (!parsed.success)
        return offersPage(c, offers, { form: { values, errors: fieldErrors(c, parsed.error.issues) } }, 400);
      try {
        const added = await addOffer(deps, user, parsed.data);
        return c.redirect(back('added', added.code), 303);
      } catch (e) {
        if (isAppError(e, 'INVALID_INPUT'))
          return offersPage(c, offers, { form: { values, errors: tooLong(c, deps) } }, 400);
        if (!(e instanceof AppError) || e.code !== 'ALREADY_EXISTS') throw e;
        const errors = { code: c.get('t')('offers:error.exists', { code: parsed.data.code }) };
        return offersPage(c, offers, { form: { ...EMPTY_OFFER_FORM, values, errors } }, 409);
      }
    }),
  );

  app.get(
    `${OFFERS_PATH}/:code`,
    signedIn(async (c, user) => offerEditPage(c, await offerOf(deps, user, paramOf(c, 'code')))),
  );

  app.post(
    `${OFFERS_PATH}/:code`,
    signedIn(async (c, user) => {
      const offer = await offerOf(deps, user, paramOf(c, 'code'));
      const values = { ...valuesOf(await c.req.parseBody()), code: offer.code };
      const parsed = editSchema.safeParse({ name: values.name, policyDays: days(values.policyDays) });
      if (!parsed.success)
        return offerEditPage(c, offer, { values, errors: fieldErrors(c, parsed.error.issues) }, 400);
      try {
        await changeOffer(deps, user, offer.code, parsed.data);
      } catch (e) {
        if (!isAppError(e, 'INVALID_INPUT')) throw e;
        return offerEditPage(c, offer, { values, errors: tooLong(c, deps) }, 400);
      }
      return c.redirect(back('changed', offer.code), 303);
    }),
  );

  for (const [action, active, kind] of [
    ['retire', false, 'retired'],
    ['reinstate', true, 'reinstated'],
  ] as const)
    app.post(
      `${OFFERS_PATH}/:code/${action}`,
      signedIn(async (c, user) => {
        const offer = await offerOf(deps, user, paramOf(c, 'code'));
        await changeOffer(deps, user, offer.code, { active });
        return c.redirect(back(kind, offer.code), 303);
      }),
    );
}
