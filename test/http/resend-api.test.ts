import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { messagesEn } from '../../src/i18n/locales/en/app.js';
import { messagesIt } from '../../src/i18n/locales/it/app.js';
import { runDue } from '../../src/jobs/run-due.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type UserKey, type World } from '../support/world.js';
import {
  type Api,
  apiOf,
  call,
  type ErrorBody,
  orderBody,
  placeViaApi,
  refusal,
  rowCounts,
} from './api-harness.js';

interface QueuedSendBody {
  sendId: string;
  subscriptionId: string;
  to: string;
}

const MINUTE = 60_000;
const resendPath = (sub: string) => `/api/v1/subscriptions/${sub}/resend`;

describeEachStore('REST API: resend the provisioning e-mail', (kind) => {
  let w: World;
  let api: Api;
  let seq = 0;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  /** An order placed by alice (distributor org_dist on it) whose line has had its RSD e-mail. */
  async function awaitingLine(): Promise<{ orderId: string; sub: string }> {
    const placed = await placeViaApi(api, w, orderBody(`WO-RESEND-${++seq}`, { distributorId: 'org_dist' }));
    await runDue(w.deps);
    // Whatever a test does next happens a minute after the RSD e-mail, as it would for real.
    w.clock.advance(MINUTE);
    return { orderId: placed.orderId, sub: placed.subscriptionIds[0]! };
  }

  const sendsOf = (sub: string) =>
    w.store.db
      .selectFrom('provisioning_email')
      .select(['id', 'reason'])
      .where('subscription_id', '=', sub)
      .orderBy('created_at')
      .execute();

  it('202 with the send id after the RSD; the send and its outbox row exist, the first link still works', async () => {
    const { sub } = await awaitingLine();
    const [rsdSend] = await sendsOf(sub);
    expect(rsdSend?.reason).toBe('rsd');

    const reply = await call<QueuedSendBody>(api, w, 'POST', resendPath(sub));

    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({
      sendId: expect.stringMatching(/^snd_/) as string,
      subscriptionId: sub,
      to: 'irene@initech.example',
      alsoCovered: [],
    });
    const send = await w.store.db
      .selectFrom('provisioning_email')
      .selectAll()
      .where('id', '=', reply.body.sendId)
      .executeTakeFirstOrThrow();
    expect(send).toMatchObject({
      subscription_id: sub,
      reason: 'resend',
      status: 'queued',
      to_email: 'irene@initech.example',
      requested_by_user_id: 'usr_alice',
      requested_by_label: 'Alice Rossi <alice@acme.example>',
    });
    const outbox = await w.store.db
      .selectFrom('outbox')
      .select(['topic', 'status', 'payload'])
      .where('send_id', '=', reply.body.sendId)
      .executeTakeFirstOrThrow();
    expect(outbox).toMatchObject({
      topic: 'email',
      status: 'pending',
      payload: { input: { template: 'provisioning', resend: true, to: { email: 'irene@initech.example' } } },
    });
    const tokens = await w.store.db
      .selectFrom('setup_token')
      .select(['send_id', 'revoked_reason'])
      .where('subscription_id', '=', sub)
      .orderBy('created_at')
      .execute();
    expect(tokens).toEqual([
      { send_id: rsdSend!.id, revoked_reason: null },
      { send_id: reply.body.sendId, revoked_reason: null },
    ]);
  });

  it('the line page then lists both sends', async () => {
    const { sub } = await awaitingLine();
    const resent = await call<QueuedSendBody>(api, w, 'POST', resendPath(sub));
    const detail = await call<{ sends: { sendId: string; reason: string; requestedBy: string }[] }>(
      api,
      w,
      'GET',
      `/api/v1/subscriptions/${sub}`,
    );
    expect(detail.body.sends.map((s) => [s.reason, s.requestedBy])).toEqual([
      ['rsd', 'Onramp'],
      ['resend', 'Alice Rossi <alice@acme.example>'],
    ]);
    expect(detail.body.sends[1]!.sendId).toBe(resent.body.sendId);
  });

  it('before the RSD → 409 RSD_NOT_REACHED with the RSD, and nothing written', async () => {
    const placed = await placeViaApi(api, w, orderBody(`WO-RESEND-${++seq}`, { rsd: '2026-12-10' }));
    const before = await rowCounts(w);
    const reply = await call<ErrorBody>(api, w, 'POST', resendPath(placed.subscriptionIds[0]!));
    expect(reply.status).toBe(409);
    expect(reply.body.error).toEqual({
      code: 'RSD_NOT_REACHED',
      message: messagesEn.errors.RSD_NOT_REACHED,
      rsdAt: '2026-12-10T00:00:00.000Z',
    });
    expect(await rowCounts(w)).toEqual(before);
  });

  it('after the order is mapped → 409 PAST_PONR with the admin portal URL, and nothing written', async () => {
    const { orderId, sub } = await awaitingLine();
    await mapOrderToOrganization(w.deps, {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    const before = await rowCounts(w);
    const reply = await call<ErrorBody>(api, w, 'POST', resendPath(sub));
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({
      code: 'PAST_PONR',
      adminPortalUrl: 'http://onramp.test/admin',
      mappedAt: w.clock.now().toISOString(),
    });
    expect(reply.body.error.message).toContain('http://onramp.test/admin');
    expect(await rowCounts(w)).toEqual(before);
  });

  it('after the line is cancelled → 409 LINE_CANCELLED, and its link is revoked', async () => {
    const { sub } = await awaitingLine();
    const cancelled = await call(api, w, 'POST', `/api/v1/subscriptions/${sub}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({ subscriptionId: sub, status: 'cancelled' });
    const tokens = await w.store.db
      .selectFrom('setup_token')
      .select(['revoked_reason'])
      .where('subscription_id', '=', sub)
      .execute();
    expect(tokens).toEqual([{ revoked_reason: 'cancelled' }]);

    const before = await rowCounts(w);
    const reply = await call<ErrorBody>(api, w, 'POST', resendPath(sub));
    expect(reply.status).toBe(409);
    expect(reply.body.error).toEqual({ code: 'LINE_CANCELLED', message: messagesEn.errors.LINE_CANCELLED });
    expect(await rowCounts(w)).toEqual(before);
  });

  describe('who may resend', () => {
    it.each([
      ['paola', 'an admin of the placing partner'],
      ['dana', 'a user of the distributor on the order'],
      ['sam', 'a support agent'],
    ] as const)('%s, %s, may', async (who, _why) => {
      const { sub } = await awaitingLine();
      const reply = await call<QueuedSendBody>(api, w, 'POST', resendPath(sub), { as: who });
      expect(reply.status).toBe(202);
      const send = await w.store.db
        .selectFrom('provisioning_email')
        .select(['requested_by_user_id', 'reason'])
        .where('id', '=', reply.body.sendId)
        .executeTakeFirstOrThrow();
      expect(send).toEqual({ requested_by_user_id: `usr_${who}`, reason: 'resend' });
    });

    it('a colleague without access (marco) → 403 NO_ACCESS naming alice, who placed the order', async () => {
      const { sub } = await awaitingLine();
      const before = await rowCounts(w);
      const reply = await call<ErrorBody>(api, w, 'POST', resendPath(sub), { as: 'marco' });
      expect(reply.status).toBe(403);
      expect(reply.body.error).toEqual({
        code: 'NO_ACCESS',
        orderPlacedBy: { name: 'Alice Rossi', email: 'alice@acme.example' },
        message:
          'You do not have access to this order. Ask the person who placed it, Alice Rossi <alice@acme.example>, to resend the e-mail or change the provisioning contact.',
      });
      expect(await rowCounts(w)).toEqual(before);
    });

    it('says it in Italian to Accept-Language: it', async () => {
      const { sub } = await awaitingLine();
      const reply = await call<ErrorBody>(api, w, 'POST', resendPath(sub), {
        as: 'marco',
        headers: { 'accept-language': 'it-IT,it;q=0.9,en;q=0.5' },
      });
      expect(reply.status).toBe(403);
      expect(reply.body.error.message).toBe(
        "Non ha accesso a questo ordine. Chieda a chi lo ha effettuato, Alice Rossi <alice@acme.example>, di inviare nuovamente l'e-mail o di modificare il contatto di provisioning.",
      );
      const rsd = await placeViaApi(api, w, orderBody(`WO-RESEND-${++seq}`, { rsd: '2026-12-10' }));
      const early = await call<ErrorBody>(api, w, 'POST', resendPath(rsd.subscriptionIds[0]!), {
        headers: { 'accept-language': 'it' },
      });
      expect(early.body.error).toMatchObject({
        code: 'RSD_NOT_REACHED',
        message: messagesIt.errors.RSD_NOT_REACHED,
      });
    });

    it.each([
      ['bob', 'a user of another partner'],
      ['brenda', 'an admin of another partner'],
      ['dino', 'a user of a distributor not on the order'],
      ['carla', 'a customer admin of an organization the order is not mapped to'],
    ] as const)('%s, %s → 404 NOT_FOUND, as for a missing line', async (who: UserKey, _why) => {
      const { sub } = await awaitingLine();
      const before = await rowCounts(w);
      const reply = await call<ErrorBody>(api, w, 'POST', resendPath(sub), { as: who });
      expect(reply.status).toBe(404);
      expect(reply.body.error).toEqual({
        code: 'NOT_FOUND',
        message: messagesEn.errors.NOT_FOUND,
        subscriptionId: sub,
      });
      expect(JSON.stringify(reply.body)).not.toContain('alice');
      expect(await rowCounts(w)).toEqual(before);
    });
  });

  it.each([
    ['an unknown subscription', 'Sub999999999', 404, 'NOT_FOUND', []],
    ['a malformed subscription id', 'order-1', 400, 'INVALID_INPUT', ['subscriptionId']],
  ])('%s (%s) → %i %s', async (_what, sub, status, code, paths) => {
    const reply = await call<ErrorBody>(api, w, 'POST', resendPath(sub), { as: 'sam' });
    expect(refusal(reply)).toEqual({ status, code, paths });
  });
});
