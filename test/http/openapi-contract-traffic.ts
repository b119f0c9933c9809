/**
 * The requests of openapi-contract.test.ts: every operation of the API once or more, with the
 * refusals each kind of caller meets (400, 401, 403, 404, 409, 410, 413, 422, 429) and the
 * replay of an Idempotency-Key. Each step states the status it must get; `call` checks the reply
 * against the document.
 */
import { DEFAULT_RATE_LIMITS } from '../../src/app/rate-limits.js';
import { runDue } from '../../src/jobs/run-due.js';
import { awaitingOrder, customerOrganization, setupTokenOf } from '../app/setup-fixtures.js';
import type { World } from '../support/world.js';
import { type CallOptions, contact, MAX_BODY_BYTES, orderBody } from './api-harness.js';

export type ExpectStatus = <T = Record<string, unknown>>(
  status: number,
  method: string,
  path: string,
  opts?: CallOptions,
) => Promise<{ status: number; headers: Headers; body: T }>;

interface Context {
  w: World;
  expectStatus: ExpectStatus;
  emailEventsSecret: string;
}

export async function contractTraffic(ctx: Context): Promise<void> {
  await ordersAndLines(ctx);
  await setupAndEmailEvents(ctx);
  await webhooks(ctx);
  await people(ctx);
  await offersOrganizationsAndCases(ctx);
  await everyPath(ctx);
}

async function ordersAndLines({ w, expectStatus }: Context) {
  const key = { headers: { 'idempotency-key': 'contract-order-1' } };
  const placed = await expectStatus<{ orderId: string; subscriptionIds: string[] }>(
    201,
    'POST',
    '/api/v1/orders',
    { body: orderBody('WO-CONTRACT-1', { rsd: '2026-12-20' }), ...key },
  );
  const replay = await expectStatus(201, 'POST', '/api/v1/orders', {
    body: orderBody('WO-CONTRACT-1', { rsd: '2026-12-20' }),
    ...key,
  });
  if (replay.headers.get('idempotent-replayed') !== 'true') throw new Error('not a replay');
  await expectStatus(422, 'POST', '/api/v1/orders', { body: orderBody('WO-CONTRACT-2'), ...key });
  await expectStatus(409, 'POST', '/api/v1/orders', { body: orderBody('WO-CONTRACT-1') });
  await expectStatus(400, 'POST', '/api/v1/orders', { body: { webOrderId: '' } });
  await expectStatus(400, 'POST', '/api/v1/orders', { rawBody: '{"webOrderId":' });
  await expectStatus(401, 'POST', '/api/v1/orders', { as: null, body: orderBody('WO-CONTRACT-3') });
  await expectStatus(403, 'POST', '/api/v1/orders', { as: 'sam', body: orderBody('WO-CONTRACT-4') });
  await expectStatus(413, 'POST', '/api/v1/orders', { rawBody: `"${'x'.repeat(MAX_BODY_BYTES)}"` });

  const { orderId } = placed.body;
  const [booked] = placed.body.subscriptionIds as [string];
  await expectStatus(200, 'GET', '/api/v1/orders?limit=5');
  await expectStatus(200, 'GET', `/api/v1/orders/${orderId}`);
  await expectStatus(403, 'GET', `/api/v1/orders/${orderId}`, { as: 'marco' });
  await expectStatus(404, 'GET', `/api/v1/orders/${orderId}`, { as: 'bob' });
  await expectStatus(200, 'GET', '/api/v1/subscriptions?status=booked');
  await expectStatus(400, 'GET', '/api/v1/subscriptions?closingWithinDays=0');
  await expectStatus(200, 'GET', `/api/v1/subscriptions/${booked}`);
  await expectStatus(400, 'GET', '/api/v1/subscriptions/not-a-line');
  await expectStatus(404, 'GET', '/api/v1/subscriptions/Sub999999999');
  await expectStatus(409, 'POST', `/api/v1/subscriptions/${booked}/resend`);

  const awaiting = await awaitingOrder(w);
  const [line] = awaiting.subscriptionIds as [string];
  await expectStatus(202, 'POST', `/api/v1/subscriptions/${line}/resend`);
  await expectStatus(200, 'PUT', `/api/v1/subscriptions/${line}/provisioning-contact`, {
    body: contact('Irene Conti', 'irene.contract@initech.example'),
  });
  await expectStatus(200, 'POST', '/api/v1/subscriptions/bulk/resend', { body: { subscriptionIds: [line] } });
  await expectStatus(200, 'POST', '/api/v1/subscriptions/bulk/provisioning-contact', {
    body: { subscriptionIds: [line], ...contact('Irene Conti', 'irene.bulk@initech.example') },
  });
  await expectStatus(200, 'POST', `/api/v1/subscriptions/${booked}/cancel`);
  await expectStatus(409, 'POST', `/api/v1/subscriptions/${booked}/cancel`);

  // One resend an hour: Marco's second is RATE_LIMITED.
  const [his] = (await w.order({}, 'marco')).subscriptionIds as [string];
  await runDue(w.deps);
  w.deps.settings.rateLimits = { ...DEFAULT_RATE_LIMITS, resendPerUser: { limit: 1, windowMs: 3_600_000 } };
  try {
    await expectStatus(202, 'POST', `/api/v1/subscriptions/${his}/resend`, { as: 'marco' });
    await expectStatus(429, 'POST', `/api/v1/subscriptions/${his}/resend`, { as: 'marco' });
  } finally {
    delete w.deps.settings.rateLimits;
  }
}

