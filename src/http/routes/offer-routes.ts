/**
 * /api/v1/offers: the offer catalogue. Every signed-in user reads it (customer admins too: its
 * codes are on their lines); operators add offers, change a name or policy period, and retire or
 * reinstate one. Everyone else gets NO_ACCESS { area: 'operator' }.
 */
import { z } from '@hono/zod-openapi';

import { addOffer, addOfferSchema } from '../../app/orders/add-offer.js';
import { changeOffer, changeOfferSchema } from '../../app/orders/change-offer.js';
import {
  listOffers,
  OFFER_CODE_PATTERN,
  OFFER_CODE_RULE,
  type OfferView,
} from '../../app/orders/list-offers.js';
import type { ApiApp, HttpDeps } from '../api-types.js';
import { changeRoute, created, readRoute } from '../define-route.js';
import { createdJson, json, jsonBody, jsonList, pathIdParam } from '../openapi-common.js';

const offerSchema = z
  .object({
    code: z.string().openapi({ example: 'MEET-PRO' }),
    name: z.string().openapi({ example: 'Meetings Pro' }),
    policyDays: z.number().int().openapi({
      description:
        'Days after the first provisioning e-mail until an unprovisioned line closes; a line keeps the period its offer had when it was ordered.',
      example: 30,
    }),
    active: z.boolean().openapi({ description: 'False: retired; new orders with this offer are refused.' }),
  })
  .openapi('Offer');

const codeParam = pathIdParam('code', OFFER_CODE_PATTERN, OFFER_CODE_RULE, 'MEET-PRO');

/** Exactly the contract's fields. */
const body = (o: OfferView) => ({ code: o.code, name: o.name, policyDays: o.policyDays, active: o.active });

export function registerOfferRoutes(app: ApiApp, deps: HttpDeps): void {
  app.openapi(
    readRoute({
      method: 'get',
      path: '/offers',
      operationId: 'listOffers',
      tags: ['Offers'],
      summary: 'The offer catalogue',
      description: 'Every offer, active ones first, with its policy period. Any signed-in user.',
      responses: { 200: jsonList(offerSchema, 'The offers') },
    }),
    async (c) => c.json({ items: (await listOffers(deps, c.get('actor'))).map(body) }, 200),
  );

  app.openapi(
    changeRoute({
      method: 'post',
      path: '/offers',
      operationId: 'addOffer',
      tags: ['Offers'],
      summary: 'Add an offer (operators)',
      description:
        'The code is 2 to 32 capital letters, digits or dashes; the policy period 1 to 365 days, and no longer than a setup link lives (SETUP_LINK_TTL_DAYS). A code already in the catalogue (active or retired) is ALREADY_EXISTS.',
      request: { body: jsonBody(addOfferSchema) },
      responses: { 201: createdJson(offerSchema, 'Added') },
    }),
    async (c) => {
      const offer = await addOffer(deps, c.get('actor'), c.req.valid('json'));
      return created(c, `/offers/${offer.code}`, body(offer));
    },
  );

  app.openapi(
    changeRoute({
      method: 'patch',
      path: '/offers/{code}',
      operationId: 'changeOffer',
      tags: ['Offers'],
      summary: 'Rename an offer, change its policy period, retire or reinstate it (operators)',
      description:
        'A new policy period applies to lines ordered from now on; existing lines keep theirs. `active: false` retires the offer: new orders with it are refused (INVALID_INPUT naming the offer), existing lines are untouched.',
      request: { params: codeParam, body: jsonBody(changeOfferSchema) },
      responses: { 200: json(offerSchema, 'The offer as changed') },
    }),
    async (c) =>
      c.json(
        body(await changeOffer(deps, c.get('actor'), c.req.valid('param').code, c.req.valid('json'))),
        200,
      ),
  );
}
