/**
 * The OpenAPI document passes `redocly lint` (redocly.yaml: recommended rules, warnings as errors
 * where they matter), and /api/docs renders it as one self-contained page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { WEBHOOK_EVENT_TYPES } from '../../src/domain/webhook-events.js';
import { createWorld, type World } from '../support/world.js';
import { type Api, apiOf } from './api-harness.js';

const ROOT = join(import.meta.dirname, '../..');
const REDOCLY = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');

describe('OpenAPI document and /api/docs', () => {
  let w: World;
  let api: Api;
  let dir: string;
  beforeAll(async () => {
    w = await createWorld('pglite', { publicUrl: 'https://onramp.test' });
    api = apiOf(w);
    dir = mkdtempSync(join(tmpdir(), 'onramp-openapi-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await w.close();
  });

  it('is lint clean with @redocly/cli: no error and no warning', { timeout: 60_000 }, async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, await (await api.request('/api/v1/openapi.json')).text());
    const lint = spawnSync(
      process.execPath,
      [REDOCLY, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format=stylish'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          REDOCLY_TELEMETRY: 'off',
          REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
          NO_COLOR: '1',
        },
        timeout: 60_000,
      },
    );
    const output = `${lint.stdout}\n${lint.stderr}`;
    expect(lint.status, output).toBe(0);
    expect(output).toContain('Your API description is valid');
    expect(output, output).not.toMatch(/\bwarnings?\b.*(should|must)|You have \d+ warning/);
  });

  it('documents Idempotency-Key and IDEMPOTENCY_KEY_REUSED on every change under /api/v1 but the setup link and e-mail events', async () => {
    const doc = (await (await api.request('/api/v1/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { security?: unknown[]; parameters?: { name: string }[]; responses: Record<string, unknown> }
        >
      >;
    };
    const all = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ at: `${method} ${path}`, op })),
    );
    const changes = all.filter(({ op }) => JSON.stringify(op.security) === '[{"bearerAuth":[]}]');
    // The README says so: their own credential, and a retry is harmless without a key.
    const keyless = all.filter((c) => !changes.includes(c));
    expect(keyless.map((c) => c.at).sort()).toEqual([
      'post /api/v1/email-events',
      'post /api/v1/setup/{token}/complete',
      'post /api/v1/setup/{token}/delegate',
      'post /api/v1/setup/{token}/new-link',
    ]);
    for (const { at, op } of keyless)
      expect(op.parameters?.map((p) => p.name) ?? [], at).not.toContain('idempotency-key');
    expect(changes.map((c) => c.at)).toEqual(
      expect.arrayContaining(['post /api/v1/orders', 'post /api/v1/subscriptions/{subscriptionId}/resend']),
    );
    for (const { at, op } of changes) {
      expect(
        op.parameters?.map((p) => p.name),
        at,
      ).toContain('idempotency-key');
      expect(Object.keys(op.responses), at).toContain('422');
    }
  });

  it('publishes every webhook event under OpenAPI 3.1 `webhooks`, with the body and headers sent', async () => {
    type Schema = {
      properties: Record<string, { enum?: string[]; required?: string[] }>;
      required: string[];
    };
    const doc = (await (await api.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
      webhooks: Record<
        string,
        {
          post: {
            operationId: string;
            security: unknown[];
            parameters: { name: string; in: string }[];
            requestBody: { content: { 'application/json': { schema: { $ref: string } } } };
          };
        }
      >;
      components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { name?: string }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    expect(doc.components.securitySchemes['webhookSignature']).toMatchObject({ name: 'Onramp-Signature' });
    for (const type of WEBHOOK_EVENT_TYPES) {
      const { post } = doc.webhooks[type]!;
      expect(post.security, type).toEqual([{ webhookSignature: [] }]);
      expect(post.parameters.map((p) => `${p.in} ${p.name}`)).toEqual([
        'header Onramp-Event',
        'header Onramp-Delivery',
      ]);
      const ref = post.requestBody.content['application/json'].schema.$ref;
      const body = doc.components.schemas[ref.split('/').at(-1)!]!;
      expect(body.required, type).toEqual(['id', 'type', 'createdAt', 'data']);
      expect(body.properties['type']?.enum, type).toEqual([type]);
      // Every event about a line names it; the test event names its endpoint.
      expect(body.properties['data']?.required, type).toEqual(
        expect.arrayContaining(type === 'webhook.test' ? ['endpointId'] : ['subscriptionId', 'webOrderId']),
      );
    }
  });

  it('serves /api/docs as a readable page with every operation, and loads nothing from elsewhere', async () => {
    const res = await api.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    for (const id of [
      'placeOrder',
      'listSubscriptions',
      'resendProvisioningEmail',
      'changeProvisioningContact',
    ])
      expect(page).toContain(`id="${id}"`);
    expect(page).toContain('id="schema-PlacedOrder"');
    for (const id of ['onProvisioningContactChanged', 'onSubscriptionAwaitingProvisioning', 'onWebhookTest'])
      expect(page).toContain(`id="${id}"`);
    expect(page).toContain('id="schema-ProvisioningContactChangedEvent"');
    expect(page).not.toMatch(/<script|<link|src="http/i);
  });
});
