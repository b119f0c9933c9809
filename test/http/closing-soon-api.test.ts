/**
 * What needs a partner's attention, through the API: `closesAt` on lines, the
 * `closingWithinDays` filter and `sort=closesAt`, and `deliveryProblem` after a delivery report
 * (recorded through recordEmailEvent, as the mail provider's webhook does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { recordEmailEvent } from '../../src/app/lines/record-email-event.js';
import { runDue } from '../../src/jobs/run-due.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type UserKey, type World } from '../support/world.js';
import {
  type Api,
  apiOf,
  call,
  contact,
  type ErrorBody,
  orderBody,
  placeViaApi,
  refusal,
} from './api-harness.js';

interface Line {
  subscriptionId: string;
  closesAt: string | null;
  deliveryProblem: boolean;
  undeliveredEmail: { to: string; status: string } | null;
}
interface Page {
  items: Line[];
  nextCursor: string | null;
}
interface Detail extends Line {
  firstEmailAt: string | null;
  sends: { sendId: string; status: string }[];
}

const DAY_MS = 86_400_000;
const IRENE = contact('Irene Conti', 'irene@initech.example');
const PIETRO = contact('Pietro Neri', 'pietro@initech.example');

describeEachStore('REST API: closing soon and delivery problems', (kind) => {
  let w: World;
  let api: Api;
  /** alice's order, RSD 1 December: an A-FLEX line (7 days) for Irene, a MEET-PRO line (30) for Pietro. */
  let flex: string;
  let meet: string;
  let orderId: string;
  /** alice's line with RSD 20 December: Booked, so it does not close yet. */
  let booked: string;
  /** bob's A-FLEX line (another partner). */
  let bobFlex: string;

  const list = async (query: string, as: UserKey = 'alice') => {
    const reply = await call<Page>(api, w, 'GET', `/api/v1/subscriptions?${query}`, { as });
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const idsOf = async (query: string, as: UserKey = 'alice') =>
    (await list(query, as)).items.map((i) => i.subscriptionId);
  const detail = async (id: string) =>
    (await call<Detail>(api, w, 'GET', `/api/v1/subscriptions/${id}`)).body;

  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
    const a = await placeViaApi(
      api,
      w,
      orderBody('WO-CLOSE-A', {
        lines: [
          { offerCode: 'A-FLEX', quantity: 2, provisioningContact: IRENE },
          { offerCode: 'MEET-PRO', quantity: 2, provisioningContact: PIETRO },
        ],
      }),
    );
    [flex, meet] = a.subscriptionIds as [string, string];
    orderId = a.orderId;
    const b = await placeViaApi(
      api,
      w,
      orderBody('WO-CLOSE-B', {
        rsd: '2026-12-20',
        lines: [{ offerCode: 'A-FLEX', quantity: 1, provisioningContact: IRENE }],
      }),
    );
    booked = b.subscriptionIds[0]!;
    const c = await placeViaApi(
      api,
      w,
      orderBody('WO-CLOSE-C', { lines: [{ offerCode: 'A-FLEX', quantity: 1, provisioningContact: IRENE }] }),
      'bob',
    );
    bobFlex = c.subscriptionIds[0]!;
    await runDue(w.deps); // 1 Dec 09:00: the RSD e-mails of A and C
    w.clock.set('2026-12-03T09:00:00.000Z');
  });
  afterAll(() => w.close());

  describe('closesAt', () => {
    it('is the first e-mail plus the policy period on an open line, null on a Booked one', async () => {
      const f = await detail(flex);
      const m = await detail(meet);
      expect(f.closesAt).toBe(new Date(Date.parse(f.firstEmailAt!) + 7 * DAY_MS).toISOString());
      expect(m.closesAt).toBe(new Date(Date.parse(m.firstEmailAt!) + 30 * DAY_MS).toISOString());
      expect((await detail(booked)).closesAt).toBeNull();
      const listed = await list(`orderId=${orderId}`);
      expect(listed.items.map((i) => [i.subscriptionId, i.closesAt])).toEqual(
        expect.arrayContaining([
          [flex, f.closesAt],
          [meet, m.closesAt],
        ]),
      );
    });
  });

  describe('closingWithinDays', () => {
    it('keeps the open lines that close within N days of now, of this partner only', async () => {
      // 3 December: the A-FLEX line closes on 8 December, the MEET-PRO line on 31 December.
      expect(await idsOf('closingWithinDays=3')).toEqual([]);
      expect(await idsOf('closingWithinDays=7')).toEqual([flex]);
      expect(await idsOf('closingWithinDays=30&sort=closesAt')).toEqual([flex, meet]);
      expect(await idsOf('closingWithinDays=7', 'bob')).toEqual([bobFlex]);
    });

    it('follows the clock: on 6 December the A-FLEX line closes within 3 days', async () => {
      w.clock.set('2026-12-06T09:00:00.000Z');
      expect(await idsOf('closingWithinDays=3')).toEqual([flex]);
      w.clock.set('2026-12-03T09:00:00.000Z');
    });

    it.each([['0'], ['91'], ['3.5'], ['soon']])('closingWithinDays=%s → 400 INVALID_INPUT', async (n) => {
      const reply = await call<ErrorBody>(api, w, 'GET', `/api/v1/subscriptions?closingWithinDays=${n}`);
      expect(refusal(reply)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['closingWithinDays'] });
    });
  });

  describe('sort=closesAt', () => {
    it('lists the soonest close first and the lines that do not close last, page by page', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await list(`sort=closesAt&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((i) => i.subscriptionId));
        cursor = page.nextCursor;
      } while (cursor && seen.length < 10);
      expect(seen).toEqual([flex, meet, booked]);
    });
  });

  describe('deliveryProblem', () => {
    it('flags the line whose newest e-mail bounced, in the list, the detail and the order', async () => {
      expect(await idsOf('deliveryProblem=true')).toEqual([]);
      const send = (await detail(meet)).sends.at(-1)!;
      await recordEmailEvent(w.deps, { type: 'bounced', ref: { sendId: send.sendId }, detail: '550 5.1.1' });

      expect(await idsOf('deliveryProblem=true')).toEqual([meet]);
      expect(await idsOf('deliveryProblem=false&sort=closesAt')).toEqual([flex, booked]);
      expect(await idsOf('deliveryProblem=true', 'bob')).toEqual([]);
      const m = await detail(meet);
      expect(m.deliveryProblem).toBe(true);
      expect(m.undeliveredEmail).toEqual({ to: 'pietro@initech.example', status: 'bounced' });
      expect((await detail(flex)).deliveryProblem).toBe(false);
      const order = await call<{ lines: Line[] }>(api, w, 'GET', `/api/v1/orders/${orderId}`);
      expect(order.body.lines.map((l) => [l.subscriptionId, l.deliveryProblem])).toEqual([
        [flex, false],
        [meet, true],
      ]);
      // The Orders list: how many lines have a problem, and the soonest close of the order.
      const orders = await call<{
        items: { orderId: string; closesAt: string | null; deliveryProblems: number }[];
      }>(api, w, 'GET', '/api/v1/orders');
      expect(orders.body.items.map((o) => [o.orderId, o.deliveryProblems, o.closesAt])).toEqual(
        expect.arrayContaining([[orderId, 1, (await detail(flex)).closesAt]]),
      );
      expect(orders.body.items.filter((o) => o.orderId !== orderId)).toEqual([
        expect.objectContaining({ deliveryProblems: 0, closesAt: null }),
      ]);
    });

    it('a resend clears it until that e-mail fails too', async () => {
      expect((await call(api, w, 'POST', `/api/v1/subscriptions/${meet}/resend`)).status).toBe(202);
      expect(await idsOf('deliveryProblem=true')).toEqual([]);
      const send = (await detail(meet)).sends.at(-1)!;
      expect(send.status).toBe('queued');
      await recordEmailEvent(w.deps, { type: 'failed', ref: { sendId: send.sendId } });
      expect(await idsOf('deliveryProblem=true')).toEqual([meet]);
      expect((await detail(meet)).undeliveredEmail).toEqual({
        to: 'pietro@initech.example',
        status: 'failed',
      });
    });

    it('deliveryProblem=yes → 400 INVALID_INPUT', async () => {
      const reply = await call<ErrorBody>(api, w, 'GET', '/api/v1/subscriptions?deliveryProblem=yes');
      expect(refusal(reply)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['deliveryProblem'] });
    });
  });
});
