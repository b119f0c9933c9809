/**
 * A page that answers a form (a validation error re-rendered with what was typed) has no language
 * switch to follow: following it would ask for the page again with GET and lose the typing. The
 * header says why instead, in the page's language, and the form keeps every value. Checked on the
 * sign-in, new-order, contact-change, support and setup-delegation forms; a page reached with GET
 * keeps its switch.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createWeb } from '../../src/web/create-web.js';
import { awaitingOrder, setupTokenOf } from '../app/setup-fixtures.js';
import { rowCounts } from '../http/api-harness.js';
import { type Page, WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';
const SWITCH_LINK = /<a href="[^"]*[?&]lang=(en|it)"/;
const NOTE = {
  en: 'to keep what you typed, change the language on the next page',
  it: 'per non perdere quanto ha scritto, cambi la lingua nella pagina successiva',
};

describeEachStore('pages answering a form: the language switch keeps what was typed', (kind) => {
  let w: World;
  const client = () =>
    new WebClient(createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false }));
  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
  });
  afterAll(() => w.close());

  /** The form page in `language` with its switch, then the failed post: values kept, switch off. */
  async function expectKept(
    web: WebClient,
    language: 'en' | 'it',
    path: string,
    fields: Record<string, string>,
    typed: string[],
    status = 400,
  ): Promise<Page> {
    const form = await web.get(`${path}?lang=${language}`);
    expect(form.status).toBe(200);
    expect(form.html).toMatch(SWITCH_LINK);
    const before = await rowCounts(w);
    const page = await web.post(path, fields);
    expect(page.status).toBe(status);
    expect(page.html).toContain(`<html lang="${language}">`);
    for (const value of typed) expect(page.html).toContain(`value="${value}"`);
    expect(page.html).not.toMatch(SWITCH_LINK);
    expect(page.html).toContain('id="language-locked"');
    expect(page.html).toContain(NOTE[language]);
    expect(await rowCounts(w)).toEqual(before);
    return page;
  }

  it.each(['en', 'it'] as const)('sign-in (%s): the address stays', async (language) => {
    await expectKept(
      client(),
      language,
      '/sign-in',
      { email: 'alice.typed@example.test', password: 'wrong password' },
      ['alice.typed@example.test'],
      401,
    );
  });

  it.each(['en', 'it'] as const)('new order (%s): every field stays', async (language) => {
    const alice = client();
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
    await expectKept(
      alice,
      language,
      '/orders/new',
      {
        webOrderId: `WO-LANG-${language}`,
        endCustomerName: 'Initech Lingua',
        rsd: 'not a date',
        'lines.0.offerCode': 'MEET-PRO',
        'lines.0.quantity': '25',
        'lines.0.name': 'Nora Bianchi',
        'lines.0.email': 'nora@initech.example',
        'lines.0.language': 'it',
      },
      [`WO-LANG-${language}`, 'Initech Lingua', 'Nora Bianchi', 'nora@initech.example'],
    );
  });

  it.each(['en', 'it'] as const)('contact change (%s): the new contact stays', async (language) => {
    const alice = client();
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
    const { subscriptionIds } = await awaitingOrder(w);
    await expectKept(
      alice,
      language,
      `/subscriptions/${subscriptionIds[0]}/contact`,
      { name: 'Marta Neri', email: 'not an address', language: 'it' },
      ['Marta Neri', 'not an address'],
    );
  });

  it.each(['en', 'it'] as const)('support form (%s): the request stays', async (language) => {
    const page = await expectKept(
      client(),
      language,
      '/support/new',
      {
        email: 'irene.typed at initech',
        type: 'resend_provisioning_email',
        reference: 'WO-TYPED-1',
        description: 'The e-mail never arrived, typed before the error.',
      },
      ['irene.typed at initech', 'WO-TYPED-1'],
    );
    expect(page.html).toContain('The e-mail never arrived, typed before the error.');
  });

  it.each(['en', 'it'] as const)('setup delegation (%s): the colleague stays', async (language) => {
    const { subscriptionIds } = await awaitingOrder(w);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    await expectKept(
      client(),
      language,
      `/setup/${token}/delegate`,
      { name: 'Marco Neri', email: 'marco at initech', language: 'en' },
      ['Marco Neri', 'marco at initech'],
    );
  });
});
