/**
 * Issue 18, item 3: no existence oracles. A user of another organization asking for an order, a
 * subscription line, a support case, a screenshot or a webhook endpoint that exists gets the very
 * answer (status and body, the asked-for id put back) a missing one gets, on the API and on the
 * pages. Web order ids are unique per partner only, so one partner's ids neither show nor block
 * another's; case numbers are random, so they count nobody's cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openSupportCase } from '../../src/app/support/open-support-case.js';
import { registerWebhookEndpoint } from '../../src/app/webhooks/register-webhook-endpoint.js';
import { runDue } from '../../src/jobs/run-due.js';
import { createWeb } from '../../src/web/create-web.js';
import { type Api, apiOf, call } from '../http/api-harness.js';
import { PNG_1X1 } from '../support/images.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type UserKey, type World } from '../support/world.js';
import { WebClient } from './web-client.js';

const PASSWORD = 'existence-oracle-test-password';

/** An id that names nothing, of the same shape as `id`. */
function missingOf(id: string): string {
  if (/^Sub\d+$/.test(id)) return 'Sub999999999';
  if (/^CS\d+$/.test(id)) return 'CS0000000000';
  if (id.startsWith('ord_')) return 'ord_doesnotexist00000';
  if (id.startsWith('whe_')) return 'whe_doesnotexist00000';
  return 'WO-NOBODY-HAS-THIS';
}

