/**
 * The contact form refuses a name with a line break, markup or a bidi override: the form comes
 * back (400) with the reason next to the field, in the page's language, and nothing changes.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createWeb } from '../../src/web/create-web.js';
import { awaitingOrder } from '../app/setup-fixtures.js';
import { rowCounts } from '../http/api-harness.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';

describeEachStore('pages: the contact form refuses hostile names', (kind) => {
  let w: World;
  let alice: WebClient;
  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    alice = new WebClient(createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false }));
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
  });
  afterAll(() => w.close());

  it.each([
    [
      'en',
      'Irene\r\nBcc: x@evil.example',
      'Name must not contain line breaks, control characters or &lt; &gt;.',
    ],
    ['it', 'Irene <script>', 'Il campo «Nome» non può contenere a capo, caratteri di controllo o &lt; &gt;.'],
    ['en', 'Irene \u202Etxt.exe', 'Name must not contain line breaks, control characters or &lt; &gt;.'],
  ] as const)('in %s: %j → 400 with the reason, nothing written', async (language, name, reason) => {
    const { subscriptionIds } = await awaitingOrder(w);
    const path = `/subscriptions/${subscriptionIds[0]}/contact`;
    expect((await alice.get(`${path}?lang=${language}`)).status).toBe(200);
    const before = await rowCounts(w);
    const page = await alice.post(path, { name, email: 'nora@initech.example', language: 'en' });
    expect(page.status).toBe(400);
    expect(page.html).toContain(reason);
    expect(await rowCounts(w)).toEqual(before);
  });
});
