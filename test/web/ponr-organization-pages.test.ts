/**
 * After the point of no return (issue 19, item 6) the order page's banner and the PONR popup on
 * the order, line and Subscriptions pages (and the page that stands in for the popup without
 * JavaScript) name the customer organization the order was mapped to and send the partner to its
 * administrators in the admin portal, never giving their addresses.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { getOrder } from '../../src/app/orders/get-order.js';
import { getSubscription } from '../../src/app/orders/get-subscription.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { createWeb } from '../../src/web/create-web.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';
const EN =
  'It was mapped to Globex Italia. To change anything now, ask the administrators of Globex Italia in the admin portal.';
const IT =
  'È stato collegato a Globex Italia. Per modificare qualcosa ora, si rivolga agli amministratori di Globex Italia nel portale di amministrazione.';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'")
    .replace(/\s+/g, ' ');

/** The text of the element with this id (a dialog or the banner; neither nests its own kind). */
const partOf = (html: string, tag: string, id: string) => {
  const start = html.lastIndexOf(`<${tag} `, html.indexOf(` id="${id}"`));
  expect(html.indexOf(` id="${id}"`), id).toBeGreaterThan(0);
  return textOf(html.slice(start, html.indexOf(`</${tag}>`, start)));
};

describeEachStore('the PONR names the customer organization', (kind) => {
  let w: World;
  let alice: WebClient;
  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    const web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
    alice = new WebClient(web);
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
  });
  afterAll(() => w.close());

  it('in the banner, the popups and the page without JavaScript, en and it', async () => {
    const unmapped = await w.order();
    const placed = await w.order();
    const [line] = placed.subscriptionIds as [string];
    await mapOrderToOrganization(w.deps, {
      orderId: placed.orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });

    const order = (await alice.get(`/orders/${placed.orderId}?lang=en`)).html;
    for (const part of [partOf(order, 'div', 'onboarded'), partOf(order, 'dialog', 'ponr-dialog')]) {
      expect(part).toContain(EN);
      expect(part).not.toContain('@globex');
    }
    const orderIt = (await alice.get(`/orders/${placed.orderId}?lang=it`)).html;
    expect(partOf(orderIt, 'div', 'onboarded')).toContain(IT);
    expect(partOf(orderIt, 'dialog', 'ponr-dialog')).toContain(IT);

    expect(
      partOf((await alice.get(`/subscriptions/${line}?lang=en`)).html, 'dialog', 'ponr-dialog'),
    ).toContain(EN);
    const nojs = textOf((await alice.get(`/subscriptions/${line}/onboarded?lang=it`)).html);
    expect(nojs).toContain(IT);

    // The Subscriptions page: the mapped line opens the dialog that names Globex Italia.
    const list = (await alice.get('/subscriptions?lang=en')).html;
    expect(list).toContain('data-open-dialog="ponr-dialog-0"');
    expect(partOf(list, 'dialog', 'ponr-dialog-0')).toContain(EN);
    expect(list).not.toContain('id="ponr-dialog"');
    expect(list).not.toContain('@globex');

    // The use cases behind the pages (and the API) carry the name, and only after the mapping.
    expect((await getOrder(w.deps, w.actors.alice, placed.orderId)).customerOrganizationName).toBe(
      'Globex Italia',
    );
    expect((await getSubscription(w.deps, w.actors.alice, line)).customerOrganizationName).toBe(
      'Globex Italia',
    );
    expect((await getOrder(w.deps, w.actors.alice, unmapped.orderId)).customerOrganizationName).toBeNull();

    // An order not yet mapped says nothing of the kind.
    const before = textOf((await alice.get(`/orders/${unmapped.orderId}?lang=en`)).html);
    expect(before).not.toContain('Globex');
  });
});
