/**
 * POST /api/v1/webhook-endpoints/{id}/rotate-secret: the new secret is shown once, the endpoint
 * keeps its id, the previous secret is kept sealed with its expiry, the rotation is audited; a
 * missing token is 401, another organization's endpoint answers exactly like a missing one, and
 * bad input is refused writing nothing. (Delivery with two signatures: test/jobs/webhook-rotation.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { openWebhookSecret } from '../../src/store/webhook-secrets.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { type Api, apiOf, call, type ErrorBody, refusal } from './api-harness.js';

const PATH = '/api/v1/webhook-endpoints';
const PUBLIC_URL = 'https://93.184.215.14/hooks/onramp';
const HOUR = 3_600_000;

interface RotatedBody {
  endpointId: string;
  secret: string;
  previousSecretExpiresAt: string | null;
  rotatedAt: string;
}

describeEachStore('REST API: rotate a webhook secret', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    w.deps.settings.webhooks = { allowPrivate: false, timeoutMs: 5_000 };
    api = apiOf(w);
  });
  afterAll(() => w.close());

  async function endpoint(): Promise<{ endpointId: string; secret: string }> {
    const reply = await call<{ endpointId: string; secret: string }>(api, w, 'POST', PATH, {
      as: 'paola',
      body: { url: PUBLIC_URL },
    });
    expect(reply.status).toBe(201);
    return reply.body;
  }
  const row = (id: string) =>
    w.store.db.selectFrom('webhook_endpoint').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const rotate = (id: string, as: 'paola' | 'brenda' | 'dana' | 'alice' | null, body?: unknown) =>
    call<RotatedBody & ErrorBody>(api, w, 'POST', `${PATH}/${id}/rotate-secret`, {
      as,
      ...(body === undefined ? {} : { body }),
    });

  it('returns a new secret once, keeps the id, keeps the previous one sealed for 24 hours by default', async () => {
    const { endpointId, secret: first } = await endpoint();
    const reply = await rotate(endpointId, 'paola');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      endpointId,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
      previousSecretExpiresAt: new Date(w.clock.now().getTime() + 24 * HOUR).toISOString(),
      rotatedAt: w.clock.now().toISOString(),
    });
    expect(reply.body.secret).not.toBe(first);

    const stored = await row(endpointId);
    expect(stored.deleted_at).toBeNull();
    for (const sealed of [stored.secret, stored.previous_secret!]) expect(sealed).toMatch(/^sealed:v1:/);
    expect(JSON.stringify(stored)).not.toContain(first);
    expect(JSON.stringify(stored)).not.toContain(reply.body.secret);
    expect(openWebhookSecret(stored.secret)).toBe(reply.body.secret);
    expect(openWebhookSecret(stored.previous_secret!)).toBe(first);

    // Never listed again.
    const list = await call(api, w, 'GET', PATH, { as: 'paola' });
    expect(JSON.stringify(list.body)).not.toContain(reply.body.secret);

    const audit = await w.store.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'data'])
      .where('action', '=', 'webhook_endpoint.secret_rotated')
      .execute();
    expect(audit).toEqual([
      {
        action: 'webhook_endpoint.secret_rotated',
        actor_user_id: 'usr_paola',
        data: expect.objectContaining({
          endpointId,
          organizationId: 'org_acme',
          overlapHours: 24,
          replacedPreviousSecret: false,
        }),
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(reply.body.secret);
  });

  it('takes an overlap in hours (0 stops the old secret at once); a second rotation replaces the previous one', async () => {
    const { endpointId } = await endpoint();
    const second = await rotate(endpointId, 'paola', { overlapHours: 2 });
    expect(second.body.previousSecretExpiresAt).toBe(
      new Date(w.clock.now().getTime() + 2 * HOUR).toISOString(),
    );
    const third = await rotate(endpointId, 'paola', { overlapHours: 168 });
    expect(third.status).toBe(200);
    expect(openWebhookSecret((await row(endpointId)).previous_secret!)).toBe(second.body.secret);
    const last = await w.store.db
      .selectFrom('audit_event')
      .select('data')
      .where('action', '=', 'webhook_endpoint.secret_rotated')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.data).toMatchObject({ endpointId, overlapHours: 168, replacedPreviousSecret: true });

    const now = await rotate(endpointId, 'paola', { overlapHours: 0 });
    expect(now.body.previousSecretExpiresAt).toBeNull();
    const stored = await row(endpointId);
    expect([stored.previous_secret, stored.previous_secret_expires_at]).toEqual([null, null]);
    expect(openWebhookSecret(stored.secret)).toBe(now.body.secret);
  });

  it('401 without a token; another organization, a deleted endpoint and an unknown id are all NOT_FOUND', async () => {
    const { endpointId } = await endpoint();
    const before = await row(endpointId);
    const anonymous = await rotate(endpointId, null);
    expect(anonymous.status).toBe(401);

    const other = await rotate(endpointId, 'brenda');
    const distributor = await rotate(endpointId, 'dana');
    const unknown = await rotate('whe_doesnotexist0000', 'brenda');
    for (const reply of [other, distributor, unknown])
      expect(refusal(reply)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    // Exactly the same answer: nothing tells another tenant the endpoint exists.
    expect({ ...other.body.error, endpointId: null }).toEqual({ ...unknown.body.error, endpointId: null });

    expect(refusal(await rotate(endpointId, 'alice'))).toMatchObject({ status: 403, code: 'NO_ACCESS' });
    expect(await row(endpointId)).toEqual(before);

    await call(api, w, 'DELETE', `${PATH}/${endpointId}`, { as: 'paola' }).catch(() => undefined);
    expect(refusal(await rotate(endpointId, 'paola'))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const { endpointId } = await endpoint();
    const before = await row(endpointId);
    for (const body of [
      { overlapHours: -1 },
      { overlapHours: 169 },
      { overlapHours: 1.5 },
      { overlapHours: '24' },
    ]) {
      const reply = await rotate(endpointId, 'paola', body);
      expect(refusal(reply), JSON.stringify(body)).toEqual({
        status: 400,
        code: 'INVALID_INPUT',
        paths: ['overlapHours'],
      });
    }
    expect(refusal(await rotate('not-an-id', 'paola'))).toEqual({
      status: 400,
      code: 'INVALID_INPUT',
      paths: ['endpointId'],
    });
    expect(await row(endpointId)).toEqual(before);
  });
});
