/**
 * Support talks both ways (issue 20), through a real SMTP socket: the requester replies with
 * screenshots on the case page, agents' replies and closing e-mail the reply text (escaped in
 * HTML, whole in the text part) with the case link, a reply reopens a closed case within the
 * window and is refused after it (injected clock), and a customer admin opens a case about an
 * order of her organization.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { addRequesterReply } from '../../src/app/support/add-requester-reply.js';
import { getSupportCase } from '../../src/app/support/get-support-case.js';
import { listMySupportCases, listSupportQueue } from '../../src/app/support/list-support-cases.js';
import { openSupportCase } from '../../src/app/support/open-support-case.js';
import { replyToSupportCase } from '../../src/app/support/reply-to-support-case.js';
import { setSupportCaseStatus } from '../../src/app/support/set-support-case-status.js';
import { AppError } from '../../src/domain/errors.js';
import { REOPEN_WINDOW_DAYS } from '../../src/domain/support-case-thread.js';
import { runDue } from '../../src/jobs/run-due.js';
import { closeMailWorld, DAY, type MailWorld, openMailWorld } from '../jobs/mail-harness.js';
import { FAKE_PNG, JPEG_2X1, PNG_1X1 } from '../support/images.js';
import { describeEachStore } from '../support/test-store.js';

const IRENE = 'irene@initech.example';
const NASTY = 'Line 1 <b>bold</b> & "quotes"\n<script>alert(1)</script>';

describeEachStore('support both ways', (kind) => {
  let m: MailWorld;
  beforeAll(async () => {
    m = await openMailWorld(kind);
  });
  afterAll(() => closeMailWorld(m));

  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => 'accepted',
      (e: unknown) => (e instanceof AppError ? e.code : String(e)),
    );

  /** Delivers what is due and returns the mails newly received by `to`. */
  async function deliver(to: string) {
    const before = m.inbox.to(to).length;
    await m.worker.drain();
    return m.inbox.to(to).slice(before);
  }

  const keyOf = (links: string[], caseId: string) => {
    const url = links.find((l) => l.includes(`/support/cases/${caseId}`));
    return url ? new URL(url).searchParams.get('key') : null;
  };

  async function contactCase(language: 'en' | 'it' = 'en') {
    const placed = await m.w.order({
      lines: [
        {
          offerCode: 'MEET-PRO',
          quantity: 5,
          provisioningContact: { name: 'Irene Conti', email: IRENE, language },
        },
      ],
    });
    await runDue(m.w.deps);
    await deliver(IRENE); // the provisioning e-mail
    const { caseId } = await openSupportCase(
      m.w.deps,
      { contactEmail: IRENE, ip: '192.0.2.10' },
      { type: 'other', reference: placed.webOrderId, description: 'Nothing arrives', screenshots: [] },
    );
    const [created] = await deliver(IRENE);
    const key = keyOf(created!.links, caseId!);
    expect(key).toBeTruthy();
    return { caseId: caseId!, key: key!, placed };
  }

  it('runs a two-way thread: agent replies are e-mailed escaped with the link, requester replies reach the agents', async () => {
    const { caseId, key } = await contactCase();

    await replyToSupportCase(m.w.deps, m.w.actors.sam, {
      caseId,
      body: NASTY,
      status: 'waiting_on_customer',
    });
    const [reply] = await deliver(IRENE);
    expect(reply!.subject).toBe(`New reply on support case ${caseId}`);
    // The HTML carries the text escaped (no markup of the agent's reaches the reader) ...
    expect(reply!.html).toContain('Line 1 &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;');
    expect(reply!.html).not.toContain('<script>alert(1)</script>');
    expect(reply!.html).not.toContain('<b>bold</b>');
    // ... and the text part quotes it whole, with the case link written out.
    expect(reply!.text).toContain('> Line 1 <b>bold</b> & "quotes"\n> <script>alert(1)</script>');
    const newKey = keyOf(reply!.links, caseId)!;
    expect(reply!.text).toContain(`http://onramp.test/support/cases/${caseId}?key=${newKey}`);
    expect(newKey).not.toBe(key);

    // The requester answers with a screenshot through the newest link; the old link no longer works.
    expect(
      await refusal(addRequesterReply(m.w.deps, { key }, { caseId, body: 'old link', screenshots: [] })),
    ).toBe('NOT_FOUND');
    const answered = await addRequesterReply(
      m.w.deps,
      { key: newKey },
      {
        caseId,
        body: 'Still nothing, see the inbox.',
        screenshots: [{ filename: 'inbox.png', bytes: PNG_1X1 }],
      },
    );
    expect(answered).toEqual({ reopened: false, screenshotIds: [`${caseId}-1`] });
    // A requester's reply is not e-mailed back to them; the agents' side sees it in the queue.
    expect(await deliver(IRENE)).toEqual([]);
    const queue = await listSupportQueue(m.w.deps, m.w.actors.sam, { status: 'awaiting_agent' });
    expect(queue.map((c) => c.id)).toContain(caseId);

    // A bad screenshot refuses the whole reply: nothing is stored.
    expect(
      await refusal(
        addRequesterReply(
          m.w.deps,
          { key: newKey },
          { caseId, body: 'again', screenshots: [{ filename: 'x.png', bytes: FAKE_PNG }] },
        ),
      ),
    ).toBe('INVALID_INPUT');

    await replyToSupportCase(m.w.deps, m.w.actors.sam, { caseId, body: 'Found it: a filter on your side.' });
    const [second] = await deliver(IRENE);
    expect(second!.text).toContain('> Found it: a filter on your side.');
    const latest = keyOf(second!.links, caseId)!;

    const seen = await getSupportCase(m.w.deps, { key: latest }, caseId);
    // The agent's answer took it off the agents' waiting list.
    expect(seen.status).toBe('in_progress');
    expect(seen.events.map((e) => [e.kind, e.body])).toEqual([
      ['opened', null],
      ['reply', NASTY],
      ['status', null],
      ['requester_reply', 'Still nothing, see the inbox.'],
      ['status', null],
      ['reply', 'Found it: a filter on your side.'],
      ['status', null],
    ]);
    expect(seen.events[3]!.data).toEqual({ screenshots: [`${caseId}-1`] });
    expect(seen.events[3]!.actor).toBe(`Irene Conti <${IRENE}>`);
    expect(seen.screenshots.map((s) => s.id)).toEqual([`${caseId}-1`]);
    // An agent cannot post as the requester.
    expect(
      await refusal(
        addRequesterReply(m.w.deps, { actor: m.w.actors.sam }, { caseId, body: 'x', screenshots: [] }),
      ),
    ).toBe('NO_ACCESS');
  });

  it('closing e-mails the requester (Italian: text, link, how to reopen); a reply reopens within 14 days, not after', async () => {
    const { caseId } = await contactCase('it');
    await replyToSupportCase(m.w.deps, m.w.actors.sam, {
      caseId,
      body: 'Risolto: <abbiamo> reinviato.',
      status: 'resolved',
    });
    const [closing] = await deliver(IRENE);
    // One e-mail: the reply and the closing together.
    expect(closing!.subject).toBe(`Richiesta di assistenza ${caseId} risolta`);
    expect(closing!.html).toContain('Risolto: &lt;abbiamo&gt; reinviato.');
    expect(closing!.text).toContain('> Risolto: <abbiamo> reinviato.');
    expect(closing!.text).toContain(`entro ${REOPEN_WINDOW_DAYS} giorni`);
    const key = keyOf(closing!.links, caseId)!;
    expect(closing!.text).toContain(`/support/cases/${caseId}?key=${key}`);
    expect(await deliver(IRENE)).toEqual([]);

    // Day 14 exactly: still reopenable.
    m.w.clock.advance(REOPEN_WINDOW_DAYS * DAY);
    expect((await getSupportCase(m.w.deps, { key }, caseId)).replyWindow.kind).toBe('reopenable');
    const reopened = await addRequesterReply(
      m.w.deps,
      { key },
      { caseId, body: 'Di nuovo rotto', screenshots: [] },
    );
    expect(reopened.reopened).toBe(true);
    let detail = await getSupportCase(m.w.deps, { key }, caseId);
    expect(detail).toMatchObject({ status: 'awaiting_agent', closedAt: null, replyWindow: { kind: 'open' } });
    expect(detail.events.at(-1)!.data).toMatchObject({
      from: 'resolved',
      to: 'awaiting_agent',
      reopened: true,
    });

    // Closing without a reply also e-mails; the window restarts from this close.
    await setSupportCaseStatus(m.w.deps, m.w.actors.sam, { caseId, status: 'closed' });
    const [closed] = await deliver(IRENE);
    expect(closed!.subject).toBe(`Richiesta di assistenza ${caseId} chiusa`);
    const lastKey = keyOf(closed!.links, caseId)!;

    m.w.clock.advance(REOPEN_WINDOW_DAYS * DAY + 1);
    detail = await getSupportCase(m.w.deps, { key: lastKey }, caseId);
    expect(detail.replyWindow.kind).toBe('over');
    const eventsBefore = detail.events.length;
    const late = await addRequesterReply(
      m.w.deps,
      { key: lastKey },
      { caseId, body: 'Too late', screenshots: [{ filename: 'a.jpg', bytes: JPEG_2X1 }] },
    ).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(AppError);
    expect(late).toMatchObject({ code: 'CASE_CLOSED', details: { days: REOPEN_WINDOW_DAYS } });
    detail = await getSupportCase(m.w.deps, { key: lastKey }, caseId);
    expect(detail.status).toBe('closed');
    expect(detail.events).toHaveLength(eventsBefore);
    expect(detail.screenshots).toEqual([]);
  });

  it("limits replies per case; a stranger's guesses do not use up the requester's replies", async () => {
    const { caseId, key } = await contactCase();
    const limit = { limit: 2, windowMs: 3_600_000 };
    const reply = (viewer: { key: string }) =>
      addRequesterReply(m.w.deps, viewer, { caseId, body: 'x', screenshots: [] }, limit);
    for (let i = 0; i < 5; i++) expect(await refusal(reply({ key: `guess-${i}` }))).toBe('NOT_FOUND');
    expect(await refusal(reply({ key }))).toBe('accepted');
    expect(await refusal(reply({ key }))).toBe('accepted');
    expect(await refusal(reply({ key }))).toBe('RATE_LIMITED');
    m.w.clock.advance(3_600_000);
    expect(await refusal(reply({ key }))).toBe('accepted');
  });

  describe('customer admins', () => {
    it("open a case about an order of their organization, by web order id or subscription id; not about others'", async () => {
      const placed = await m.w.order();
      const other = await m.w.order();
      await runDue(m.w.deps);
      await mapOrderToOrganization(m.w.deps, {
        orderId: placed.orderId,
        organization: { organizationId: 'org_globex' },
        confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
      });
      const carla = m.w.actors.carla;
      const input = { type: 'other' as const, description: 'A licence is missing', screenshots: [] };
      const byOrder = await openSupportCase(
        m.w.deps,
        { actor: carla },
        { ...input, reference: placed.webOrderId },
      );
      const bySub = await openSupportCase(
        m.w.deps,
        { actor: carla },
        { ...input, reference: placed.subscriptionIds[0]! },
      );
      expect(byOrder.caseId).toMatch(/^CS\d+$/);
      expect(bySub.caseId).toMatch(/^CS\d+$/);
      const subjects = (await deliver('carla@globex.example')).map((mail) => mail.subject);
      expect(subjects).toEqual(
        expect.arrayContaining([
          `Support case ${byOrder.caseId} opened`,
          `Support case ${bySub.caseId} opened`,
        ]),
      );
      expect((await listMySupportCases(m.w.deps, carla)).map((c) => c.id)).toEqual(
        expect.arrayContaining([byOrder.caseId, bySub.caseId]),
      );
      // She answers on her own case; an order not mapped to her organization answers like a missing one.
      expect(
        (
          await addRequesterReply(
            m.w.deps,
            { actor: carla },
            { caseId: byOrder.caseId!, body: 'Thanks', screenshots: [] },
          )
        ).reopened,
      ).toBe(false);
      expect(
        await refusal(openSupportCase(m.w.deps, { actor: carla }, { ...input, reference: other.webOrderId })),
      ).toBe('NOT_FOUND');
      expect(
        await refusal(
          openSupportCase(m.w.deps, { actor: carla }, { ...input, reference: other.subscriptionIds[0]! }),
        ),
      ).toBe('NOT_FOUND');
      // Another organization's user cannot read or answer her case.
      expect(await refusal(getSupportCase(m.w.deps, { actor: m.w.actors.alice }, byOrder.caseId!))).toBe(
        'NOT_FOUND',
      );
      expect(
        await refusal(
          addRequesterReply(
            m.w.deps,
            { actor: m.w.actors.alice },
            { caseId: byOrder.caseId!, body: 'x', screenshots: [] },
          ),
        ),
      ).toBe('NOT_FOUND');
    });
  });
});