async function setupAndEmailEvents({ w, expectStatus, emailEventsSecret }: Context) {
  const anon = { as: null } as const;
  const mapped = await awaitingOrder(w);
  const token = await setupTokenOf(w, mapped.subscriptionIds[0]!);
  await expectStatus(200, 'GET', `/api/v1/setup/${token}`, anon);
  await expectStatus(410, 'GET', `/api/v1/setup/${'q'.repeat(43)}`, anon);
  const complete = { newOrganization: { name: 'Initech Contract', country: 'IT' } };
  await expectStatus(400, 'POST', `/api/v1/setup/${token}/complete`, { ...anon, body: {} });
  await expectStatus(200, 'POST', `/api/v1/setup/${token}/complete`, { ...anon, body: complete });
  await expectStatus(409, 'POST', `/api/v1/setup/${token}/complete`, { ...anon, body: complete });
  await expectStatus(409, 'POST', `/api/v1/subscriptions/${mapped.subscriptionIds[0]}/resend`);
  await expectStatus(409, 'POST', `/api/v1/subscriptions/${mapped.subscriptionIds[0]}/cancel`);

  // A suggested organization that is not the contact's: a request to join it (202), shown on GET.
  const suggested = await customerOrganization(w, 'Initech Napoli', ['gino.napoli@initech.example']);
  const joining = await awaitingOrder(w);
  const joinToken = await setupTokenOf(w, joining.subscriptionIds[0]!);
  await expectStatus(202, 'POST', `/api/v1/setup/${joinToken}/complete`, {
    ...anon,
    body: { organizationId: suggested },
  });
  await expectStatus(200, 'GET', `/api/v1/setup/${joinToken}`, anon);
  await expectStatus(200, 'GET', `/api/v1/orders/${joining.orderId}`);

  const delegated = await awaitingOrder(w);
  const other = await setupTokenOf(w, delegated.subscriptionIds[0]!);
  await expectStatus(202, 'POST', `/api/v1/setup/${other}/delegate`, {
    ...anon,
    body: contact('Gino Neri', 'gino.contract@initech.example'),
  });
  // The delegated link: a new one is refused (someone else sets this up); the same 202 otherwise.
  const newLink = (t: string) => `/api/v1/setup/${t}/new-link`;
  await expectStatus(410, 'POST', newLink(other), { ...anon, body: { email: 'x@initech.example' } });
  await expectStatus(202, 'POST', newLink('q'.repeat(43)), { ...anon, body: { email: 'x@initech.example' } });
  await expectStatus(400, 'POST', newLink(token), { ...anon, body: { email: 'not an address' } });

  const send = await w.store.db
    .selectFrom('provisioning_email')
    .select('id')
    .where('subscription_id', '=', delegated.subscriptionIds[0]!)
    .executeTakeFirstOrThrow();
  const secret = { 'X-Onramp-Webhook-Secret': emailEventsSecret };
  const path = '/api/v1/email-events';
  await expectStatus(200, 'POST', path, {
    as: null,
    headers: secret,
    body: { type: 'bounced', sendId: send.id },
  });
  await expectStatus(404, 'POST', path, {
    as: null,
    headers: secret,
    body: { type: 'bounced', sendId: 'snd_x' },
  });
  await expectStatus(400, 'POST', path, { as: null, headers: secret, body: { type: 'bounced' } });
  await expectStatus(401, 'POST', path, { as: null, body: { type: 'bounced', sendId: send.id } });
}

async function webhooks({ expectStatus }: Context) {
  const base = '/api/v1/webhook-endpoints';
  const paola = { as: 'paola' } as const;
  const endpoint = await expectStatus<{ endpointId: string }>(201, 'POST', base, {
    ...paola,
    body: { url: 'https://93.184.215.14/hooks/onramp', description: 'contract' },
  });
  await expectStatus(422, 'POST', base, { ...paola, body: { url: 'http://127.0.0.1/hook' } });
  await expectStatus(403, 'POST', base, { as: 'alice', body: { url: 'https://93.184.215.14/a' } });
  await expectStatus(200, 'GET', base, paola);
  const one = `${base}/${endpoint.body.endpointId}`;
  await expectStatus(200, 'PATCH', one, { ...paola, body: { events: ['webhook.test'] } });
  const test = await expectStatus<{ deliveryId: string }>(202, 'POST', `${one}/test`, paola);
  await expectStatus(200, 'GET', `${one}/deliveries`, paola);
  await expectStatus(202, 'POST', `${one}/deliveries/${test.body.deliveryId}/redeliver`, paola);
  await expectStatus(200, 'POST', `${one}/rotate-secret`, { ...paola, body: { overlapHours: 2 } });
  await expectStatus(400, 'POST', `${one}/rotate-secret`, { ...paola, body: { overlapHours: 9999 } });
  await expectStatus(204, 'DELETE', one, paola);
  await expectStatus(404, 'POST', `${one}/rotate-secret`, paola);
  await expectStatus(404, 'DELETE', one, paola);
}

