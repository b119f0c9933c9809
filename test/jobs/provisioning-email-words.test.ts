/**
 * What the provisioning e-mail and the setup pages say about who is asked, over a real SMTP socket
 * and the real web app: a new contact's first e-mail reads as a first e-mail (the resend note only
 * when this address already got one for the order), a delegate's e-mail and wizard name the
 * colleague who delegated, and the old contact's dead link says the partner named someone else,
 * with no new link to ask for.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { resendProvisioningEmail } from '../../src/app/lines/resend-provisioning-email.js';
import { delegateSetup } from '../../src/app/setup/delegate-setup.js';
import { requestNewSetupLink } from '../../src/app/setup/request-new-setup-link.js';
import { runDue } from '../../src/jobs/run-due.js';
import { createWeb } from '../../src/web/create-web.js';
import { awaitingOrder, expireSetupLinks, freshContact, setupTokenOf } from '../app/setup-fixtures.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Dispatcher, dispatcher, type Inbox, startInbox } from './mail-harness.js';

const RESEND_NOTE = { en: 'This e-mail replaces the one we sent earlier', it: 'sostituisce quella inviata' };

describeEachStore('who the provisioning e-mail and the setup pages say asked you', (kind) => {
  let w: World;
  let inbox: Inbox;
  let worker: Dispatcher;
  let web: ReturnType<typeof createWeb>;
  beforeAll(async () => {
    w = await createWorld(kind);
    inbox = await startInbox();
    worker = dispatcher(w.deps, inbox.port);
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
  });
  afterAll(async () => {
    worker.close();
    await inbox.close();
    await w.close();
  });

  /** The e-mails delivered to an address so far, oldest first. */
  async function mailsTo(address: string) {
    await worker.drain();
    return inbox.to(address);
  }
  const sendCount = async (subscriptionId: string) =>
    (
      await w.store.db
        .selectFrom('provisioning_email')
        .select('id')
        .where('subscription_id', '=', subscriptionId)
        .execute()
    ).length;

  it("a new contact's first e-mail has no resend note; a resend to the same address (any case) has it", async () => {
    const {
      subscriptionIds: [sub],
      contact,
    } = await awaitingOrder(w);
    const [first] = await mailsTo(contact.email);
    expect(first!.text).not.toContain(RESEND_NOTE.en);

    const nora = { ...freshContact('nora'), name: 'Nora Nuovo' };
    await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId: sub!,
      contact: nora,
      applyToAllLines: false,
    });
    const [norasFirst] = await mailsTo(nora.email);
    expect(norasFirst!.text).toContain('named you as the provisioning contact');
    expect(norasFirst!.text).not.toContain(RESEND_NOTE.en);

    await resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: sub! });
    const norasMails = await mailsTo(nora.email);
    expect(norasMails).toHaveLength(2);
    expect(norasMails[1]!.text).toContain(RESEND_NOTE.en);

    // Back to the first contact, in other letters: that address did get an e-mail for this order.
    await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId: sub!,
      contact: { ...contact, email: contact.email.toUpperCase() },
      applyToAllLines: false,
    });
    await worker.drain();
    const back = inbox.received
      .filter((r) => r.envelope.to.some((to) => to.toLowerCase() === contact.email))
      .map((r) => r.mail);
    expect(back.map((m) => m.text.includes(RESEND_NOTE.en))).toEqual([false, true]);
  });

  it("the old contact's dead link names the partner and offers no new link; asking for one is refused", async () => {
    const {
      subscriptionIds: [sub],
      contact,
    } = await awaitingOrder(w);
    const dead = await setupTokenOf(w, sub!);
    await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId: sub!,
      contact: freshContact('nora'),
      applyToAllLines: false,
    });
    const sends = await sendCount(sub!);

    const client = new WebClient(web);
    await client.get('/sign-in'); // a page with a form: its CSRF token
    const page = await client.get(`/setup/${dead}`);
    expect(page.status).toBe(410);
    expect(page.html).toContain('Acme Reseller, who placed this order, named someone else');
    expect(page.html).not.toContain('Send me a new link');
    expect(page.html).not.toContain('/new-link');

    const asked = await client.post(`/setup/${dead}/new-link`, { email: contact.email });
    expect(asked.status).toBe(410);
    expect(asked.html).not.toContain('Check your inbox');
    await expect(
      requestNewSetupLink(w.deps, { token: dead, email: contact.email, ip: '192.0.2.77' }),
    ).rejects.toMatchObject({ code: 'TOKEN_INVALID', details: { revokedReason: 'contact_change' } });
    expect(await sendCount(sub!)).toBe(sends);
  });

  it('a link resent to the same contact stays alive; an expired one offers a new link', async () => {
    const {
      subscriptionIds: [sub],
    } = await awaitingOrder(w);
    const first = await setupTokenOf(w, sub!);
    await resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: sub! });
    expect((await new WebClient(web).get(`/setup/${first}`)).status).toBe(200);
    await expireSetupLinks(w, sub!);
    const page = await new WebClient(web).get(`/setup/${first}`);
    expect(page.status).toBe(410);
    expect(page.html).toContain('Send me a new link');
  });

  for (const language of ['en', 'it'] as const) {
    it(`a delegate's e-mail and wizard name the colleague who delegated (${language})`, async () => {
      const luca = { name: 'Luca Ferri', email: freshContact('luca').email, language: 'en' as const };
      const {
        subscriptionIds: [sub],
      } = await awaitingOrder(w, [{ contact: luca }]);
      const lucasLink = await setupTokenOf(w, sub!);
      const nora = { ...freshContact('nora'), name: 'Nora Nuovo', language };
      await delegateSetup(w.deps, lucasLink, nora);

      const [mail] = await mailsTo(nora.email);
      const asked = {
        en: 'Luca Ferri asked you to set up the subscriptions below, which Acme Reseller ordered',
        it: 'Luca Ferri Le ha chiesto di configurare gli abbonamenti elencati di seguito, che Acme Reseller ha ordinato',
      }[language];
      expect(mail!.text).toContain(asked);
      expect(mail!.text).not.toContain(RESEND_NOTE[language]);
      expect(mail!.text).toContain(
        { en: 'because Luca Ferri named you', it: 'perché Luca Ferri ha indicato il Suo indirizzo' }[
          language
        ],
      );

      const link = mail!.links.find((l) => l.includes('/setup/'))!;
      const wizard = await new WebClient(web).get(link.slice(link.indexOf('/setup/')));
      expect(wizard.status).toBe(200);
      expect(wizard.html).toContain(
        { en: 'Luca Ferri asked you to set up', it: 'Luca Ferri Le ha chiesto di configurare' }[language],
      );

      // Luca's own link: handed to a colleague, no new link to ask for.
      const dead = await new WebClient(web).get(`/setup/${lucasLink}`);
      expect(dead.status).toBe(410);
      expect(dead.html).toContain('You handed this setup to a colleague');
      expect(dead.html).not.toContain('Send me a new link');
    });
  }

  // Last: it moves the clock to the reminders.
  it("the delegate's reminder names the colleague too; it has no resend note", async () => {
    const luca = { name: 'Luca Ferri', email: freshContact('luca').email, language: 'en' as const };
    const {
      subscriptionIds: [sub],
    } = await awaitingOrder(w, [{ contact: luca }]);
    const nora = { ...freshContact('nora'), name: 'Nora Nuovo' };
    await delegateSetup(w.deps, await setupTokenOf(w, sub!), nora);
    w.clock.advance(29.5 * 86_400_000);
    await runDue(w.deps);
    const mails = await mailsTo(nora.email);
    const reminder = mails.find((m) => m.subject.startsWith('Reminder:'));
    expect(reminder?.text).toContain('because Luca Ferri named you as the provisioning contact');
    expect(reminder?.text).not.toContain(RESEND_NOTE.en);
  });
});
