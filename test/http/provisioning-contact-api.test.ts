import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runDue } from '../../src/jobs/run-due.js';
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
  rowCounts,
} from './api-harness.js';

const MINUTE = 60_000;
const IRENE = contact('Irene Conti', 'irene@initech.example');
const NORA = contact('Nora Gialli', 'nora@initech.example', 'it');

interface ChangeReply {
  updated: { subscriptionId: string; sendId: string | null }[];
  skipped: { subscriptionId: string; code: string }[];
}

const contactPath = (sub: string) => `/api/v1/subscriptions/${sub}/provisioning-contact`;

const threeLines = () =>
  ['MEET-PRO', 'CALL-STD', 'A-FLEX'].map((offerCode) => ({
    offerCode,
    quantity: 2,
    provisioningContact: IRENE,
  }));

describeEachStore('REST API: change the provisioning contact', (kind) => {
  let w: World;
  let api: Api;
  let seq = 0;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  async function placeThreeLines(rsd = w.clock.now().toISOString().slice(0, 10)): Promise<PlacedReply> {
    return placeViaApi(api, w, orderBody(`WO-CONTACT-${++seq}`, { rsd, lines: threeLines() }));
  }

  /** Three lines, all past their RSD e-mail; the clock then moves on a minute. */
  async function awaitingOrder(): Promise<PlacedReply> {
    const placed = await placeThreeLines();
    await runDue(w.deps);
    w.clock.advance(MINUTE);
    return placed;
  }

  const contactsOf = async (orderId: string) =>
    (
      await w.store.db
        .selectFrom('subscription_line')
        .select(['contact_name', 'contact_email', 'contact_language'])
        .where('order_id', '=', orderId)
        .orderBy('line_no')
        .execute()
    ).map((l) => contact(l.contact_name, l.contact_email, l.contact_language));

  /** The links of an order (a link is the order's, held by the address its e-mail went to). */
  const linksOf = (orderId: string) =>
    w.store.db
      .selectFrom('setup_token as t')
      .innerJoin('subscription_line as l', 'l.subscription_id', 't.subscription_id')
      .innerJoin('provisioning_email as s', 's.id', 't.send_id')
      .select(['t.send_id', 's.to_email', 't.revoked_at', 't.revoked_reason'])
      .where('l.order_id', '=', orderId)
      .orderBy('s.seq')
      .execute();

  const contactChanges = (orderId: string) =>
    w.store.db
      .selectFrom('audit_event')
      .select(['subscription_id', 'actor_user_id', 'data'])
      .where('order_id', '=', orderId)
      .where('action', '=', 'provisioning_contact.changed')
      .orderBy('id')
      .execute();

  describe('one line, then every line of the order, after the RSD', () => {
    let order: PlacedReply;
    let subs: [string, string, string];
    let firstChange: ChangeReply;
    let rsdSend: string;

    beforeAll(async () => {
      order = await awaitingOrder();
      subs = order.subscriptionIds as [string, string, string];
      // One RSD e-mail for Irene's three lines, with one link.
      const links = await linksOf(order.orderId);
      expect(links).toHaveLength(1);
      rsdSend = links[0]!.send_id;
      const reply = await call<ChangeReply>(api, w, 'PUT', contactPath(subs[1]), { body: NORA });
      expect(reply.status).toBe(200);
      firstChange = reply.body;
    });

    it('changes only the named line', async () => {
      expect(firstChange).toEqual({
        updated: [{ subscriptionId: subs[1], sendId: expect.stringMatching(/^snd_/) as string }],
        skipped: [],
      });
      expect(await contactsOf(order.orderId)).toEqual([IRENE, NORA, IRENE]);
    });

    it('sends a new e-mail to the new contact, in her language', async () => {
      const sendId = firstChange.updated[0]!.sendId!;
      const send = await w.store.db
        .selectFrom('provisioning_email')
        .select(['subscription_id', 'reason', 'to_email', 'to_name', 'language', 'requested_by_user_id'])
        .where('id', '=', sendId)
        .executeTakeFirstOrThrow();
      expect(send).toEqual({
        subscription_id: subs[1],
        reason: 'contact_change',
        to_email: 'nora@initech.example',
        to_name: 'Nora Gialli',
        language: 'it',
        requested_by_user_id: 'usr_alice',
      });
      const outbox = await w.store.db
        .selectFrom('outbox')
        .select('payload')
        .where('send_id', '=', sendId)
        .executeTakeFirstOrThrow();
      expect(outbox.payload).toMatchObject({
        input: { language: 'it', to: { name: 'Nora Gialli', email: 'nora@initech.example' } },
      });
    });

    it("keeps Irene's link (she still provisions two lines) and gives Nora a link of her own", async () => {
      expect(await linksOf(order.orderId)).toEqual([
        { send_id: rsdSend, to_email: IRENE.email, revoked_at: null, revoked_reason: null },
        {
          send_id: firstChange.updated[0]!.sendId,
          to_email: NORA.email,
          revoked_at: null,
          revoked_reason: null,
        },
      ]);
    });

    it('records provisioning_contact.changed with the old and new contact, how, and the new e-mail', async () => {
      expect(await contactChanges(order.orderId)).toEqual([
        {
          subscription_id: subs[1],
          actor_user_id: 'usr_alice',
          data: {
            from: IRENE,
            to: NORA,
            applyToAllLines: false,
            via: 'partner',
            sendId: firstChange.updated[0]!.sendId,
          },
        },
      ]);
    });

    it('applyToAllLines changes the other lines and skips the one that already has the contact', async () => {
      w.clock.advance(MINUTE);
      const reply = await call<ChangeReply>(api, w, 'PUT', contactPath(subs[0]), {
        body: { ...NORA, applyToAllLines: true },
      });
      expect(reply.status).toBe(200);
      expect(reply.body.updated.map((u) => u.subscriptionId)).toEqual([subs[0], subs[2]]);
      expect(reply.body.skipped).toEqual([{ subscriptionId: subs[1], code: 'UNCHANGED' }]);
      expect(await contactsOf(order.orderId)).toEqual([NORA, NORA, NORA]);

      // One e-mail for both lines: the first line's send carries it (and its link), the other shares it.
      const [lead, follower] = reply.body.updated.map((u) => u.sendId!) as [string, string];
      const shared = await w.store.db
        .selectFrom('provisioning_email')
        .select('lead_send_id')
        .where('id', '=', follower)
        .executeTakeFirstOrThrow();
      expect(shared.lead_send_id).toBe(lead);
      // Irene provisions no line any more: her link dies. Nora keeps the link she was sent a
      // minute ago and gets a new one with the new e-mail.
      expect(await linksOf(order.orderId)).toEqual([
        {
          send_id: rsdSend,
          to_email: IRENE.email,
          revoked_at: w.clock.now(),
          revoked_reason: 'contact_change',
        },
        {
          send_id: firstChange.updated[0]!.sendId,
          to_email: NORA.email,
          revoked_at: null,
          revoked_reason: null,
        },
        { send_id: lead, to_email: NORA.email, revoked_at: null, revoked_reason: null },
      ]);
      const changes = await contactChanges(order.orderId);
      expect(
        changes.map((c) => [c.subscription_id, (c.data as { applyToAllLines: boolean }).applyToAllLines]),
      ).toEqual([
        [subs[1], false],
        [subs[0], true],
        [subs[2], true],
      ]);
    });
  });

  it('applyToAllLines skips a cancelled line and leaves its contact alone', async () => {
    const order = await awaitingOrder();
    const [a, b, c] = order.subscriptionIds as [string, string, string];
    expect((await call(api, w, 'POST', `/api/v1/subscriptions/${c}/cancel`)).status).toBe(200);
    const reply = await call<ChangeReply>(api, w, 'PUT', contactPath(a), {
      body: { ...NORA, applyToAllLines: true },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.updated.map((u) => u.subscriptionId)).toEqual([a, b]);
    expect(reply.body.skipped).toEqual([{ subscriptionId: c, code: 'LINE_CANCELLED' }]);
    expect(await contactsOf(order.orderId)).toEqual([NORA, NORA, IRENE]);
  });

  it('a colleague without access is refused and nothing changes', async () => {
    const order = await awaitingOrder();
    const before = await rowCounts(w);
    const reply = await call<ErrorBody>(api, w, 'PUT', contactPath(order.subscriptionIds[0]!), {
      as: 'marco',
      body: { ...NORA, applyToAllLines: true },
    });
    expect(refusal(reply)).toEqual({ status: 403, code: 'NO_ACCESS', paths: [] });
    expect(reply.body.error['orderPlacedBy']).toEqual({ name: 'Alice Rossi', email: 'alice@acme.example' });
    expect(await rowCounts(w)).toEqual(before);
    expect(await contactsOf(order.orderId)).toEqual([IRENE, IRENE, IRENE]);
  });

  it.each([
    ['an invalid e-mail', { email: 'nora at initech' }, ['email']],
    ['a blank name', { name: '   ' }, ['name']],
    ['an unsupported language', { language: 'fr' }, ['language']],
    ['applyToAllLines that is not a boolean', { applyToAllLines: 'yes' }, ['applyToAllLines']],
  ])('%s → 400 INVALID_INPUT naming the field, and nothing changes', async (_what, bad, paths) => {
    const order = await awaitingOrder();
    const before = await rowCounts(w);
    const reply = await call<ErrorBody>(api, w, 'PUT', contactPath(order.subscriptionIds[0]!), {
      body: { ...NORA, applyToAllLines: true, ...bad },
    });
    expect(refusal(reply)).toEqual({ status: 400, code: 'INVALID_INPUT', paths });
    expect(await rowCounts(w)).toEqual(before);
    expect(await contactsOf(order.orderId)).toEqual([IRENE, IRENE, IRENE]);
  });

  it('before the RSD it only changes the contact; the RSD e-mail then goes to the new contact', async () => {
    const tomorrow = new Date(w.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    const order = await placeThreeLines(tomorrow);
    const reply = await call<ChangeReply>(api, w, 'PUT', contactPath(order.subscriptionIds[0]!), {
      as: 'paola',
      body: { ...NORA, applyToAllLines: true },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      updated: order.subscriptionIds.map((subscriptionId) => ({ subscriptionId, sendId: null })),
      skipped: [],
    });
    const sendsTo = () =>
      w.store.db
        .selectFrom('provisioning_email')
        .select(['subscription_id', 'reason', 'to_email'])
        .where('subscription_id', 'in', order.subscriptionIds)
        .orderBy('subscription_id')
        .execute();
    expect(await sendsTo()).toEqual([]);
    expect((await contactChanges(order.orderId)).map((c) => c.actor_user_id)).toEqual([
      'usr_paola',
      'usr_paola',
      'usr_paola',
    ]);

    w.clock.set(`${tomorrow}T00:00:00.000Z`);
    await runDue(w.deps);

    expect(await sendsTo()).toEqual(
      [...order.subscriptionIds]
        .sort()
        .map((subscription_id) => ({ subscription_id, reason: 'rsd', to_email: 'nora@initech.example' })),
    );
  });
});
