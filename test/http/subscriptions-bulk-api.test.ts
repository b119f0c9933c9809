import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEFAULT_RATE_LIMITS } from '../../src/app/rate-limits.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { messagesEn } from '../../src/i18n/locales/en/app.js';
import { messagesIt } from '../../src/i18n/locales/it/app.js';
import { runDue } from '../../src/jobs/run-due.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import {
  type Api,
  apiOf,
  call,
  type ErrorBody,
  orderBody,
  placeViaApi,
  refusal,
  rowCounts,
} from './api-harness.js';

interface LineResultBody {
  subscriptionId: string;
  outcome: 'queued' | 'refused';
  sendId?: string | null;
  changed?: boolean;
  code?: string;
  message?: string;
}
interface ResultsBody {
  results: LineResultBody[];
}

const MINUTE = 60_000;
const RESEND = '/api/v1/subscriptions/bulk/resend';
const CONTACT = '/api/v1/subscriptions/bulk/provisioning-contact';

describeEachStore('REST API: bulk resend and bulk contact change', (kind) => {
  let w: World;
  let api: Api;
  let seq = 0;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  /** A line after its RSD e-mail, placed by `as` (alice unless told). */
  async function awaitingLine(as: 'alice' | 'bob' = 'alice'): Promise<{ orderId: string; sub: string }> {
    const placed = await placeViaApi(api, w, orderBody(`WO-BULK-${++seq}`), as);
    await runDue(w.deps);
    w.clock.advance(MINUTE);
    return { orderId: placed.orderId, sub: placed.subscriptionIds[0]! };
  }

  async function mappedLine(): Promise<string> {
    const { orderId, sub } = await awaitingLine();
    await mapOrderToOrganization(w.deps, {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    return sub;
  }

  const sendsOf = (sub: string) =>
    w.store.db
      .selectFrom('provisioning_email')
      .select(['id', 'reason', 'to_email'])
      .where('subscription_id', '=', sub)
      .orderBy('created_at')
      .execute();

  describe('POST /subscriptions/bulk/resend', () => {
    it('queues the lines that may take a resend and refuses the others line by line', async () => {
      const { sub: going } = await awaitingLine();
      const past = await mappedLine();
      const { sub: bobs } = await awaitingLine('bob');
      const missing = 'Sub999999999';

      const reply = await call<ResultsBody>(api, w, 'POST', RESEND, {
        body: { subscriptionIds: [going, past, bobs, missing, going] },
      });

      expect(reply.status).toBe(200);
      const sends = await sendsOf(going);
      expect(sends.map((s) => s.reason)).toEqual(['rsd', 'resend']);
      expect(reply.body.results).toEqual([
        { subscriptionId: going, outcome: 'queued', sendId: sends[1]!.id },
        {
          subscriptionId: past,
          outcome: 'refused',
          code: 'PAST_PONR',
          message: expect.any(String) as string,
        },
        { subscriptionId: bobs, outcome: 'refused', code: 'NOT_FOUND', message: messagesEn.errors.NOT_FOUND },
        {
          subscriptionId: missing,
          outcome: 'refused',
          code: 'NOT_FOUND',
          message: messagesEn.errors.NOT_FOUND,
        },
      ]);
      expect(reply.body.results[1]!.message).toContain('http://onramp.test/admin');
      // Another organization's line answers exactly like a missing one, and nothing was sent for it.
      const { subscriptionId: _a, ...bobsAnswer } = reply.body.results[2]!;
      const { subscriptionId: _b, ...missingAnswer } = reply.body.results[3]!;
      expect(bobsAnswer).toEqual(missingAnswer);
      expect((await sendsOf(bobs)).map((s) => s.reason)).toEqual(['rsd']);
      expect((await sendsOf(past)).map((s) => s.reason)).toEqual(['rsd']);
    });

    it("says the refusals in the caller's language", async () => {
      const past = await mappedLine();
      const reply = await call<ResultsBody>(api, w, 'POST', RESEND, {
        body: { subscriptionIds: [past, 'Sub999999998'] },
        headers: { 'accept-language': 'it' },
      });
      expect(reply.body.results[1]).toEqual({
        subscriptionId: 'Sub999999998',
        outcome: 'refused',
        code: 'NOT_FOUND',
        message: messagesIt.errors.NOT_FOUND,
      });
      expect(reply.body.results[0]!.message).not.toBe(
        (await call<ResultsBody>(api, w, 'POST', RESEND, { body: { subscriptionIds: [past] } })).body
          .results[0]!.message,
      );
    });

    it('replays the first answer to a retry with the same Idempotency-Key and sends nothing again', async () => {
      const { sub } = await awaitingLine();
      const headers = { 'Idempotency-Key': `bulk-resend-${seq}` };
      const body = { subscriptionIds: [sub] };
      const first = await call<ResultsBody>(api, w, 'POST', RESEND, { body, headers });
      expect(first.status).toBe(200);
      expect(first.body.results[0]).toMatchObject({ outcome: 'queued' });
      const before = await rowCounts(w);

      const again = await call<ResultsBody>(api, w, 'POST', RESEND, { body, headers });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect(await rowCounts(w)).toEqual(before);
    });

    it('counts once against the resend limit however many lines it names', async () => {
      const saved = w.deps.settings.rateLimits;
      w.deps.settings.rateLimits = {
        ...DEFAULT_RATE_LIMITS,
        ...saved,
        resendPerUser: { limit: 1, windowMs: 60 * MINUTE },
      };
      try {
        const a = await awaitingLine();
        const b = await awaitingLine();
        const reply = await call<ResultsBody>(api, w, 'POST', RESEND, {
          body: { subscriptionIds: [a.sub, b.sub] },
          as: 'paola',
        });
        expect(reply.body.results.map((r) => r.outcome)).toEqual(['queued', 'queued']);
        const limited = await call<ErrorBody>(api, w, 'POST', RESEND, {
          body: { subscriptionIds: [a.sub] },
          as: 'paola',
        });
        expect(limited.status).toBe(429);
        expect(limited.body.error.code).toBe('RATE_LIMITED');
      } finally {
        w.deps.settings.rateLimits = saved;
      }
    });

    it.each([
      ['no lines', { subscriptionIds: [] }],
      ['a malformed id', { subscriptionIds: ['order-1'] }],
      ['too many lines', { subscriptionIds: Array.from({ length: 101 }, (_, i) => `Sub${100 + i}`) }],
    ])('%s → 400 INVALID_INPUT, nothing written', async (_what, body) => {
      const before = await rowCounts(w);
      const reply = await call<ErrorBody>(api, w, 'POST', RESEND, { body });
      expect(refusal(reply).status).toBe(400);
      expect(refusal(reply).code).toBe('INVALID_INPUT');
      expect(await rowCounts(w)).toEqual(before);
    });
  });

  describe('POST /subscriptions/bulk/provisioning-contact', () => {
    it('changes the lines it may and refuses PAST_PONR and another organization’s line (NOT_FOUND)', async () => {
      const { sub: going } = await awaitingLine();
      const past = await mappedLine();
      const { sub: bobs } = await awaitingLine('bob');

      const reply = await call<ResultsBody>(api, w, 'POST', CONTACT, {
        body: {
          subscriptionIds: [going, past, bobs, 'Sub999999997'],
          name: 'Nora Bianchi',
          email: 'nora@initech.example',
          language: 'it',
        },
      });

      expect(reply.status).toBe(200);
      const sends = await sendsOf(going);
      expect(sends.map((s) => [s.reason, s.to_email])).toEqual([
        ['rsd', 'irene@initech.example'],
        [expect.any(String), 'nora@initech.example'],
      ]);
      const [, pastAnswer, bobsAnswer, missingAnswer] = reply.body.results;
      expect(reply.body.results[0]).toEqual({
        subscriptionId: going,
        outcome: 'queued',
        sendId: sends[1]!.id,
        changed: true,
      });
      expect(pastAnswer).toMatchObject({ subscriptionId: past, outcome: 'refused', code: 'PAST_PONR' });
      expect(bobsAnswer).toEqual({ ...missingAnswer, subscriptionId: bobs });
      expect(missingAnswer).toEqual({
        subscriptionId: 'Sub999999997',
        outcome: 'refused',
        code: 'NOT_FOUND',
        message: messagesEn.errors.NOT_FOUND,
      });
      const contacts = await w.store.db
        .selectFrom('subscription_line')
        .select(['subscription_id', 'contact_email'])
        .where('subscription_id', 'in', [past, bobs])
        .execute();
      expect(contacts.map((c) => c.contact_email)).toEqual([
        'irene@initech.example',
        'irene@initech.example',
      ]);
    });

    it('replays the first answer to a retry with the same Idempotency-Key', async () => {
      const { sub } = await awaitingLine();
      const headers = { 'Idempotency-Key': `bulk-contact-${seq}` };
      const body = { subscriptionIds: [sub], name: 'Olga Verdi', email: 'olga@initech.example' };
      const first = await call<ResultsBody>(api, w, 'POST', CONTACT, { body, headers });
      expect(first.body.results[0]).toMatchObject({ outcome: 'queued', changed: true });
      const before = await rowCounts(w);
      const again = await call<ResultsBody>(api, w, 'POST', CONTACT, { body, headers });
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect(await rowCounts(w)).toEqual(before);
    });

    it('a bad contact → 400 INVALID_INPUT naming the field, nothing written', async () => {
      const { sub } = await awaitingLine();
      const before = await rowCounts(w);
      const reply = await call<ErrorBody>(api, w, 'POST', CONTACT, {
        body: { subscriptionIds: [sub], name: 'Olga Verdi', email: 'not-an-address' },
      });
      expect(refusal(reply)).toEqual({ status: 400, code: 'INVALID_INPUT', paths: ['email'] });
      expect(await rowCounts(w)).toEqual(before);
    });
  });
});