async function people({ expectStatus }: Context) {
  const token = await expectStatus<{ tokenId: string }>(201, 'POST', '/api/v1/tokens', {
    body: { name: 'contract', expiresInDays: 30 },
  });
  await expectStatus(200, 'GET', '/api/v1/tokens');
  await expectStatus(201, 'POST', `/api/v1/tokens/${token.body.tokenId}/roll`, { body: { graceDays: 0 } });
  await expectStatus(204, 'DELETE', `/api/v1/tokens/${token.body.tokenId}`);
  const readOnly = await expectStatus<{ token: string }>(201, 'POST', '/api/v1/tokens', {
    body: { name: 'contract read-only', expiresInDays: 30, readOnly: true },
  });
  const bearer = { authorization: `Bearer ${readOnly.body.token}` };
  await expectStatus(200, 'GET', '/api/v1/orders', { headers: bearer });
  await expectStatus(403, 'POST', '/api/v1/orders', { headers: bearer, body: orderBody('WO-CONTRACT-RO') });

  const paola = { as: 'paola' } as const;
  await expectStatus(200, 'GET', '/api/v1/users', paola);
  await expectStatus(200, 'GET', '/api/v1/users/usr_marco', paola);
  await expectStatus(200, 'PATCH', '/api/v1/users/usr_marco', { ...paola, body: { role: 'partner_user' } });
  await expectStatus(400, 'PATCH', '/api/v1/users/usr_marco', { ...paola, body: {} });

  const invite = { email: 'newcomer@acme.example', role: 'partner_user' };
  const invited = await expectStatus<{ invitationId: string }>(201, 'POST', '/api/v1/invitations', {
    ...paola,
    body: invite,
  });
  await expectStatus(409, 'POST', '/api/v1/invitations', { ...paola, body: invite });
  await expectStatus(200, 'GET', '/api/v1/invitations', paola);
  const one = `/api/v1/invitations/${invited.body.invitationId}`;
  await expectStatus(200, 'GET', one, paola);
  await expectStatus(200, 'POST', `${one}/resend`, paola);
  await expectStatus(200, 'POST', `${one}/revoke`, paola);
}

async function offersOrganizationsAndCases({ expectStatus }: Context) {
  const olga = { as: 'olga' } as const;
  await expectStatus(200, 'GET', '/api/v1/offers');
  await expectStatus(201, 'POST', '/api/v1/offers', {
    ...olga,
    body: { code: 'CONTRACT-1', name: 'C', policyDays: 9 },
  });
  await expectStatus(200, 'PATCH', '/api/v1/offers/CONTRACT-1', { ...olga, body: { policyDays: 10 } });
  await expectStatus(403, 'PATCH', '/api/v1/offers/CONTRACT-1', { body: { policyDays: 11 } });

  await expectStatus(200, 'GET', '/api/v1/organizations', olga);
  const org = await expectStatus<{ organizationId: string }>(201, 'POST', '/api/v1/organizations', {
    ...olga,
    body: { kind: 'partner', name: 'Contract Partners' },
  });
  await expectStatus(409, 'POST', '/api/v1/organizations', {
    ...olga,
    body: { kind: 'partner', name: 'contract partners' },
  });
  await expectStatus(200, 'GET', `/api/v1/organizations/${org.body.organizationId}`, olga);
  await expectStatus(200, 'PATCH', `/api/v1/organizations/${org.body.organizationId}`, {
    ...olga,
    body: { name: 'Contract Partners Italia' },
  });

  const opened = await expectStatus<{ caseId: string }>(201, 'POST', '/api/v1/support-cases', {
    body: { type: 'other', reference: 'WO-CONTRACT-1', description: 'A question about this order' },
  });
  await expectStatus(200, 'GET', '/api/v1/support-cases');
  await expectStatus(200, 'GET', `/api/v1/support-cases/${opened.body.caseId}`);
  await expectStatus(201, 'POST', `/api/v1/support-cases/${opened.body.caseId}/replies`, {
    as: 'sam',
    body: { body: 'We are on it', status: 'resolved' },
  });
}

/** Any other path under /api is a JSON 404 (the document says so in its description). */
async function everyPath({ expectStatus }: Context) {
  await expectStatus(404, 'GET', '/api/v1/no-such-thing');
  await expectStatus(404, 'DELETE', '/api/v1/orders');
  await expectStatus(404, 'GET', '/api/v2/orders', { as: null });
}
