/**
 * POST /api/v1/email-events: the mail provider reports bounces (JSON or a raw DSN) with a shared
 * secret instead of a bearer token. Driven with `app.request`; the e-mails it reports on really
 * went through the SMTP sink, and the Message-IDs come from what the sink received.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createApi } from '../../src/http/create-api.js';
import { runDue } from '../../src/jobs/run-due.js';
import { enqueue } from '../../src/store/outbox-repository.js';
import { lineClosedInput } from '../email/email-fixtures.js';
import { checkedRequest } from '../http/api-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Dispatcher, dispatcher, type Inbox, startInbox } from './mail-harness.js';

const SECRET = 'whsec_0123456789abcdef0123456789abcdef';
const PATH = '/api/v1/email-events';
const MAX_BODY_BYTES = 20_000;

interface Reply {
  status: number;
  body: { sendId?: string; status?: string; changed?: boolean; error?: { code: string } };
}

describeEachStore('POST /api/v1/email-events', (kind) => {
  let w: World;
  let inbox: Inbox;
  let worker: Dispatcher;
  let api: ReturnType<typeof createApi>;
  beforeAll(async () => {
    w = await createWorld(kind);
    inbox = await startInbox();
    worker = dispatcher(w.deps, inbox.port);
    api = apiWith(SECRET);
  });
  afterAll(async () => {
    worker.close();
    await inbox.close();
    await w.close();
  });

  function apiWith(secret: string | undefined) {
    return createApi(
      { ...w.deps, store: w.store, maxBodyBytes: MAX_BODY_BYTES, emailEventsSecret: secret },
      { logError: (err) => console.error(err) },
    );
  }

  async function post(
    body: unknown,
    opts: { secret?: string | null; contentType?: string; app?: typeof api } = {},
  ): Promise<Reply> {
    const secret = opts.secret === undefined ? SECRET : opts.secret;
    const res = await checkedRequest(opts.app ?? api, PATH, {
      method: 'POST',
      headers: {
        'content-type': opts.contentType ?? 'application/json',
        ...(secret === null ? {} : { 'X-Onramp-Webhook-Secret': secret }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Reply['body'] };
  }

  /** A provisioning e-mail that really went out; its Message-ID as the sink saw it. */
  async function sentEmail(email = 'irene@initech.example') {
    const { subscriptionIds } = await w.order({
      lines: [
        { offerCode: 'MEET-PRO', quantity: 1, provisioningContact: { name: 'Irene', email, language: 'en' } },
      ],
    });
    await runDue(w.deps);
    await worker.drain();
    const subscriptionId = subscriptionIds[0]!;
    const send = await w.store.db
      .selectFrom('provisioning_email')
      .select('id')
      .where('subscription_id', '=', subscriptionId)
      .executeTakeFirstOrThrow();
    const messageId = inbox.to(email).at(-1)!.messageId!;
    expect(messageId).toBe(`<${send.id}@onramp.test>`);
    return { subscriptionId, sendId: send.id, messageId };
  }

  const sendRow = (sendId: string) =>
    w.store.db
      .selectFrom('provisioning_email')
      .select(['status', 'status_detail'])
      .where('id', '=', sendId)
      .executeTakeFirstOrThrow();

  const audit = (subscriptionId: string, action: string) =>
    w.store.db
      .selectFrom('audit_event')
      .select(['data', 'actor_label'])
      .where('subscription_id', '=', subscriptionId)
      .where('action', '=', action)
      .execute();

  it('a bounce by Message-ID marks the send bounced, on the timeline, once', async () => {
    const { subscriptionId, sendId, messageId } = await sentEmail();
    const event = { type: 'bounced', messageId, detail: '550 5.1.1 <irene@initech.example>: user unknown' };

    expect(await post(event)).toEqual({ status: 200, body: { sendId, status: 'bounced', changed: true } });
    expect(await sendRow(sendId)).toEqual({ status: 'bounced', status_detail: event.detail });
    const events = await audit(subscriptionId, 'provisioning_email.bounced');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({ sendId, to: 'irene@initech.example', detail: event.detail });

    // Providers retry webhooks: the same report again changes nothing.
    expect(await post(event)).toEqual({ status: 200, body: { sendId, status: 'bounced', changed: false } });
    expect(await audit(subscriptionId, 'provisioning_email.bounced')).toHaveLength(1);
    // A late "delivered" does not hide the bounce.
    expect((await post({ type: 'delivered', messageId })).body).toMatchObject({
      status: 'bounced',
      changed: false,
    });

    // The partner sees it on the line.
    const res = await checkedRequest(api, `/api/v1/subscriptions/${subscriptionId}`, {
      headers: { authorization: `Bearer ${w.tokens.alice}` },
    });
    const detail = (await res.json()) as {
      sends: { sendId: string; status: string; statusDetail: string }[];
    };
    expect(detail.sends).toEqual([
      expect.objectContaining({ sendId, status: 'bounced', statusDetail: event.detail }),
    ]);
  });

  it('accepts the send id instead of the Message-ID, and records failed and delivered reports', async () => {
    const { subscriptionId, sendId } = await sentEmail();
    const { status_detail: serverReply } = await sendRow(sendId);

    expect((await post({ type: 'delivered', sendId })).body).toEqual({
      sendId,
      status: 'sent',
      changed: false,
    });
    expect(await sendRow(sendId)).toEqual({ status: 'sent', status_detail: serverReply });

    expect((await post({ type: 'failed', sendId, detail: 'dropped: spam' })).body).toMatchObject({
      status: 'failed',
      changed: true,
    });
    expect(await sendRow(sendId)).toEqual({ status: 'failed', status_detail: 'dropped: spam' });
    expect(await audit(subscriptionId, 'provisioning_email.failed')).toHaveLength(1);
  });

  it('reads a raw DSN (message/delivery-status)', async () => {
    const { subscriptionId, sendId, messageId } = await sentEmail();
    const dsn = [
      'Reporting-MTA: dns; mx.initech.example',
      `Original-Message-ID: ${messageId}`,
      '',
      'Final-Recipient: rfc822; irene@initech.example',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <irene@initech.example>:',
      '  Recipient address rejected: User unknown',
      '',
    ].join('\r\n');

    expect(await post(dsn, { contentType: 'message/delivery-status' })).toEqual({
      status: 200,
      body: { sendId, status: 'bounced', changed: true },
    });
    const detail = '5.1.1 smtp; 550 5.1.1 <irene@initech.example>: Recipient address rejected: User unknown';
    expect(await sendRow(sendId)).toEqual({ status: 'bounced', status_detail: detail });
    expect((await audit(subscriptionId, 'provisioning_email.bounced'))[0]!.data).toMatchObject({ detail });
  });

  it('reads a whole multipart/report: the returned headers name the original message', async () => {
    const { sendId, messageId } = await sentEmail();
    const report = (action: string, status: string) =>
      [
        'Message-ID: <dsn-8841@mx.initech.example>',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.initech.example',
        '',
        'Final-Recipient: rfc822; irene@initech.example',
        `Action: ${action}`,
        `Status: ${status}`,
        '--b1',
        'Content-Type: text/rfc822-headers',
        '',
        'From: provisioning@onramp.test',
        `Message-ID: ${messageId}`,
        '--b1--',
        '',
      ].join('\r\n');
    const contentType = 'multipart/report; report-type=delivery-status; boundary="b1"';

    // A delay is not a bounce: the provider keeps trying.
    expect((await post(report('delayed', '4.4.1'), { contentType })).body).toEqual({
      sendId,
      status: 'sent',
      changed: false,
    });
    expect((await post(report('failed', '5.2.2'), { contentType })).body).toEqual({
      sendId,
      status: 'bounced',
      changed: true,
    });
    expect(await sendRow(sendId)).toEqual({ status: 'bounced', status_detail: '5.2.2' });
  });

  it('answers 404 for a message it did not send, or one that is not a provisioning e-mail', async () => {
    // A line-closed notice: in the outbox, but no send to mark.
    await enqueue(w.store.db, w.clock.now(), [
      {
        topic: 'email',
        messageKey: 'closed_Sub1',
        payload: { input: lineClosedInput('en') },
        availableAt: new Date('2999-01-01'),
      },
    ]);
    for (const event of [
      { type: 'bounced', messageId: '<snd_doesnotexist@onramp.test>' },
      { type: 'bounced', sendId: 'snd_doesnotexist' },
      { type: 'bounced', messageId: '<closed_Sub1@onramp.test>' },
    ])
      expect(await post(event)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('refuses a bad body with 400 INVALID_INPUT', async () => {
    const { sendId, messageId } = await sentEmail();
    for (const [body, contentType] of [
      [{ messageId }, undefined],
      [{ type: 'opened', messageId }, undefined],
      [{ type: 'bounced' }, undefined],
      [{ type: 'bounced', messageId, sendId }, undefined],
      [{ type: 'bounced', messageId: 'not a message id' }, undefined],
      [{ type: 'bounced', messageId, detail: 'x'.repeat(1001) }, undefined],
      ['{"type": "bounced",', undefined],
      ['Action: failed\r\nStatus: 5.1.1\r\n', 'message/delivery-status'],
      [`Original-Message-ID: ${messageId}\r\n`, 'message/delivery-status'],
      [`type=bounced&messageId=${messageId}`, 'text/plain'],
    ] as const)
      expect(await post(body, { contentType })).toMatchObject({
        status: 400,
        body: { error: { code: 'INVALID_INPUT' } },
      });
    expect((await sendRow(sendId)).status).toBe('sent');
  });

  it('needs the shared secret, not a bearer token; without a configured secret there is no endpoint', async () => {
    const { sendId, messageId } = await sentEmail();
    const event = { type: 'bounced', messageId };
    expect(await post(event, { secret: null })).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    expect(await post(event, { secret: `${SECRET}x` })).toMatchObject({ status: 401 });
    // Checked before the body: a caller without the secret learns nothing about inputs.
    expect(await post('{', { secret: 'wrong' })).toMatchObject({ status: 401 });
    const bearer = await checkedRequest(api, PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${w.tokens.alice}` },
      body: JSON.stringify(event),
    });
    expect(bearer.status).toBe(401);

    const closed = apiWith(undefined);
    expect(await post(event, { app: closed })).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
    expect((await sendRow(sendId)).status).toBe('sent');

    expect(
      await post('x'.repeat(MAX_BODY_BYTES + 1), { contentType: 'message/delivery-status' }),
    ).toMatchObject({
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE' } },
    });
  });

  it('is described in the OpenAPI document with its own security scheme', async () => {
    const doc = (await (await api.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, { post?: { security?: unknown } }>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.paths[PATH]?.post?.security).toEqual([{ webhookSecret: [] }]);
    expect(doc.components.securitySchemes['webhookSecret']).toEqual({
      type: 'apiKey',
      in: 'header',
      name: 'X-Onramp-Webhook-Secret',
    });
  });
});
