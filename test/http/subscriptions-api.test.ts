import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
  type OrderLineBody,
  placeViaApi,
  refusal,
} from './api-harness.js';

interface SubscriptionPage {
  items: {
    subscriptionId: string;
    partnerId: string;
    offerCode: string;
    offerName: string;
    status: string;
    pendingProvisioning: boolean;
    mapped: boolean;
  }[];
  nextCursor: string | null;
}

interface SubscriptionDetailBody {
  subscriptionId: string;
  status: string;
  pendingProvisioning: boolean;
  canResend: boolean;
  canChangeContact: boolean;
  adminPortalUrl: string | null;
  firstEmailAt: string | null;
  nextActionAt: string | null;
  sends: { reason: string; requestedBy: string; to: string; status: string; createdAt: string }[];
  timeline: { at: string; action: string; actor: string; data: Record<string, unknown> }[];
}

const IRENE = contact('Irene Conti', 'irene@initech.example');
const line = (offerCode: string): OrderLineBody => ({ offerCode, quantity: 4, provisioningContact: IRENE });

describeEachStore('REST API: subscription lines', (kind) => {
  let w: World;
  let api: Api;
  /** alice's order: an A-FLEX line and a MEET-PRO line, RSD 1 December. */
  let aliceFlex: string;
  let aliceMeet: string;
  /** alice's A-FLEX line with RSD 3 December: its 7 days are not over on 8 December. */
  let aliceLateFlex: string;
  let aliceCancelled: string;
  /** bob's A-FLEX line (another partner, distributor org_dist on the order). */
  let bobFlex: string;
  let aliceWebOrderId: string;

  const list = async (query: string, as: UserKey = 'alice') => {
    const reply = await call<SubscriptionPage>(api, w, 'GET', `/api/v1/subscriptions?${query}`, { as });
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const idsOf = async (query: string, as: UserKey = 'alice') =>
    (await list(query, as)).items.map((i) => i.subscriptionId);

  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
    const a = await placeViaApi(
      api,
      w,
      orderBody('WO-LIST-A', { lines: [line('A-FLEX'), line('MEET-PRO')] }),
    );
    [aliceFlex, aliceMeet] = a.subscriptionIds as [string, string];
    aliceWebOrderId = a.webOrderId;
    const b = await placeViaApi(
      api,
      w,
      orderBody('WO-LIST-B', { distributorId: 'org_dist', lines: [line('A-FLEX')] }),
      'bob',
    );
    bobFlex = b.subscriptionIds[0]!;
    const c = await placeViaApi(
      api,
      w,
      orderBody('WO-LIST-C', { rsd: '2026-12-03', lines: [line('A-FLEX')] }),
    );
    aliceLateFlex = c.subscriptionIds[0]!;
    const d = await placeViaApi(api, w, orderBody('WO-LIST-D', { lines: [line('A-FLEX')] }));
    aliceCancelled = d.subscriptionIds[0]!;
    expect((await call(api, w, 'POST', `/api/v1/subscriptions/${aliceCancelled}/cancel`)).status).toBe(200);

    await runDue(w.deps); // 1 Dec 09:00: RSD e-mails of A and B
    w.clock.set('2026-12-03T09:00:00.000Z');
    await runDue(w.deps); // C's RSD e-mail
    w.clock.set('2026-12-08T09:00:00.000Z');
    expect(await runDue(w.deps)).toEqual({ dispatched: 0, reminders: 1, closed: 2 });
  });
  afterAll(() => w.close());

  describe('status=closed&pendingProvisioning=true', () => {
    it('finds the A-FLEX lines closed 7 days after their first e-mail, and no other line', async () => {
      const page = await list('status=closed&pendingProvisioning=true');
      expect(page.items).toEqual([
        expect.objectContaining({
          subscriptionId: aliceFlex,
          partnerId: 'org_acme',
          offerCode: 'A-FLEX',
          offerName: 'Active Flex',
          status: 'closed',
          pendingProvisioning: true,
          mapped: false,
        }),
      ]);
      expect(page.nextCursor).toBeNull();
    });

    it('a partner only finds its own closed lines; support finds every partner’s', async () => {
      expect(await idsOf('status=closed&pendingProvisioning=true', 'bob')).toEqual([bobFlex]);
      expect(await idsOf('status=closed&pendingProvisioning=true', 'brenda')).toEqual([bobFlex]);
      expect(await idsOf('status=closed&pendingProvisioning=true', 'paola')).toEqual([aliceFlex]);
      // Same creation instant: newest subscription id first.
      expect(await idsOf('status=closed&pendingProvisioning=true', 'sam')).toEqual([bobFlex, aliceFlex]);
    });

    it('the lines still inside their period, and cancelled lines, are elsewhere', async () => {
      expect(await idsOf('status=awaiting_provisioning_details')).toEqual([aliceLateFlex, aliceMeet]);
      expect(await idsOf('status=cancelled')).toEqual([aliceCancelled]);
      expect(await idsOf('pendingProvisioning=false')).toEqual([aliceCancelled, aliceLateFlex, aliceMeet]);
    });
  });

  describe('tenant isolation', () => {
    const aliceLines = () => [aliceFlex, aliceMeet, aliceLateFlex, aliceCancelled];

    it('a partner never sees another partner’s lines, whatever it filters on', async () => {
      const everything = await list('', 'bob');
      expect(everything.items.map((i) => i.subscriptionId)).toEqual([bobFlex]);
      expect(everything.items.every((i) => i.partnerId === 'org_bright')).toBe(true);
      for (const query of [
        'partnerId=org_acme',
        `q=${aliceFlex}`,
        `webOrderId=${aliceWebOrderId}`,
        'q=wo-list-a',
        'status=awaiting_provisioning_details',
      ]) {
        expect({ query, ids: await idsOf(query, 'brenda') }).toEqual({ query, ids: [] });
      }
      // Both partners sold to Initech: each finds only its own line.
      expect(await idsOf('q=initech', 'brenda')).toEqual([bobFlex]);
      expect(await idsOf('', 'paola')).toEqual([...aliceLines()].sort().reverse());
    });

    it('a distributor sees the lines of orders it is on, and only those', async () => {
      expect(await idsOf('', 'dana')).toEqual([bobFlex]);
      expect(await idsOf('', 'dino')).toEqual([]);
    });

    it('another partner cannot open a line directly either', async () => {
      const reply = await call<ErrorBody>(api, w, 'GET', `/api/v1/subscriptions/${aliceFlex}`, { as: 'bob' });
      expect(refusal(reply)).toEqual({ status: 404, code: 'NOT_FOUND', paths: [] });
      expect(reply.body.error).not.toHaveProperty('orderPlacedBy');
    });
  });

  it('keyset pagination walks every line once, in the unpaged order', async () => {
    const all = await idsOf('limit=200', 'sam');
    expect(all).toHaveLength(5);
    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: SubscriptionPage = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`, 'sam');
      walked.push(...page.items.map((i) => i.subscriptionId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(walked).toEqual(all);
  });

  it.each([
    ['a bad cursor', 'cursor=%%%', 'cursor'],
    ['a pending flag that is not true/false', 'pendingProvisioning=yes', 'pendingProvisioning'],
    ['an unknown status', 'status=open', 'status'],
  ])('%s → 400 INVALID_INPUT', async (_what, query, path) => {
    const reply = await call<ErrorBody>(api, w, 'GET', `/api/v1/subscriptions?${query}`);
    expect(refusal(reply)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: [path] });
  });

  describe('GET /subscriptions/{id}', () => {
    it('shows the closed line with its sends and timeline, still resendable', async () => {
      const reply = await call<SubscriptionDetailBody>(api, w, 'GET', `/api/v1/subscriptions/${aliceFlex}`);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        subscriptionId: aliceFlex,
        status: 'closed',
        pendingProvisioning: true,
        canResend: true,
        canChangeContact: true,
        adminPortalUrl: null,
        firstEmailAt: '2026-12-01T09:00:00.000Z',
        nextActionAt: null,
      });
      expect(reply.body.sends).toEqual([
        expect.objectContaining({
          reason: 'rsd',
          requestedBy: 'Onramp',
          to: 'irene@initech.example',
          status: 'queued',
          createdAt: '2026-12-01T09:00:00.000Z',
        }),
      ]);
      expect(reply.body.timeline.map((e) => [e.at, e.action, e.actor])).toEqual([
        ['2026-12-01T09:00:00.000Z', 'order.placed', 'Alice Rossi <alice@acme.example>'],
        ['2026-12-01T09:00:00.000Z', 'line.created', 'Alice Rossi <alice@acme.example>'],
        ['2026-12-01T09:00:00.000Z', 'provisioning_email.queued', 'Onramp'],
        ['2026-12-08T09:00:00.000Z', 'line.closed', 'Onramp'],
      ]);
      expect(reply.body.timeline[3]!.data).toEqual({ pendingProvisioning: true });
    });

    it('shows the RSD e-mail and the reminder of a line still in its period', async () => {
      const reply = await call<SubscriptionDetailBody>(
        api,
        w,
        'GET',
        `/api/v1/subscriptions/${aliceLateFlex}`,
      );
      expect(reply.body).toMatchObject({
        status: 'awaiting_provisioning_details',
        pendingProvisioning: false,
        nextActionAt: '2026-12-09T09:00:00.000Z',
      });
      expect(reply.body.sends.map((s) => [s.reason, s.createdAt])).toEqual([
        ['rsd', '2026-12-03T09:00:00.000Z'],
        ['reminder', '2026-12-08T09:00:00.000Z'],
      ]);
    });

    it('a cancelled line can neither be resent nor re-addressed', async () => {
      const reply = await call<SubscriptionDetailBody>(
        api,
        w,
        'GET',
        `/api/v1/subscriptions/${aliceCancelled}`,
      );
      expect(reply.body).toMatchObject({
        status: 'cancelled',
        canResend: false,
        canChangeContact: false,
        sends: [],
      });
      expect(reply.body.timeline.map((e) => e.action)).toEqual([
        'order.placed',
        'line.created',
        'line.cancelled',
      ]);
    });
  });
});
