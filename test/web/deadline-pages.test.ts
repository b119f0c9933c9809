/**
 * A deadline is one exact instant, with its time and zone, wherever it is shown: the provisioning
 * e-mail (English and Italian), the setup wizard its link opens, and the partner's order,
 * Subscriptions and subscription pages and the support agent's case console. It is the line's close instant, or the link's expiry if
 * the link dies first (an offer's period longer than SETUP_LINK_TTL_DAYS).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { openSupportCase } from '../../src/app/support/open-support-case.js';
import type { ParsedMail } from '../../src/email/index.js';
import { runDue } from '../../src/jobs/run-due.js';
import { policyDaysOf } from '../../src/store/line-repository.js';
import { createWeb } from '../../src/web/create-web.js';
import { closeMailWorld, type Dispatcher, type Inbox, openMailWorld } from '../jobs/mail-harness.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import type { World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';
const giulia = { name: 'Giulia Romano', email: 'giulia@initech.example', language: 'it' as const };
const irene = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const };

/** The page's words: tags dropped, entities undone, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'")
    .replace(/\s+/g, ' ');

describeEachStore('deadlines as exact instants', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  let inbox: Inbox;
  let worker: Dispatcher;
  beforeAll(async () => {
    ({ w, inbox, worker } = await openMailWorld(kind, { password: PASSWORD }));
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
  });
  afterAll(() => closeMailWorld({ w, inbox, worker }));

  const closeOf = async (subscriptionId: string) => {
    const line = await w.store.db
      .selectFrom('subscription_line')
      .select(['first_email_at', 'policy_days', 'offer_code'])
      .where('subscription_id', '=', subscriptionId)
      .executeTakeFirstOrThrow();
    return new Date(line.first_email_at!.getTime() + policyDaysOf(line) * 86_400_000).toISOString();
  };
  const setupPath = (mail: ParsedMail) => new URL(mail.links.find((l) => l.includes('/setup/'))!).pathname;

  it('the e-mail, the setup wizard and the partner pages give the close instant, time and zone', async () => {
    const { webOrderId, subscriptionIds } = await w.order({
      lines: [
        { offerCode: 'A-FLEX', quantity: 3, provisioningContact: giulia },
        { offerCode: 'MEET-PRO', quantity: 10, provisioningContact: irene },
      ],
    });
    const [flex, meet] = subscriptionIds as [string, string];
    expect(await runDue(w.deps)).toMatchObject({ dispatched: 2 });
    await worker.drain();
    // First e-mails at 1 December 2026, 09:00 UTC: A-FLEX closes 7 days later, MEET-PRO 30.
    expect(await closeOf(flex)).toBe('2026-12-08T09:00:00.000Z');
    expect(await closeOf(meet)).toBe('2026-12-31T09:00:00.000Z');
    const IT = '8 dicembre 2026, 09:00 UTC';
    const EN = '31 December 2026, 09:00 UTC';

    const [it] = inbox.to(giulia.email) as [ParsedMail];
    const [en] = inbox.to(irene.email) as [ParsedMail];
    expect(it.text).toContain(`Termine per completare la configurazione: ${IT}.`);
    expect(it.html).toContain(`Termine per completare la configurazione: ${IT}.`);
    expect(en.text).toContain(`Please complete the setup by ${EN}.`);
    expect(en.html).toContain(`Please complete the setup by ${EN}.`);

    // The wizard each link opens, in the e-mail's language.
    const visitor = new WebClient(web);
    expect(textOf((await visitor.get(setupPath(it))).html)).toContain(
      `Termine per completare la configurazione: ${IT}.`,
    );
    expect(textOf((await visitor.get(setupPath(en))).html)).toContain(`Please complete the setup by ${EN}.`);

    // The partner who placed the order, in English and in Italian.
    const alice = new WebClient(web);
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
    const line = textOf((await alice.get(`/subscriptions/${meet}`)).html);
    expect(line).toContain(`Closes if not set up ${EN}`);
    const order = textOf((await alice.get(`/orders/${webOrderId}`)).html);
    expect(order).toContain(`Closes on ${EN} if not set up`);
    expect(order).toContain('Closes on 8 December 2026, 09:00 UTC if not set up');
    expect(textOf((await alice.get('/subscriptions')).html)).toContain(`Closes on ${EN} if not set up`);
    const lineIt = textOf((await alice.get(`/subscriptions/${flex}?lang=it`)).html);
    expect(lineIt).toContain(`Chiusura se non configurata ${IT}`);
    expect(textOf((await alice.get(`/orders/${webOrderId}?lang=it`)).html)).toContain(
      `Si chiude il ${IT} se non configurata`,
    );

    // The support agent's console for a case about the line.
    const { caseId } = await openSupportCase(
      w.deps,
      { actor: w.actors.alice },
      { type: 'resend_provisioning_email', reference: meet, description: 'Never arrived.', screenshots: [] },
    );
    const sam = new WebClient(web);
    expect((await sam.signIn(w.actors.sam.email, PASSWORD)).status).toBe(303);
    expect(textOf((await sam.get(`/support/cases/${caseId}?lang=en`)).html)).toContain(
      `Closes if not set up ${EN}`,
    );
  });

  it('gives the link expiry instead when the link dies before the line closes', async () => {
    const ttl = w.deps.settings.setupLinkTtlDays;
    // An offer's period can be edited past the link's lifetime: A-FLEX (7 days), links of 5.
    w.deps.settings.setupLinkTtlDays = 5;
    try {
      const { subscriptionIds } = await w.order({
        lines: [{ offerCode: 'A-FLEX', quantity: 1, provisioningContact: irene }],
      });
      const [flex] = subscriptionIds as [string];
      await runDue(w.deps);
      const token = await w.store.db
        .selectFrom('setup_token')
        .select('expires_at')
        .where('subscription_id', '=', flex)
        .executeTakeFirstOrThrow();
      expect(token.expires_at.toISOString()).toBe('2026-12-06T09:00:00.000Z');
      expect(await closeOf(flex)).toBe('2026-12-08T09:00:00.000Z');
      await worker.drain();
      const mail = inbox.to(irene.email).find((m) => m.text.includes(flex))!;
      expect(mail.text).toContain('Please complete the setup by 6 December 2026, 09:00 UTC.');
      expect(textOf((await new WebClient(web).get(setupPath(mail))).html)).toContain(
        'Please complete the setup by 6 December 2026, 09:00 UTC.',
      );
    } finally {
      w.deps.settings.setupLinkTtlDays = ttl;
    }
  });
});