describeEachStore('no existence oracles (issue 18)', (kind) => {
  let w: World;
  let api: Api;
  let web: ReturnType<typeof createWeb>;
  const ids = { orderId: '', webOrderId: '', sub: '', caseId: '', endpointId: '' };
  const figures = { compared: 0 };

  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    w.deps.settings.webhooks = { allowPrivate: true, timeoutMs: 1000 };
    api = apiOf(w);
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
    const placed = await w.order({ distributorId: 'org_dist' });
    await runDue(w.deps);
    const opened = await openSupportCase(
      w.deps,
      { actor: w.actors.alice },
      {
        type: 'other',
        reference: placed.webOrderId,
        description: 'x',
        screenshots: [{ filename: 'inbox.png', bytes: PNG_1X1 }],
      },
    );
    const endpoint = await registerWebhookEndpoint(w.deps, w.actors.paola, {
      url: 'http://127.0.0.1:9/hook',
      description: '',
    });
    Object.assign(ids, {
      orderId: placed.orderId,
      webOrderId: placed.webOrderId,
      sub: placed.subscriptionIds[0]!,
      caseId: opened.caseId!,
      endpointId: endpoint.endpointId,
    });
  });
  afterAll(async () => {
    console.log(
      `[security] existence oracles [${kind}]: ${figures.compared} answers compared with a missing one's`,
    );
    await w.close();
  });

  /** The same request for `id` and for a missing id of its shape: the answers must not differ. */
  async function expectLikeMissing(
    ask: (id: string, path: (template: string) => string) => Promise<{ status: number; text: string }>,
    id: string,
    what: string,
  ) {
    const missing = missingOf(id);
    const fill = (value: string) => (template: string) =>
      template.replaceAll('{id}', encodeURIComponent(value));
    const real = await ask(id, fill(id));
    const none = await ask(missing, fill(missing));
    figures.compared++;
    expect(real.status, what).toBe(404);
    expect({ status: real.status, text: real.text }, what).toEqual({
      status: none.status,
      text: none.text.replaceAll(missing, id).replaceAll(encodeURIComponent(missing), encodeURIComponent(id)),
    });
  }

  describe('on the API', () => {
    const apiAsk =
      (who: UserKey, method: string, template: string, body?: unknown) =>
      async (_id: string, path: (t: string) => string) => {
        const reply = await call(api, w, method, path(template), { as: who, ...(body ? { body } : {}) });
        return { status: reply.status, text: JSON.stringify(reply.body) };
      };
    const contact = { name: 'Mallory', email: 'mallory@evil.example', language: 'en', applyToAllLines: true };

    it.each(['bob', 'brenda', 'dino', 'carla'] as const)(
      '%s: orders and lines of another organization',
      async (who) => {
        await expectLikeMissing(apiAsk(who, 'GET', '/api/v1/orders/{id}'), ids.orderId, 'order by id');
        await expectLikeMissing(
          apiAsk(who, 'GET', '/api/v1/orders/{id}'),
          ids.webOrderId,
          'order by web order id',
        );
        await expectLikeMissing(apiAsk(who, 'GET', '/api/v1/subscriptions/{id}'), ids.sub, 'line');
        await expectLikeMissing(apiAsk(who, 'POST', '/api/v1/subscriptions/{id}/resend'), ids.sub, 'resend');
        await expectLikeMissing(
          apiAsk(who, 'PUT', '/api/v1/subscriptions/{id}/provisioning-contact', contact),
          ids.sub,
          'contact change',
        );
        await expectLikeMissing(apiAsk(who, 'POST', '/api/v1/subscriptions/{id}/cancel'), ids.sub, 'cancel');
      },
    );

    it.each(['bob', 'brenda', 'dino', 'carla'] as const)(
      '%s: support cases of another organization (issue 20)',
      async (who) => {
        await expectLikeMissing(apiAsk(who, 'GET', '/api/v1/support-cases/{id}'), ids.caseId, 'case');
        await expectLikeMissing(
          apiAsk(who, 'POST', '/api/v1/support-cases/{id}/replies', { body: 'let me in' }),
          ids.caseId,
          'reply',
        );
      },
    );

    it.each(['brenda', 'dana'] as const)('%s: webhook endpoints of another organization', async (who) => {
      const endpoint = ids.endpointId;
      await expectLikeMissing(apiAsk(who, 'DELETE', '/api/v1/webhook-endpoints/{id}'), endpoint, 'delete');
      await expectLikeMissing(
        apiAsk(who, 'GET', '/api/v1/webhook-endpoints/{id}/deliveries'),
        endpoint,
        'log',
      );
      await expectLikeMissing(apiAsk(who, 'POST', '/api/v1/webhook-endpoints/{id}/test'), endpoint, 'test');
    });
  });

  describe('on the pages', () => {
    async function signedIn(who: UserKey): Promise<WebClient> {
      const client = new WebClient(web);
      const res = await client.signIn(w.actors[who].email, PASSWORD);
      expect(res.status, `${who} signs in`).toBe(303);
      await client.get('/orders'); // a page that carries the session's CSRF token
      return client;
    }
    const pageAsk =
      (client: WebClient, method: 'GET' | 'POST', template: string) =>
      async (_id: string, path: (t: string) => string) => {
        const page = method === 'GET' ? await client.get(path(template)) : await client.post(path(template));
        return { status: page.status, text: page.html };
      };

    it('a user of another partner: orders, lines, cases and screenshots', async () => {
      const bob = await signedIn('bob');
      await expectLikeMissing(pageAsk(bob, 'GET', '/orders/{id}'), ids.orderId, 'order page');
      await expectLikeMissing(pageAsk(bob, 'GET', '/orders/{id}'), ids.webOrderId, 'order page by web id');
      for (const template of [
        '/subscriptions/{id}',
        '/subscriptions/{id}/resend',
        '/subscriptions/{id}/contact',
      ])
        await expectLikeMissing(pageAsk(bob, 'GET', template), ids.sub, template);
      await expectLikeMissing(pageAsk(bob, 'POST', '/subscriptions/{id}/resend'), ids.sub, 'resend post');
      await expectLikeMissing(pageAsk(bob, 'GET', '/support/cases/{id}'), ids.caseId, 'case page');
      await expectLikeMissing(
        pageAsk(bob, 'GET', '/support/cases/{id}/screenshots/{id}-1'),
        ids.caseId,
        'screenshot',
      );
    });

    it('an admin of another partner: webhook endpoints', async () => {
      const brenda = await signedIn('brenda');
      await expectLikeMissing(pageAsk(brenda, 'GET', '/settings/webhooks/{id}'), ids.endpointId, 'log page');
      for (const action of ['test', 'delete'])
        await expectLikeMissing(
          pageAsk(brenda, 'POST', `/settings/webhooks/{id}/${action}`),
          ids.endpointId,
          `${action} post`,
        );
    });
  });

  it('a case on another partner’s order is refused like one on a missing order', async () => {
    const refusal = (reference: string) =>
      openSupportCase(
        w.deps,
        { actor: w.actors.bob },
        { type: 'other', reference, description: 'x', screenshots: [] },
      )
        .then(() => null)
        .catch((e: { code: string; details: unknown }) => ({ code: e.code, details: e.details }));
    for (const reference of [ids.webOrderId, ids.sub]) {
      const missing = missingOf(reference);
      expect(await refusal(reference)).toEqual({ code: 'NOT_FOUND', details: { reference } });
      expect(await refusal(missing)).toEqual({ code: 'NOT_FOUND', details: { reference: missing } });
    }
  });

  it('web order ids are unique per partner: another partner reuses one, each sees its own', async () => {
    const reused = await call<{ orderId: string }>(api, w, 'POST', '/api/v1/orders', {
      as: 'bob',
      body: {
        webOrderId: ids.webOrderId,
        endCustomerName: 'Bob’s Customer',
        rsd: w.clock.now().toISOString().slice(0, 10),
        lines: [
          {
            offerCode: 'MEET-PRO',
            quantity: 1,
            provisioningContact: { name: 'Zoe', email: 'zoe@bobs.example', language: 'en' },
          },
        ],
      },
    });
    expect(reused.status).toBe(201);
    const byWebId = async (who: UserKey) =>
      call<{ orderId?: string; error?: { code: string } }>(
        api,
        w,
        'GET',
        `/api/v1/orders/${encodeURIComponent(ids.webOrderId)}`,
        { as: who },
      );
    expect((await byWebId('alice')).body.orderId).toBe(ids.orderId);
    expect((await byWebId('bob')).body.orderId).toBe(reused.body.orderId);
    // A support agent sees both: the web order id alone is ambiguous, the order id is not.
    expect(await byWebId('sam')).toMatchObject({ status: 400, body: { error: { code: 'INVALID_INPUT' } } });
    // On the pages the agent follows each order by its order id.
    const sam = new WebClient(web);
    expect((await sam.signIn(w.actors.sam.email, PASSWORD)).status).toBe(303);
    const list = await sam.get(`/orders?q=${encodeURIComponent(ids.webOrderId)}`);
    const links = [...list.html.matchAll(/href="(\/orders\/[^"?]+)"/g)].map((m) => m[1]);
    expect(new Set(links)).toEqual(new Set([`/orders/${ids.orderId}`, `/orders/${reused.body.orderId}`]));
    for (const link of links) expect((await sam.get(link!)).status).toBe(200);
    // The refusal of a duplicate only ever concerns the caller's own partner.
    const again = await call<{ error: { code: string } }>(api, w, 'POST', '/api/v1/orders', {
      as: 'brenda',
      body: {
        webOrderId: ids.webOrderId,
        endCustomerName: 'Twice',
        rsd: w.clock.now().toISOString().slice(0, 10),
        lines: [
          {
            offerCode: 'MEET-PRO',
            quantity: 1,
            provisioningContact: { name: 'Zoe', email: 'zoe@bobs.example', language: 'en' },
          },
        ],
      },
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'DUPLICATE_WEB_ORDER_ID' } } });
    // A provisioning contact's case by web order id lands on the order with their line.
    const { caseId } = await openSupportCase(
      w.deps,
      { contactEmail: 'zoe@bobs.example', ip: '192.0.2.7' },
      { type: 'other', reference: ids.webOrderId, description: 'x', screenshots: [] },
    );
    const row = await w.store.db
      .selectFrom('support_case')
      .select('order_id')
      .where('id', '=', caseId!)
      .executeTakeFirstOrThrow();
    expect(row.order_id).toBe(reused.body.orderId);
  });

  it('case numbers are random: consecutive cases do not count anybody’s', async () => {
    const numbers: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { caseId } = await openSupportCase(
        w.deps,
        { actor: w.actors.paola },
        { type: 'other', reference: ids.sub, description: `case ${i}`, screenshots: [] },
      );
      expect(caseId).toMatch(/^CS\d{10}$/);
      numbers.push(Number(caseId!.slice(2)));
    }
    const steps = numbers.slice(1).map((n, i) => n - numbers[i]!);
    expect(steps.filter((d) => d === 1)).toEqual([]);
  });
});
