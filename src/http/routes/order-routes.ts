/** /api/v1/orders: place, list, get. */
import { z } from '@hono/zod-openapi';

import { getOrder } from '../../app/orders/get-order.js';
import { listOrders, listOrdersSchema } from '../../app/orders/list-orders.js';
import { placeOrder, placeOrderSchema } from '../../app/orders/place-order.js';
import type { ApiApp, HttpDeps } from '../api-types.js';
import { changeRoute, created, readRoute } from '../define-route.js';
import { createdJson, json, jsonBody } from '../openapi-common.js';
import { orderDetailSchema, orderSummarySchema } from './line-schemas.js';

export function registerOrderRoutes(app: ApiApp, deps: HttpDeps): void {
  app.openapi(
    changeRoute({
      method: 'post',
      path: '/orders',
      operationId: 'placeOrder',
      tags: ['Orders'],
      summary: 'Place an order; every line starts Booked and is e-mailed on its RSD',
      description:
        'Validated in full before anything is written; a refusal writes nothing. Partner users and partner admins place orders.',
      request: { body: jsonBody(placeOrderSchema) },
      responses: {
        201: createdJson(
          z
            .object({ orderId: z.string(), webOrderId: z.string(), subscriptionIds: z.array(z.string()) })
            .openapi('PlacedOrder'),
          'Placed',
        ),
      },
    }),
    async (c) => {
      const placed = await placeOrder(deps, c.get('actor'), c.req.valid('json'));
      return created(c, `/orders/${placed.orderId}`, placed);
    },
  );

  app.openapi(
    readRoute({
      method: 'get',
      path: '/orders',
      operationId: 'listOrders',
      tags: ['Orders'],
      summary: 'List the orders the caller may see',
      description: 'Newest first, keyset-paginated: pass `nextCursor` back as `cursor` for the next page.',
      request: { query: listOrdersSchema },
      responses: {
        200: json(
          z.object({ items: z.array(orderSummarySchema), nextCursor: z.string().nullable() }),
          'A page of orders',
        ),
      },
    }),
    async (c) => c.json(await listOrders(deps, c.get('actor'), c.req.valid('query')), 200),
  );

  app.openapi(
    readRoute({
      method: 'get',
      path: '/orders/{orderId}',
      operationId: 'getOrder',
      tags: ['Orders'],
      summary: 'One order by id or web order id',
      description:
        'The order with every subscription line. A web order id is unique per partner and is looked up among the orders the caller may see (an ambiguous one is `INVALID_INPUT`: use the order id). Colleagues of the placer get `NO_ACCESS`; users of other organizations get `NOT_FOUND`, exactly as for a missing order.',
      request: {
        params: z.object({
          orderId: z
            .string()
            .min(1)
            .max(64)
            .openapi({ param: { name: 'orderId', in: 'path' } }),
        }),
      },
      responses: { 200: json(orderDetailSchema, 'The order') },
    }),
    async (c) => c.json(await getOrder(deps, c.get('actor'), c.req.valid('param').orderId), 200),
  );
}
