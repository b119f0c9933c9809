/**
 * POST /api/v1/setup/{token}/new-link, the dead link's "send me a new link" for API clients, on
 * both stores, the e-mail through a real SMTP socket: the contact gets a new link that works; any
 * other address, an unknown link and an order already set up get the same 202 and no e-mail; a
 * link handed to someone else is 410; bad input is 400; past the limits 429 with Retry-After.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { completeSetup } from '../../src/app/setup/complete-setup.js';
import { delegateSetup } from '../../src/app/setup/delegate-setup.js';
import { createApi } from '../../src/http/create-api.js';
import { awaitingOrder, expireSetupLinks, freshContact, setupTokenOf } from '../app/setup-fixtures.js';
import { closeMailWorld, type MailWorld, MINUTE, openMailWorld } from '../jobs/mail-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { type Api, call, type ErrorBody, MAX_BODY_BYTES, refusal } from './api-harness.js';

const path = (token: string) => `/api/v1/setup/${token}/new-link`;

describeEachStore('REST API: ask for a new setup link', (kind) => {
  let m: MailWorld;
  let api: Api;
  beforeAll(async () => {
    m = await openMailWorld(kind);
    api = createApi(
      {
        ...m.w.deps,
        store: m.w.store,
        maxBodyBytes: MAX_BODY_BYTES,
        setupNewLinkLimits: {
          perIp: { limit: 100, windowMs: 10 * MINUTE },
          perAddress: { limit: 2, windowMs: 10 * MINUTE },
        },
      },
      { logError: () => {} },
    );
  });
  afterAll(() => closeMailWorld(m));

  /** No bearer token: the link's token is the credential. */
  const ask = (token: string, body: unknown) =>
    call<{ accepted: true } & ErrorBody>(api, m.w, 'POST', path(token), {
      as: null,
      body,
    });

  /** An order whose contact's first link ran out; its RSD e-mail already delivered. */
  async function deadLink(lines = [{}]) {
    const placed = await awaitingOrder(m.w, lines);
    const token = await setupTokenOf(m.w, placed.subscriptionIds[0]!);
    await expireSetupLinks(m.w, placed.subscriptionIds[0]!);
    await m.worker.drain();
    return { ...placed, token };
  }
  const linksTo = (email: string) =>
    m.inbox.to(email).map((mail) => /\/setup\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1]);

  it('sends the contact a new link that works, answering 202', async () => {
    const { token, contact } = await deadLink();
    const expired = await call<ErrorBody>(api, m.w, 'GET', `/api/v1/setup/${token}`, { as: null });
    expect(refusal(expired)).toMatchObject({ status: 410, code: 'TOKEN_INVALID' });

    const reply = await ask(token, { email: contact.email.toUpperCase() });
    expect(reply).toMatchObject({ status: 202, body: { accepted: true } });
    expect(await m.worker.drain()).toMatchObject({ sent: 1 });
    const links = linksTo(contact.email);
    expect(links).toHaveLength(2);
    expect(links[1]).not.toBe(token);
    const opened = await call(api, m.w, 'GET', `/api/v1/setup/${links[1]}`, { as: null });
    expect(opened.status).toBe(200);
  });

  it('the same 202 and no e-mail for another address, an unknown link, or an order already set up', async () => {
    const { token, contact } = await deadLink();
    const other = await awaitingOrder(m.w);
    const mapped = await awaitingOrder(m.w, [{}, { contact: freshContact('olga') }]);
    const mappedToken = await setupTokenOf(m.w, mapped.subscriptionIds[0]!);
    const olgaToken = await setupTokenOf(m.w, mapped.subscriptionIds[1]!);
    await expireSetupLinks(m.w, mapped.subscriptionIds[0]!);
    await completeSetup(m.w.deps, olgaToken, {
      organization: { newOrganization: { name: 'Initech New Link', country: 'IT' } },
    });
    await m.worker.drain();
    const before = m.inbox.received.length;

    const replies = [
      await ask(token, { email: 'stranger@initech.example' }),
      await ask(token, { email: other.contact.email }),
      await ask('z'.repeat(43), { email: contact.email }),
      await ask(mappedToken, { email: mapped.contact.email }),
    ];
    for (const reply of replies)
      expect(reply).toEqual({ status: 202, headers: reply.headers, body: { accepted: true } });
    expect(await m.worker.drain()).toMatchObject({ claimed: 0 });
    expect(m.inbox.received.length).toBe(before);
  });

  it('410 TOKEN_INVALID for a link whose holder handed the setup to someone else', async () => {
    const { subscriptionIds, contact } = await awaitingOrder(m.w);
    const token = await setupTokenOf(m.w, subscriptionIds[0]!);
    await delegateSetup(m.w.deps, token, freshContact('nora'));
    const reply = await ask(token, { email: contact.email });
    expect(refusal(reply)).toMatchObject({ status: 410, code: 'TOKEN_INVALID' });
    expect(reply.body.error).toMatchObject({ reason: 'revoked', revokedReason: 'delegated' });
  });

  it('400 for a missing or malformed address; 429 with Retry-After past the per-address limit', async () => {
    const { token, contact } = await deadLink();
    for (const body of [{}, { email: 'not an address' }, { email: `${'x'.repeat(250)}@initech.example` }])
      expect(refusal(await ask(token, body)), JSON.stringify(body)).toEqual({
        status: 400,
        code: 'INVALID_INPUT',
        paths: ['email'],
      });

    for (let i = 0; i < 2; i++) expect((await ask(token, { email: contact.email })).status).toBe(202);
    const limited = await ask(token, { email: contact.email });
    expect(refusal(limited)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error.retryAfterSeconds).toBe(Number(limited.headers.get('retry-after')));
  });
});
