/**
 * The refusals issue 21 named, through the API in en and it: each names the rule (the line's
 * state, the limit, the credential, who places orders) and what to do next.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { DEFAULT_RATE_LIMITS } from '../../src/app/rate-limits.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { createApi } from '../../src/http/create-api.js';
import { messagesEn } from '../../src/i18n/locales/en/app.js';
import { runDue } from '../../src/jobs/run-due.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import {
  type Api,
  apiOf,
  call,
  type ErrorBody,
  MAX_BODY_BYTES,
  orderBody,
  placeViaApi,
} from './api-harness.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const IT = { 'accept-language': 'it' };

describeEachStore('REST API: refusals name the rule and the next step', (kind) => {
  let w: World;
  let api: Api;
  let seq = 0;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  async function awaitingLine(): Promise<{ orderId: string; sub: string }> {
    const placed = await placeViaApi(api, w, orderBody(`WO-REFUSE-${++seq}`, { distributorId: 'org_dist' }));
    await runDue(w.deps);
    w.clock.advance(MINUTE);
    return { orderId: placed.orderId, sub: placed.subscriptionIds[0]! };
  }
  const cancel = (sub: string, headers?: Record<string, string>) =>
    call<ErrorBody>(api, w, 'POST', `/api/v1/subscriptions/${sub}/cancel`, headers ? { headers } : {});

  it('a non-partner user placing an order is told only partner and distributor users place orders', async () => {
    const en = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
      as: 'carla',
      body: orderBody('WO-CARLA-1'),
    });
    expect(en.status).toBe(403);
    expect(en.body.error).toMatchObject({
      code: 'NO_ACCESS',
      message: messagesEn.errors.NO_ACCESS_PARTNERS_ONLY,
    });
    const it_ = await call<ErrorBody>(api, w, 'POST', '/api/v1/orders', {
      as: 'carla',
      body: orderBody('WO-CARLA-2'),
      headers: IT,
    });
    expect(it_.body.error.message).toBe(
      'Solo gli utenti dei partner e dei distributori effettuano ordini. Acceda come utente della Sua organizzazione partner, o chieda al Suo partner di effettuare l’ordine.',
    );
  });

  it('a cancel after the PONR gets its own wording: cancel in the admin portal, ask the customer’s admins', async () => {
    const { orderId, sub } = await awaitingLine();
    await mapOrderToOrganization(w.deps, {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    const en = await cancel(sub);
    expect(en.status).toBe(409);
    expect(en.body.error).toMatchObject({ code: 'PAST_PONR', action: 'cancel' });
    expect(en.body.error.message).toBe(
      'This order is already onboarded: the subscription is set up for the customer organization, so it can no longer be cancelled here. Ask the customer’s administrators to cancel it in the admin portal: http://onramp.test/admin',
    );
    expect((await cancel(sub, IT)).body.error.message).toContain(
      'Chieda agli amministratori del cliente di annullarlo nel portale di amministrazione: http://onramp.test/admin',
    );
    // A resend keeps the resend wording.
    const resend = await call<ErrorBody>(api, w, 'POST', `/api/v1/subscriptions/${sub}/resend`);
    expect(resend.body.error.message).toContain('can no longer be resent');
  });

  it('a cancelled line says nothing more can be done and to place a new order', async () => {
    const { sub } = await awaitingLine();
    expect((await cancel(sub)).status).toBe(200);
    const again = await cancel(sub);
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: 'LINE_CANCELLED', message: messagesEn.errors.LINE_CANCELLED });
    expect(again.body.error.message).toContain('place a new order');
    expect((await cancel(sub, IT)).body.error.message).toContain('effettui un nuovo ordine');
  });

  // As paola: alice's resends in the tests above count against her own limit.
  it('past the resend limit the refusal names the limit and when to come back, in the caller’s language', async () => {
    const { sub } = await awaitingLine();
    const saved = w.deps.settings.rateLimits;
    w.deps.settings.rateLimits = {
      ...DEFAULT_RATE_LIMITS,
      resendPerUser: { limit: 2, windowMs: 60 * MINUTE },
    };
    try {
      for (let i = 0; i < 2; i++)
        expect(
          (await call(api, w, 'POST', `/api/v1/subscriptions/${sub}/resend`, { as: 'paola' })).status,
        ).toBe(202);
      w.clock.advance(10 * MINUTE);
      const en = await call<ErrorBody>(api, w, 'POST', `/api/v1/subscriptions/${sub}/resend`, {
        as: 'paola',
      });
      expect(en.status).toBe(429);
      expect(en.headers.get('retry-after')).toBe('3000');
      expect(en.body.error).toEqual({
        code: 'RATE_LIMITED',
        retryAfterSeconds: 3000,
        limit: 2,
        windowSeconds: 3600,
        message: 'Too many requests: at most 2 in 1 hour are allowed. Try again in 50 minutes.',
      });
      const it_ = await call<ErrorBody>(api, w, 'POST', `/api/v1/subscriptions/${sub}/resend`, {
        as: 'paola',
        headers: IT,
      });
      expect(it_.body.error.message).toBe(
        'Troppe richieste: ne sono consentite al massimo 2 in 1 ora. Riprovi tra 50 minuti.',
      );
    } finally {
      w.deps.settings.rateLimits = saved;
    }
  });

  it('a wrong or missing webhook secret is told so, and where the secret is configured', async () => {
    const secret = 'whsec_0123456789abcdef0123456789abcdef';
    const hooks = createApi(
      { ...w.deps, store: w.store, maxBodyBytes: MAX_BODY_BYTES, emailEventsSecret: secret },
      { logError: () => {} },
    );
    const wrongAndMissing: Record<string, string>[] = [{ 'X-Onramp-Webhook-Secret': `${secret}x` }, {}];
    for (const header of wrongAndMissing) {
      const res = await hooks.request('/api/v1/email-events', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...header },
        body: JSON.stringify({ type: 'bounced', messageId: '<x@onramp.test>' }),
      });
      expect(res.status).toBe(401);
      const body = (await res.json()) as ErrorBody;
      expect(body.error).toEqual({
        code: 'UNAUTHENTICATED',
        credential: 'webhook_secret',
        message: messagesEn.errors.UNAUTHENTICATED_WEBHOOK_SECRET,
      });
      expect(body.error.message).toContain('EMAIL_EVENTS_SECRET');
      expect(body.error.message).not.toContain('API token');
    }
  });

  // Last: it moves the clock past every RSD the order helpers use.
  it('cancelling a closed line names its state and the actions it still takes', async () => {
    const { sub } = await awaitingLine();
    w.clock.advance(60 * DAY);
    await runDue(w.deps);
    const en = await cancel(sub);
    expect(en.status).toBe(409);
    expect(en.body.error).toEqual({
      code: 'INVALID_TRANSITION',
      from: 'closed',
      command: 'cancel',
      allowed: ['resend', 'change_contact'],
      message:
        'This subscription line is closed, so you cannot cancel it. You can still: resend the provisioning e-mail or change the provisioning contact.',
    });
    expect((await cancel(sub, IT)).body.error.message).toBe(
      "Questa riga di abbonamento è nello stato «Chiusa», quindi non può annullarla. Può ancora: inviare nuovamente l'e-mail di provisioning o modificare il contatto di provisioning.",
    );
  });
});
