/**
 * "Find it anyway" (issue 19, item 3): an exact web order id or subscription id searched on the
 * Orders or Subscriptions page by a colleague of the placing partner who may not see the order
 * says it exists and whom to ask; a user of another organization learns nothing: their page is
 * the very page a missing id gets.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { changeUser } from '../../src/app/identity/change-user.js';
import { findHiddenOrder } from '../../src/app/orders/find-hidden-order.js';
import { createWeb } from '../../src/web/create-web.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type UserKey, type World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';

/** The page's words: links unwrapped, other tags dropped, entities undone, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<\/?a\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'")
    .replace(/\s+/g, ' ');

/** The page's main part with the searched text taken out, to compare two searches' answers. */
const mainOf = (html: string, q: string) => /<main[\s\S]*<\/main>/.exec(html)![0].replaceAll(q, '«q»');

describeEachStore('colleague search finds an order they may not see', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  const clients = new Map<UserKey, WebClient>();
  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
  });
  afterAll(() => w.close());

  const as = async (who: UserKey) => {
    let client = clients.get(who);
    if (!client) {
      client = new WebClient(web);
      expect((await client.signIn(w.actors[who].email, PASSWORD)).status).toBe(303);
      clients.set(who, client);
    }
    return client;
  };

  it('tells a colleague of the placer that it exists and whom to ask, en and it', async () => {
    const placed = await w.order({ endCustomerName: 'Umbrella Spa' });
    const [line] = placed.subscriptionIds as [string];
    const marco = await as('marco');

    const orders = await marco.get(`/orders?q=${placed.webOrderId}`);
    expect(orders.status).toBe(200);
    expect(textOf(orders.html)).toContain('This order exists — ask Alice Rossi <alice@acme.example>');
    expect(textOf(orders.html)).not.toContain('No orders match');
    expect(orders.html).toContain('href="mailto:alice@acme.example"');
    expect(orders.html).toContain(`href="/orders/${placed.webOrderId}"`);
    expect(textOf(orders.html)).toContain(`Whom to ask for access to ${placed.webOrderId}`);
    // The link leads to the page that says who placed it.
    const refusal = await marco.get(`/orders/${placed.webOrderId}`);
    expect(refusal.status).toBe(403);
    expect(textOf(refusal.html)).toContain('Alice Rossi <alice@acme.example>');

    const subs = await marco.get(`/subscriptions?q=${line}`);
    expect(textOf(subs.html)).toContain('This order exists — ask Alice Rossi <alice@acme.example>');
    expect(textOf(subs.html)).not.toContain('No subscription lines match');
    expect(subs.html).toContain(`href="/subscriptions/${line}"`);
    // The web order id on the Subscriptions page, and any case of "Sub".
    expect(textOf((await marco.get(`/subscriptions?q=${placed.webOrderId}`)).html)).toContain(
      'This order exists — ask Alice Rossi',
    );
    expect(textOf((await marco.get(`/orders?q=${line.toLowerCase()}`)).html)).toContain(
      'This order exists — ask Alice Rossi',
    );

    const it = textOf((await marco.get(`/orders?q=${placed.webOrderId}&lang=it`)).html);
    expect(it).toContain('Questo ordine esiste — lo chieda a Alice Rossi <alice@acme.example>');
    expect(it).toContain(`A chi chiedere l’accesso a ${placed.webOrderId}`);
    expect(it).not.toContain('Nessun ordine corrisponde');

    // Who may see the order just finds it; a partial id finds nothing and says nothing.
    const paola = await as('paola');
    const own = textOf((await paola.get(`/orders?q=${placed.webOrderId}`)).html);
    expect(own).toContain('Umbrella Spa');
    expect(own).not.toContain('This order exists');
    const partial = textOf((await marco.get(`/orders?q=${placed.webOrderId.slice(0, -1)}`)).html);
    expect(partial).not.toContain('This order exists');
  });

  it('names the partner admins when the placer is deactivated', async () => {
    const placed = await w.order({}, 'alice');
    await changeUser(w.deps, w.actors.paola, 'usr_alice', { active: false });
    try {
      const marco = await as('marco');
      const text = textOf((await marco.get(`/orders?q=${placed.webOrderId}&lang=en`)).html);
      expect(text).toContain(
        'This order exists. The person who placed it, Alice Rossi, can no longer sign in — ask an administrator of your organization:',
      );
      expect(text).toContain('Paola Verdi <paola@acme.example>');
      const it = textOf((await marco.get(`/subscriptions?q=${placed.subscriptionIds[0]}&lang=it`)).html);
      expect(it).toContain('si rivolga a un amministratore della Sua organizzazione');
      expect(it).toContain('Paola Verdi <paola@acme.example>');
    } finally {
      await changeUser(w.deps, w.actors.paola, 'usr_alice', { active: true });
    }
  });

  it('another organization gets the very page a missing id gets', async () => {
    const placed = await w.order({ endCustomerName: 'Umbrella Spa' });
    const [line] = placed.subscriptionIds as [string];
    for (const who of ['bob', 'brenda', 'dino', 'carla'] as const) {
      const other = await as(who);
      const missingOrder = 'WO-missing-0001';
      const missingLine = 'Sub999999999';
      for (const [path, q, missing] of [
        ['/orders', placed.webOrderId, missingOrder],
        ['/orders', line, missingLine],
        ['/subscriptions', line, missingLine],
        ['/subscriptions', placed.webOrderId, missingOrder],
      ] as const) {
        const found = await other.get(`${path}?q=${q}`);
        const none = await other.get(`${path}?q=${missing}`);
        expect(found.status, `${who} ${path} ${q}`).toBe(none.status);
        expect(mainOf(found.html, q), `${who} ${path} ${q}`).toBe(mainOf(none.html, missing));
        expect(found.html).not.toContain('Alice');
        expect(found.html).not.toContain('This order exists');
      }
    }
  });

  it('looks only within the user’s own partner: another partner’s order with the same id stays silent', async () => {
    // Brightlink's order with the same web order id as Acme's (unique per partner only).
    const acme = await w.order({ webOrderId: 'WO-4003' }, 'alice');
    await w.order({ webOrderId: 'WO-4003', endCustomerName: 'Bright Customer' }, 'bob');
    const hidden = await findHiddenOrder(w.deps, w.actors.marco, 'WO-4003');
    expect(hidden).toEqual({
      webOrderId: 'WO-4003',
      path: '/orders/WO-4003',
      placer: { name: 'Alice Rossi', email: 'alice@acme.example' },
      organizationAdmins: undefined,
    });
    // Brenda (Brightlink's admin) sees her own order, never Acme's.
    expect(await findHiddenOrder(w.deps, w.actors.brenda, 'WO-4003')).toBeNull();
    expect(await findHiddenOrder(w.deps, w.actors.bob, acme.subscriptionIds[0])).toBeNull();
    const brenda = textOf((await (await as('brenda')).get('/orders?q=WO-4003')).html);
    expect(brenda).toContain('Bright Customer');
    expect(brenda).not.toContain('Alice');
    // Those who may see it (placer, admin, support) are never told "ask".
    for (const who of ['alice', 'paola', 'sam'] as const)
      expect(await findHiddenOrder(w.deps, w.actors[who], 'WO-4003')).toBeNull();
  });
});
