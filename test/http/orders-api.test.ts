import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { messagesEn } from '../../src/i18n/locales/en/app.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import {
  type Api,
  apiOf,
  call,
  contact,
  type ErrorBody,
  orderBody,
  type PlacedReply,
  placeViaApi,
  refusal,
} from './api-harness.js';

const MINUTE = 60_000;

interface OrderDetailBody {
  orderId: string;
  webOrderId: string;
  endCustomerName: string;
  submittedAt: string;
  submittedBy: { name: string; email: string };
  partner: { id: string; name: string };
  distributor: { id: string; name: string } | null;
  lines: {
    subscriptionId: string;
    lineNo: number;
    offerCode: string;
    quantity: number;
    rsd: string;
    status: string;
    provisioningContact: { name: string; email: string; language: string };
    canResend: boolean;
  }[];
}

interface OrderPage {
  items: { orderId: string; webOrderId: string; lineCount: number; statuses: Record<string, number> }[];
  nextCursor: string | null;
}

describeEachStore('REST API: orders', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  describe('placing an order', () => {
    let placed: PlacedReply;
    let location: string | null;

    beforeAll(async () => {
      const reply = await call<PlacedReply>(api, w, 'POST', '/api/v1/orders', {
        body: orderBody('WO-HAPPY-1', {
          endCustomerName: 'Umbrella Logistica',
          rsd: '2026-12-05',
          distributorId: 'org_dist',
          lines: [
            {
              offerCode: 'MEET-PRO',
              quantity: 25,
              provisioningContact: contact('Irene Conti', 'irene@umbrella.example'),
            },
            {
              offerCode: 'A-FLEX',
              quantity: 3,
              rsd: '2026-12-20',
              provisioningContact: contact('Luca Fermi', 'luca@umbrella.example', 'it'),
            },
          ],
        }),
      });
      expect(reply.status).toBe(201);
      placed = reply.body;
      location = reply.headers.get('location');
    });

    it('answers 201 with Sub ids and a Location header', () => {
      expect(placed.webOrderId).toBe('WO-HAPPY-1');
      expect(placed.orderId).toMatch(/^ord_/);
      expect(placed.subscriptionIds).toHaveLength(2);
      for (const id of placed.subscriptionIds) expect(id).toMatch(/^Sub\d+$/);
      expect(new Set(placed.subscriptionIds).size).toBe(2);
      expect(location).toBe(`/api/v1/orders/${placed.orderId}`);
    });

    it('the Location serves the order with its Booked lines, each on its own RSD', async () => {
      const reply = await call<OrderDetailBody>(api, w, 'GET', location!);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        orderId: placed.orderId,
        webOrderId: 'WO-HAPPY-1',
        endCustomerName: 'Umbrella Logistica',
        submittedAt: '2026-12-01T09:00:00.000Z',
        submittedBy: { name: 'Alice Rossi', email: 'alice@acme.example' },
        partner: { id: 'org_acme', name: 'Acme Reseller' },
        distributor: { id: 'org_dist', name: 'Northwind Distribution' },
      });
      expect(reply.body.lines).toEqual([
        expect.objectContaining({
          subscriptionId: placed.subscriptionIds[0],
          lineNo: 1,
          offerCode: 'MEET-PRO',
          quantity: 25,
          rsd: '2026-12-05',
          status: 'booked',
          provisioningContact: { name: 'Irene Conti', email: 'irene@umbrella.example', language: 'en' },
          canResend: false,
        }),
        expect.objectContaining({
          subscriptionId: placed.subscriptionIds[1],
          lineNo: 2,
          offerCode: 'A-FLEX',
          quantity: 3,
          rsd: '2026-12-20',
          status: 'booked',
          provisioningContact: { name: 'Luca Fermi', email: 'luca@umbrella.example', language: 'it' },
        }),
      ]);
    });

    it('finds the same order by its web order id', async () => {
      const reply = await call<OrderDetailBody>(api, w, 'GET', '/api/v1/orders/WO-HAPPY-1');
      expect(reply.status).toBe(200);
      expect(reply.body.orderId).toBe(placed.orderId);
      expect(reply.body.lines.map((l) => l.subscriptionId)).toEqual(placed.subscriptionIds);
    });

    it('writes the lines due at their RSD and an audit trail', async () => {
      const lines = await w.store.db
        .selectFrom('subscription_line')
        .select(['subscription_id', 'status', 'next_action_at'])
        .where('order_id', '=', placed.orderId)
        .orderBy('line_no')
        .execute();
      expect(lines).toEqual([
        {
          subscription_id: placed.subscriptionIds[0],
          status: 'booked',
          next_action_at: new Date('2026-12-05T00:00:00Z'),
        },
        {
          subscription_id: placed.subscriptionIds[1],
          status: 'booked',
          next_action_at: new Date('2026-12-20T00:00:00Z'),
        },
      ]);
      const actions = await w.store.db
        .selectFrom('audit_event')
        .select(['action', 'actor_user_id'])
        .where('order_id', '=', placed.orderId)
        .orderBy('id')
        .execute();
      expect(actions).toEqual([
        { action: 'order.placed', actor_user_id: 'usr_alice' },
        { action: 'line.created', actor_user_id: 'usr_alice' },
        { action: 'line.created', actor_user_id: 'usr_alice' },
      ]);
    });

    it('the distributor on the order reads it; another partner and another distributor do not', async () => {
      expect((await call(api, w, 'GET', location!, { as: 'dana' })).status).toBe(200);
      for (const who of ['bob', 'dino'] as const) {
        const reply = await call<ErrorBody>(api, w, 'GET', location!, { as: who });
        expect(refusal(reply)).toEqual({ status: 404, code: 'NOT_FOUND', paths: [] });
        expect(reply.body.error).not.toHaveProperty('orderPlacedBy');
      }
    });

    it('an unknown order is 404 NOT_FOUND', async () => {
      const reply = await call<ErrorBody>(api, w, 'GET', '/api/v1/orders/WO-NOPE');
      expect(reply.status).toBe(404);
      expect(reply.body.error).toMatchObject({ code: 'NOT_FOUND', message: messagesEn.errors.NOT_FOUND });
    });
  });

  describe('listing orders', () => {
    const pageIds: string[] = [];
    let cancelledOrder: PlacedReply;
    let bookedOrder: PlacedReply;

    beforeAll(async () => {
      // Three orders in the same instant (ties broken by id), then two a minute apart.
      for (let i = 1; i <= 5; i++) {
        if (i > 3) w.clock.advance(MINUTE);
        const placed = await placeViaApi(
          api,
          w,
          orderBody(`PAGE-${i}`, { endCustomerName: 'Paginated SpA' }),
        );
        pageIds.push(placed.orderId);
      }
      cancelledOrder = await placeViaApi(
        api,
        w,
        orderBody('FILTER-1', { endCustomerName: 'Filterable Srl' }),
      );
      bookedOrder = await placeViaApi(api, w, orderBody('FILTER-2', { endCustomerName: 'Filterable Srl' }));
      const cancel = await call(
        api,
        w,
        'POST',
        `/api/v1/subscriptions/${cancelledOrder.subscriptionIds[0]}/cancel`,
      );
      expect(cancel.status).toBe(200);
    });

    it('walks every order exactly once, newest first, with limit and nextCursor', async () => {
      const seen: string[] = [];
      const pageSizes: number[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `q=PAGE-&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const reply = await call<OrderPage>(api, w, 'GET', `/api/v1/orders?${query}`);
        expect(reply.status).toBe(200);
        pageSizes.push(reply.body.items.length);
        seen.push(...reply.body.items.map((o) => o.orderId));
        cursor = reply.body.nextCursor;
      } while (cursor);
      expect(pageSizes).toEqual([2, 2, 1]);
      const sameInstant = pageIds.slice(0, 3).sort().reverse();
      expect(seen).toEqual([pageIds[4], pageIds[3], ...sameInstant]);
    });

    it('the last full page has no nextCursor', async () => {
      const reply = await call<OrderPage>(api, w, 'GET', '/api/v1/orders?q=PAGE-&limit=5');
      expect(reply.body.items).toHaveLength(5);
      expect(reply.body.nextCursor).toBeNull();
    });

    it('searches by web order id, end customer and subscription id, ignoring case', async () => {
      const ids = async (q: string) =>
        (await call<OrderPage>(api, w, 'GET', `/api/v1/orders?q=${encodeURIComponent(q)}`)).body.items
          .map((o) => o.webOrderId)
          .sort();
      expect(await ids('page-3')).toEqual(['PAGE-3']);
      expect(await ids('filterable')).toEqual(['FILTER-1', 'FILTER-2']);
      expect(await ids(bookedOrder.subscriptionIds[0]!.toLowerCase())).toEqual(['FILTER-2']);
      expect(await ids('no such thing')).toEqual([]);
    });

    it('filters by the status of any line', async () => {
      const cancelled = await call<OrderPage>(api, w, 'GET', '/api/v1/orders?status=cancelled');
      expect(cancelled.body.items.map((o) => o.webOrderId)).toEqual(['FILTER-1']);
      expect(cancelled.body.items[0]).toMatchObject({ lineCount: 1, statuses: { cancelled: 1 } });
      const booked = await call<OrderPage>(api, w, 'GET', '/api/v1/orders?status=booked&q=filterable');
      expect(booked.body.items.map((o) => o.webOrderId)).toEqual(['FILTER-2']);
    });

    it('shows a partner user only the orders they placed', async () => {
      const reply = await call<OrderPage>(api, w, 'GET', '/api/v1/orders?q=PAGE-', { as: 'bob' });
      expect(reply.status).toBe(200);
      expect(reply.body.items).toEqual([]);
      const admin = await call<OrderPage>(api, w, 'GET', '/api/v1/orders?q=PAGE-', { as: 'paola' });
      expect(admin.body.items).toHaveLength(5);
    });

    it.each([
      ['a cursor that is not base64 JSON', 'cursor=not-a-cursor', 'cursor'],
      ['a cursor of the wrong shape', `cursor=${Buffer.from('[1]').toString('base64url')}`, 'cursor'],
      ['an unknown status', 'status=shipped', 'status'],
      ['a limit over the maximum', 'limit=1000', 'limit'],
    ])('refuses %s with 400 INVALID_INPUT', async (_what, query, path) => {
      const reply = await call<ErrorBody>(api, w, 'GET', `/api/v1/orders?${query}`);
      expect(refusal(reply)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: [path] });
      expect(reply.body.error.message).toBe(messagesEn.errors.INVALID_INPUT);
    });
  });
});
