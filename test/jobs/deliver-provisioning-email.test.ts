/**
 * The provisioning e-mail travels the whole way: RSD reached -> outbox row -> dispatcher -> a real
 * SMTP socket -> parsed at the sink. What arrives is what the contact needs: their language, the
 * setup link whose hash the database holds, and the deadline.
 */
import { createHash } from 'node:crypto';

import { afterAll, beforeAll, expect, it } from 'vitest';

import type { ParsedMail } from '../../src/email/index.js';
import { runDue } from '../../src/jobs/run-due.js';
import { describeEachStore } from '../support/test-store.js';
import type { World } from '../support/world.js';
import { closeMailWorld, type Dispatcher, type Inbox, openMailWorld } from './mail-harness.js';

const giulia = { name: 'Giulia Romano', email: 'giulia@initech.example', language: 'it' as const };
const irene = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const };

describeEachStore('provisioning e-mail delivered over SMTP', (kind) => {
  let w: World;
  let inbox: Inbox;
  let worker: Dispatcher;
  beforeAll(async () => {
    ({ w, inbox, worker } = await openMailWorld(kind));
  });
  afterAll(() => closeMailWorld({ w, inbox, worker }));

  const sendOf = (subscriptionId: string) =>
    w.store.db
      .selectFrom('provisioning_email')
      .selectAll()
      .where('subscription_id', '=', subscriptionId)
      .executeTakeFirstOrThrow();

  /** The token in the mailed link, checked against the stored hash of this send's live link. */
  async function expectWorkingSetupLink(mail: ParsedMail, subscriptionId: string, sendId: string) {
    const links = mail.links.filter((l) => l.startsWith('http://onramp.test/setup/'));
    expect(new Set(links).size).toBe(1);
    const token = links[0]!.slice('http://onramp.test/setup/'.length);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.text).toContain(links[0]);
    const row = await w.store.db
      .selectFrom('setup_token')
      .selectAll()
      .where('token_hash', '=', createHash('sha256').update(token).digest())
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      subscription_id: subscriptionId,
      send_id: sendId,
      revoked_at: null,
      used_at: null,
    });
  }

  it('reaches each contact in their language with a working setup link and the deadline', async () => {
    const { webOrderId, subscriptionIds } = await w.order({
      lines: [
        { offerCode: 'A-FLEX', quantity: 3, provisioningContact: giulia },
        { offerCode: 'MEET-PRO', quantity: 10, provisioningContact: irene },
      ],
    });
    const [flex, meet] = subscriptionIds as [string, string];
    expect(await runDue(w.deps)).toMatchObject({ dispatched: 2 });

    expect(await worker.drain()).toEqual({ claimed: 2, sent: 2, retrying: 0, failed: 0, withdrawn: 0 });
    expect(inbox.received).toHaveLength(2);

    // Italian contact, A-FLEX: closes 7 days after the first e-mail (2026-12-01 09:00 UTC).
    const [it] = inbox.to(giulia.email) as [ParsedMail];
    const flexSend = await sendOf(flex);
    expect(it.to).toEqual([giulia.email]);
    expect(it.from).toBe('provisioning@onramp.test');
    expect(it.messageId).toBe(`<${flexSend.id}@onramp.test>`);
    expect(it.subject).toBe(`Informazioni richieste per l’attivazione dell’ordine ${webOrderId}`);
    expect(it.html).toContain('<html lang="it"');
    expect(it.text).toContain('Gentile Giulia Romano,');
    expect(it.text).not.toContain('Please complete the setup');
    expect(it.text).toContain('Termine per completare la configurazione: 8 dicembre 2026, 09:00 UTC.');
    expect(it.text).toContain(flex);
    await expectWorkingSetupLink(it, flex, flexSend.id);

    // English contact, MEET-PRO: the default 30 days.
    const [en] = inbox.to(irene.email) as [ParsedMail];
    const meetSend = await sendOf(meet);
    expect(en.messageId).toBe(`<${meetSend.id}@onramp.test>`);
    expect(en.subject).toBe(`Provisioning information required for order ${webOrderId}`);
    expect(en.html).toContain('<html lang="en"');
    expect(en.text).toContain('Please complete the setup by 31 December 2026, 09:00 UTC.');
    expect(en.text).toContain(meet);
    await expectWorkingSetupLink(en, meet, meetSend.id);
  });

  it('records the send as sent with the server reply, and keeps no setup link in the outbox', async () => {
    const { subscriptionIds } = await w.order();
    await runDue(w.deps);
    await worker.drain();
    const send = await sendOf(subscriptionIds[0]!);
    expect(send.status).toBe('sent');
    expect(send.status_detail).toMatch(/^250 /);
    const row = await w.store.db
      .selectFrom('outbox')
      .selectAll()
      .where('send_id', '=', send.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'done', attempts: 1, last_error: null });
    expect(row.payload).toMatchObject({
      input: { template: 'provisioning', lines: [{ subscriptionId: send.subscription_id }] },
    });
    expect((row.payload as { input: object }).input).not.toHaveProperty('secrets');
    expect(JSON.stringify(row.payload)).not.toContain('/setup/');
    const events = await w.store.db
      .selectFrom('audit_event')
      .select(['action', 'data'])
      .where('subscription_id', '=', send.subscription_id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'line.created',
      'provisioning_email.queued',
      'provisioning_email.sent',
    ]);
    expect(events[2]!.data).toMatchObject({ sendId: send.id, to: 'irene@initech.example' });
  });
});
