/**
 * /api/v1/support-cases on both stores, e-mails through a real SMTP socket: open (with base64
 * screenshots and an Idempotency-Key), list with cursor paging, read, reply both ways, reopen
 * refused after the window; another organization's case answers exactly as a missing one.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { REOPEN_WINDOW_DAYS } from '../../src/domain/support-case-thread.js';
import { messagesEn } from '../../src/i18n/locales/en/app.js';
import { runDue } from '../../src/jobs/run-due.js';
import { closeMailWorld, DAY, type MailWorld, openMailWorld } from '../jobs/mail-harness.js';
import { FAKE_PNG, PNG_1X1 } from '../support/images.js';
import { describeEachStore } from '../support/test-store.js';
import type { UserKey } from '../support/world.js';
import { type Api, apiOf, call, type ErrorBody, refusal } from './api-harness.js';

interface CaseBody {
  caseId: string;
  role: string;
  status: string;
  webOrderId: string;
  closedAt: string | null;
  replyWindow: { kind: string; until: string | null };
  screenshots: { id: string; filename: string; contentType: string }[];
  events: { kind: string; body: string | null; actor: string; data: Record<string, unknown> }[];
}
interface Page {
  items: { caseId: string; status: string }[];
  nextCursor: string | null;
}

const b64 = (b: Buffer) => b.toString('base64');

describeEachStore('REST API: support cases', (kind) => {
  let m: MailWorld;
  let api: Api;
  let sub: string;
  let webOrderId: string;
  let orderId: string;
  beforeAll(async () => {
    m = await openMailWorld(kind);
    api = apiOf(m.w);
    const placed = await m.w.order();
    [sub, webOrderId, orderId] = [placed.subscriptionIds[0]!, placed.webOrderId, placed.orderId];
    await runDue(m.w.deps);
    await m.worker.drain();
  });
  afterAll(() => closeMailWorld(m));

  const caseCount = async () =>
    Number(
      (
        await m.w.store.db
          .selectFrom('support_case')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const open = (as: UserKey, reference: string, extra: Record<string, unknown> = {}, headers = {}) =>
    call<CaseBody & ErrorBody>(api, m.w, 'POST', '/api/v1/support-cases', {
      as,
      body: { type: 'other', reference, description: 'Nothing arrives', ...extra },
      headers,
    });

  it('opens a case with a base64 screenshot; an Idempotency-Key retry replays it and opens nothing more', async () => {
    const before = await caseCount();
    const first = await open(
      'alice',
      sub,
      { screenshots: [{ filename: 'inbox.png', contentBase64: b64(PNG_1X1) }] },
      { 'Idempotency-Key': 'case-1' },
    );
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(`/api/v1/support-cases/${first.body.caseId}`);
    expect(first.body).toMatchObject({ role: 'requester', status: 'open', webOrderId });
    expect(first.body.screenshots).toEqual([
      {
        id: `${first.body.caseId}-1`,
        filename: 'inbox.png',
        contentType: 'image/png',
        sizeBytes: PNG_1X1.length,
      },
    ]);
    const again = await open(
      'alice',
      sub,
      { screenshots: [{ filename: 'inbox.png', contentBase64: b64(PNG_1X1) }] },
      { 'Idempotency-Key': 'case-1' },
    );
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body.caseId).toBe(first.body.caseId);
    expect(await caseCount()).toBe(before + 1);
  });

  it('refuses a bad screenshot (INVALID_INPUT naming it) and another organization’s order (404); nothing stored', async () => {
    const before = await caseCount();
    const bad = await open('alice', sub, {
      screenshots: [
        { filename: 'ok.png', contentBase64: b64(PNG_1X1) },
        { filename: 'fake.png', contentBase64: b64(FAKE_PNG) },
      ],
    });
    expect(refusal(bad)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['screenshots[1]'] });
    expect(bad.body.error.issues![0]).toMatchObject({ reason: 'notImage', filename: 'fake.png' });
    const foreign = await open('bob', webOrderId);
    expect(refusal(foreign)).toEqual({ status: 404, code: 'NOT_FOUND', paths: [] });
    expect(await caseCount()).toBe(before);
  });

  it('lists with cursor paging: each requester their own cases, agents every case', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      m.w.clock.advance(1000);
      ids.push((await open('paola', sub)).body.caseId);
    }
    const page1 = await call<Page>(api, m.w, 'GET', '/api/v1/support-cases?limit=2', { as: 'paola' });
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((c) => c.caseId)).toEqual([ids[2], ids[1]]);
    const page2 = await call<Page>(
      api,
      m.w,
      'GET',
      `/api/v1/support-cases?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor!)}`,
      { as: 'paola' },
    );
    expect(page2.body).toEqual({ items: [expect.objectContaining({ caseId: ids[0] })], nextCursor: null });
    const bobs = await call<Page>(api, m.w, 'GET', '/api/v1/support-cases', { as: 'bob' });
    expect(bobs.body.items).toEqual([]);
    const queue = await call<Page>(api, m.w, 'GET', '/api/v1/support-cases?status=open&limit=200', {
      as: 'sam',
    });
    expect(queue.body.items.map((c) => c.caseId)).toEqual(expect.arrayContaining(ids));
    const forged = await call<ErrorBody>(api, m.w, 'GET', '/api/v1/support-cases?cursor=bm9wZQ', {
      as: 'paola',
    });
    expect(refusal(forged)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['cursor'] });
  });

  it('reads a case; to another organization it is exactly a missing one', async () => {
    const { caseId } = (await open('alice', webOrderId)).body;
    expect((await call<CaseBody>(api, m.w, 'GET', `/api/v1/support-cases/${caseId}`)).status).toBe(200);
    const missing = await call<ErrorBody>(api, m.w, 'GET', '/api/v1/support-cases/CS9999999999', {
      as: 'bob',
    });
    for (const who of ['bob', 'carla', 'dino'] as const) {
      const other = await call<ErrorBody>(api, m.w, 'GET', `/api/v1/support-cases/${caseId}`, { as: who });
      expect(other.status).toBe(404);
      expect(other.body.error.message).toBe(messagesEn.errors.NOT_FOUND);
      expect(Object.keys(other.body.error).sort()).toEqual(Object.keys(missing.body.error).sort());
    }
    const reply = await call<ErrorBody>(api, m.w, 'POST', `/api/v1/support-cases/${caseId}/replies`, {
      as: 'bob',
      body: { body: 'let me in' },
    });
    expect(refusal(reply)).toEqual({ status: 404, code: 'NOT_FOUND', paths: [] });
  });

  it('replies both ways: the agent’s reply is e-mailed escaped; the requester’s waits for an agent; a late one is CASE_CLOSED', async () => {
    const { caseId } = (await open('alice', sub)).body;
    await m.worker.drain();
    const inbox = () => m.inbox.to(m.w.actors.alice.email);
    const before = inbox().length;

    const agent = await call<{ status: string; reopened: boolean }>(
      api,
      m.w,
      'POST',
      `/api/v1/support-cases/${caseId}/replies`,
      {
        as: 'sam',
        body: { body: 'Use <this> & that', status: 'waiting_on_customer' },
        headers: { 'Idempotency-Key': 'r-1' },
      },
    );
    expect(agent.status).toBe(201);
    expect(agent.body).toMatchObject({ status: 'waiting_on_customer', reopened: false });
    await m.worker.drain();
    const [mail] = inbox().slice(before);
    expect(mail!.html).toContain('Use &lt;this&gt; &amp; that');
    expect(mail!.text).toContain('> Use <this> & that');
    expect(mail!.text).toContain(`http://onramp.test/support/cases/${caseId}`);

    const mine = await call<{ status: string; screenshotIds: string[] }>(
      api,
      m.w,
      'POST',
      `/api/v1/support-cases/${caseId}/replies`,
      { body: { body: 'Still broken', screenshots: [{ filename: 's.png', contentBase64: b64(PNG_1X1) }] } },
    );
    expect(mine.body).toMatchObject({ status: 'awaiting_agent', screenshotIds: [`${caseId}-1`] });
    const notMine = await call<ErrorBody>(api, m.w, 'POST', `/api/v1/support-cases/${caseId}/replies`, {
      body: { body: 'x', status: 'closed' },
    });
    expect(refusal(notMine)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['status'] });

    await call(api, m.w, 'POST', `/api/v1/support-cases/${caseId}/replies`, {
      as: 'sam',
      body: { body: 'Closing this.', status: 'closed' },
    });
    m.w.clock.advance(REOPEN_WINDOW_DAYS * DAY + 1);
    const late = await call<ErrorBody>(api, m.w, 'POST', `/api/v1/support-cases/${caseId}/replies`, {
      body: { body: 'Again' },
    });
    expect(refusal(late)).toEqual({ status: 409, code: 'CASE_CLOSED', paths: [] });
    expect(late.body.error).toMatchObject({ days: REOPEN_WINDOW_DAYS });
    const detail = await call<CaseBody>(api, m.w, 'GET', `/api/v1/support-cases/${caseId}`);
    expect(detail.body).toMatchObject({ status: 'closed', replyWindow: { kind: 'over' } });
    expect(detail.body.events.map((e) => e.kind)).toEqual([
      'opened',
      'reply',
      'status',
      'requester_reply',
      'status',
      'reply',
      'status',
    ]);
  });

  it('a customer admin opens a case about an order of her organization', async () => {
    await mapOrderToOrganization(m.w.deps, {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    const opened = await open('carla', webOrderId);
    expect(opened.status).toBe(201);
    expect(opened.body.role).toBe('requester');
    const list = await call<Page>(api, m.w, 'GET', '/api/v1/support-cases', { as: 'carla' });
    expect(list.body.items.map((c) => c.caseId)).toEqual([opened.body.caseId]);
  });
});
