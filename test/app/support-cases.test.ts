import { afterAll, beforeAll, expect, it } from 'vitest';

import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { changeContactForSupportCase } from '../../src/app/support/change-contact-for-support-case.js';
import { getSupportCase } from '../../src/app/support/get-support-case.js';
import { getSupportScreenshot } from '../../src/app/support/get-support-screenshot.js';
import { listMySupportCases, listSupportQueue } from '../../src/app/support/list-support-cases.js';
import { openSupportCase } from '../../src/app/support/open-support-case.js';
import { replyToSupportCase } from '../../src/app/support/reply-to-support-case.js';
import { resendForSupportCase } from '../../src/app/support/resend-for-support-case.js';
import { setSupportCaseStatus } from '../../src/app/support/set-support-case-status.js';
import { AppError } from '../../src/domain/errors.js';
import type { TemplateInput } from '../../src/email/index.js';
import { runDue } from '../../src/jobs/run-due.js';
import { blankPng, FAKE_PNG, JPEG_2X1, JPEG_HEADER_ONLY, OVERSIZE_PNG, PNG_1X1 } from '../support/images.js';
import { openedEmailInput } from '../support/queries.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const IRENE = 'irene@initech.example';

describeEachStore('support cases', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  async function awaitingOrder() {
    const placed = await w.order();
    await runDue(w.deps);
    return { webOrderId: placed.webOrderId, orderId: placed.orderId, sub: placed.subscriptionIds[0]! };
  }

  const counts = async () => {
    const [cases, shots, notices] = await Promise.all([
      w.store.db
        .selectFrom('support_case')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      w.store.db
        .selectFrom('support_case_screenshot')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      w.store.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('payload', '@>', JSON.stringify({ input: { template: 'support-notice' } }))
        .executeTakeFirstOrThrow(),
    ]);
    return { cases: Number(cases.n), shots: Number(shots.n), notices: Number(notices.n) };
  };

  const noticesOf = (caseId: string) =>
    w.store.db
      .selectFrom('outbox')
      .select('payload')
      .where('payload', '@>', JSON.stringify({ input: { template: 'support-notice', caseId } }))
      .orderBy('id')
      .execute()
      .then((rows) => rows.map((r) => openedEmailInput<TemplateInput<'support-notice'>>(r.payload)));

  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => 'accepted',
      (e: unknown) => (e instanceof AppError ? e.code : String(e)),
    );

  it('opens a case with screenshots typed by content, and e-mails the requester in the same transaction', async () => {
    const { webOrderId, sub } = await awaitingOrder();
    const { caseId } = await openSupportCase(
      w.deps,
      { actor: w.actors.alice },
      {
        type: 'resend_provisioning_email',
        reference: sub,
        description: 'The contact never got the e-mail, resending did not help.',
        screenshots: [
          { filename: 'inbox.jpg', bytes: PNG_1X1 },
          { filename: '../../etc/spam"folder.jpeg', bytes: JPEG_2X1 },
        ],
      },
    );
    expect(caseId).toMatch(/^CS\d+$/);
    const detail = await getSupportCase(w.deps, { actor: w.actors.alice }, caseId!);
    expect(detail).toMatchObject({ role: 'requester', status: 'open', webOrderId, subscriptionId: sub });
    // The sniffed type wins over the name; the name loses its path and quotes.
    expect(detail.screenshots.map((s) => [s.filename, s.contentType, s.inline])).toEqual([
      ['inbox.jpg', 'image/png', true],
      ['spam_folder.jpeg', 'image/jpeg', true],
    ]);
    const shot = await getSupportScreenshot(
      w.deps,
      { actor: w.actors.alice },
      { caseId: caseId!, screenshotId: detail.screenshots[0]!.id },
    );
    expect(Buffer.from(shot.content).equals(PNG_1X1)).toBe(true);
    expect(await noticesOf(caseId!)).toEqual([
      expect.objectContaining({
        event: 'created',
        secrets: { caseUrl: `http://onramp.test/support/cases/${caseId}` },
      }),
    ]);
    expect((await listMySupportCases(w.deps, w.actors.alice)).map((c) => c.id)).toContain(caseId);
  });

  it('refuses an oversize, non-image, unreadable or 20000×20000 screenshot and stores nothing at all', async () => {
    const { sub } = await awaitingOrder();
    const before = await counts();
    const bomb = blankPng(20_000, 20_000); // about 50 KB on the wire, 1.6 GB once decoded
    const reasons = new Map<Buffer, string>([
      [OVERSIZE_PNG, 'tooLarge'],
      [FAKE_PNG, 'notImage'],
      [JPEG_HEADER_ONLY, 'notImage'],
      [bomb, 'tooManyPixels'],
    ]);
    for (const [bytes, reason] of reasons) {
      const error = await openSupportCase(
        w.deps,
        { actor: w.actors.alice },
        {
          type: 'other',
          reference: sub,
          description: 'x',
          screenshots: [
            { filename: 'ok.png', bytes: PNG_1X1 },
            { filename: 'bad.png', bytes },
          ],
        },
      ).catch((e: unknown) => e as AppError);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError<'INVALID_INPUT'>).details.issues).toEqual([
        expect.objectContaining({
          path: 'screenshots[1]',
          filename: 'bad.png',
          reason,
        }),
      ]);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a case on an order the user cannot see, and a stranger cannot read a case', async () => {
    const { sub } = await awaitingOrder();
    const before = await counts();
    const input = { type: 'other' as const, reference: sub, description: 'x', screenshots: [] };
    // Another partner's order answers like a missing one (issue 18: no existence oracle).
    expect(await refusal(openSupportCase(w.deps, { actor: w.actors.bob }, input))).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);

    const { caseId } = await openSupportCase(w.deps, { actor: w.actors.alice }, input);
    for (const stranger of [w.actors.bob, w.actors.marco, w.actors.paola]) {
      expect(await refusal(getSupportCase(w.deps, { actor: stranger }, caseId!))).toBe('NOT_FOUND');
    }
    expect(await refusal(getSupportCase(w.deps, { key: 'guess' }, caseId!))).toBe('NOT_FOUND');
    expect((await listMySupportCases(w.deps, w.actors.marco)).map((c) => c.id)).not.toContain(caseId);
    expect(await refusal(listSupportQueue(w.deps, w.actors.alice, {}))).toBe('NO_ACCESS');
  });

  it('lets a provisioning contact open a case by e-mail and web order id, reachable only by the e-mailed link', async () => {
    const { webOrderId } = await awaitingOrder();
    const before = await counts();
    const wrong = await openSupportCase(
      w.deps,
      { contactEmail: 'someone@else.example', ip: '192.0.2.1' },
      { type: 'other', reference: webOrderId, description: 'x', screenshots: [] },
    );
    expect(wrong.caseId).toBeNull();
    expect(await counts()).toEqual(before);

    const { caseId } = await openSupportCase(
      w.deps,
      { contactEmail: 'Irene@Initech.example', ip: '192.0.2.1' },
      { type: 'resend_provisioning_email', reference: webOrderId, description: 'No e-mail', screenshots: [] },
    );
    const [created] = await noticesOf(caseId!);
    expect(created).toMatchObject({ event: 'created', to: { name: 'Irene Conti' } });
    const key = new URL(created!.secrets.caseUrl).searchParams.get('key')!;
    expect(key.length).toBeGreaterThan(40);
    const seen = await getSupportCase(w.deps, { key }, caseId!);
    expect(seen).toMatchObject({ role: 'requester', requester: { hasAccount: false } });
    expect(await refusal(getSupportCase(w.deps, { key: key.slice(1) }, caseId!))).toBe('NOT_FOUND');
    // The agent's reply e-mails a new link; the old one stops working.
    await replyToSupportCase(w.deps, w.actors.sam, { caseId: caseId!, body: 'We resent it.' });
    const replied = (await noticesOf(caseId!))[1]!;
    const newKey = new URL(replied.secrets.caseUrl).searchParams.get('key')!;
    expect(await refusal(getSupportCase(w.deps, { key }, caseId!))).toBe('NOT_FOUND');
    expect((await getSupportCase(w.deps, { key: newKey }, caseId!)).events.map((e) => e.kind)).toEqual([
      'opened',
      'reply',
    ]);
  });

  it('agent resends on behalf (audited as the agent), replies and resolves; the requester is e-mailed each time', async () => {
    const { sub } = await awaitingOrder();
    const { caseId } = await openSupportCase(
      w.deps,
      { actor: w.actors.alice },
      { type: 'resend_provisioning_email', reference: sub, description: 'Please resend', screenshots: [] },
    );
    expect(
      await refusal(resendForSupportCase(w.deps, w.actors.alice, { caseId: caseId!, subscriptionId: sub })),
    ).toBe('NO_ACCESS');
    const send = await resendForSupportCase(w.deps, w.actors.sam, { caseId: caseId!, subscriptionId: sub });
    const row = await w.store.db
      .selectFrom('provisioning_email')
      .selectAll()
      .where('id', '=', send.sendId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ reason: 'resend', requested_by_user_id: 'usr_sam', to_email: IRENE });

    await replyToSupportCase(w.deps, w.actors.sam, {
      caseId: caseId!,
      body: 'We sent a new e-mail.',
      status: 'waiting_on_customer',
    });
    expect(await setSupportCaseStatus(w.deps, w.actors.sam, { caseId: caseId!, status: 'resolved' })).toEqual(
      {
        changed: true,
      },
    );
    expect(await setSupportCaseStatus(w.deps, w.actors.sam, { caseId: caseId!, status: 'resolved' })).toEqual(
      {
        changed: false,
      },
    );

    const detail = await getSupportCase(w.deps, { actor: w.actors.sam }, caseId!);
    expect(detail.status).toBe('resolved');
    expect(detail.events.map((e) => [e.kind, e.actor])).toEqual([
      ['opened', 'Alice Rossi <alice@acme.example>'],
      ['resend', 'Sam Agent <sam@ops.example>'],
      ['reply', 'Sam Agent <sam@ops.example>'],
      ['status', 'Sam Agent <sam@ops.example>'],
      ['status', 'Sam Agent <sam@ops.example>'],
    ]);
    expect(detail.lines[0]!.sends.map((s) => s.requestedBy)).toContain('Sam Agent <sam@ops.example>');
    expect((await noticesOf(caseId!)).map((n) => [n.event, n.body])).toEqual([
      ['created', undefined],
      ['replied', 'We sent a new e-mail.'],
      ['resolved', undefined],
    ]);
    const queue = await listSupportQueue(w.deps, w.actors.sam, { status: 'resolved' });
    expect(queue.map((c) => c.id)).toContain(caseId);
    expect(queue.every((c) => c.status === 'resolved')).toBe(true);
  });

  it('after the PONR the console says why, and a resend or contact change on behalf changes nothing', async () => {
    const { orderId, sub } = await awaitingOrder();
    const { caseId } = await openSupportCase(
      w.deps,
      { actor: w.actors.alice },
      { type: 'resend_provisioning_email', reference: sub, description: 'Please resend', screenshots: [] },
    );
    await mapOrderToOrganization(w.deps, {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    const detail = await getSupportCase(w.deps, { actor: w.actors.sam }, caseId!);
    expect(detail.lines[0]!.resendRefusal).toMatchObject({
      code: 'PAST_PONR',
      details: { adminPortalUrl: 'http://onramp.test/admin' },
    });
    const contact = { name: 'Other', email: 'other@initech.example', language: 'en' as const };
    expect(
      await refusal(resendForSupportCase(w.deps, w.actors.sam, { caseId: caseId!, subscriptionId: sub })),
    ).toBe('PAST_PONR');
    expect(
      await refusal(
        changeContactForSupportCase(w.deps, w.actors.sam, { caseId: caseId!, subscriptionId: sub, contact }),
      ),
    ).toBe('PAST_PONR');
    const after = await getSupportCase(w.deps, { actor: w.actors.sam }, caseId!);
    expect(after.events.map((e) => e.kind)).toEqual(['opened']);
    expect(after.status).toBe('open');
  });

  it('agent changes the contact for a case: the new contact is e-mailed, and only lines of the case are allowed', async () => {
    const { sub } = await awaitingOrder();
    const other = await awaitingOrder();
    const { caseId } = await openSupportCase(
      w.deps,
      { actor: w.actors.alice },
      { type: 'change_provisioning_contact', reference: sub, description: 'New contact', screenshots: [] },
    );
    const contact = { name: 'Nina Verdi', email: 'nina@initech.example', language: 'it' as const };
    expect(
      await refusal(
        changeContactForSupportCase(w.deps, w.actors.sam, {
          caseId: caseId!,
          subscriptionId: other.sub,
          contact,
        }),
      ),
    ).toBe('INVALID_INPUT');
    const result = await changeContactForSupportCase(w.deps, w.actors.sam, {
      caseId: caseId!,
      subscriptionId: sub,
      contact,
    });
    expect(result.updated).toEqual([{ subscriptionId: sub, sendId: expect.any(String) }]);
    // On the line's timeline as the agent's change, with the e-mail it queued.
    const audit = await w.store.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'data'])
      .where('subscription_id', '=', sub)
      .where('action', '=', 'provisioning_contact.changed')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_user_id: w.actors.sam.userId,
      data: { to: contact, via: 'support', sendId: result.updated[0]!.sendId },
    });
    const detail = await getSupportCase(w.deps, { actor: w.actors.sam }, caseId!);
    expect(detail.lines[0]!.provisioningContact.email).toBe('nina@initech.example');
    expect(detail.status).toBe('in_progress');
  });

  it('limits how many cases one requester opens per hour', async () => {
    const { sub } = await awaitingOrder();
    const input = { type: 'other' as const, reference: sub, description: 'x', screenshots: [] };
    const limit = {
      perRequester: { limit: 2, windowMs: 3_600_000 },
      perIp: { limit: 3, windowMs: 3_600_000 },
    };
    await openSupportCase(w.deps, { actor: w.actors.paola }, input, limit);
    await openSupportCase(w.deps, { actor: w.actors.paola }, input, limit);
    expect(await refusal(openSupportCase(w.deps, { actor: w.actors.paola }, input, limit))).toBe(
      'RATE_LIMITED',
    );
    w.clock.advance(3_600_000);
    expect((await openSupportCase(w.deps, { actor: w.actors.paola }, input, limit)).caseId).toMatch(/^CS/);
    // Signed out, one visitor trying address after address is stopped by IP.
    const guess = (n: number) =>
      openSupportCase(
        w.deps,
        { contactEmail: `guess${n}@initech.example`, ip: '198.51.100.7' },
        input,
        limit,
      );
    for (const n of [1, 2, 3]) expect((await guess(n)).caseId).toBeNull();
    expect(await refusal(guess(4))).toBe('RATE_LIMITED');
  });
});
