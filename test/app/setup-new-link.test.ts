import { afterAll, beforeAll, expect, it } from 'vitest';

import { completeSetup } from '../../src/app/setup/complete-setup.js';
import { delegateSetup } from '../../src/app/setup/delegate-setup.js';
import { openSetupLink } from '../../src/app/setup/open-setup-link.js';
import { type NewLinkLimits, requestNewSetupLink } from '../../src/app/setup/request-new-setup-link.js';
import { runDue } from '../../src/jobs/run-due.js';
import { deleteExpiredRateLimits } from '../../src/store/rate-limit-repository.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { awaitingOrder, expireSetupLinks, freshContact, setupTokenOf } from './setup-fixtures.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

describeEachStore('setup wizard: "send me a new link" (self-service)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  const sendCount = async () =>
    Number(
      (
        await w.store.db
          .selectFrom('provisioning_email')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** An order whose first link ran out: the contact holds a dead link. */
  async function deadLink(lines = [{}]) {
    const placed = await awaitingOrder(w, lines);
    const dead = await setupTokenOf(w, placed.subscriptionIds[0]!);
    await expireSetupLinks(w, placed.subscriptionIds[0]!);
    return { ...placed, dead };
  }

  it("resends to the line's contact (any letter case), as self-service; the new link works", async () => {
    const { dead, contact, subscriptionIds } = await deadLink();
    const { queued } = await requestNewSetupLink(w.deps, {
      token: dead,
      email: ` ${contact.email.toUpperCase()} `,
      ip: freshIp(),
    });
    expect(queued).toMatchObject({ subscriptionId: subscriptionIds[0], to: contact.email });
    const send = await w.store.db
      .selectFrom('provisioning_email')
      .selectAll()
      .where('id', '=', queued!.sendId)
      .executeTakeFirstOrThrow();
    expect(send).toMatchObject({
      reason: 'resend',
      requested_by_label: 'self-service',
      requested_by_user_id: null,
    });
    await expect(openSetupLink(w.deps, await setupTokenOf(w, subscriptionIds[0]!))).resolves.toBeDefined();
  });

  it('sends nothing for any other address, for a set-up order, or for an unknown link', async () => {
    const before = await sendCount();
    const { dead } = await deadLink();
    const afterSetup = await sendCount();
    expect(afterSetup).toBe(before + 1); // the RSD e-mail, whose link then ran out
    const other = await awaitingOrder(w);
    for (const email of [
      'nobody@initech.example',
      other.contact.email,
      w.actors.alice.email,
      'not an address',
    ])
      expect(await requestNewSetupLink(w.deps, { token: dead, email, ip: freshIp() })).toEqual({
        queued: null,
      });
    expect(
      await requestNewSetupLink(w.deps, { token: 'y'.repeat(43), email: other.contact.email, ip: freshIp() }),
    ).toEqual({
      queued: null,
    });

    const mapped = await deadLink([{}, { contact: freshContact('olga') }]);
    await completeSetup(w.deps, await setupTokenOf(w, mapped.subscriptionIds[1]!), {
      organization: { newOrganization: { name: 'Initech Mapped', country: 'IT' } },
    });
    const sends = await sendCount();
    expect(
      await requestNewSetupLink(w.deps, { token: mapped.dead, email: mapped.contact.email, ip: freshIp() }),
    ).toEqual({ queued: null });
    expect(await sendCount()).toBe(sends);
  });

  it('limits requests per e-mail address and per IP address, then lets them through in the next window', async () => {
    const limits: NewLinkLimits = {
      perIp: { limit: 3, windowMs: 10 * MINUTE },
      perAddress: { limit: 2, windowMs: 10 * MINUTE },
    };
    const { dead, contact } = await deadLink();
    const ip = freshIp();
    const ask = (email: string, from = ip) =>
      requestNewSetupLink(w.deps, { token: dead, email, ip: from }, limits);
    await ask(contact.email, freshIp());
    await ask(contact.email, freshIp());
    await expect(ask(contact.email, freshIp())).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    });

    await ask('a@initech.example');
    await ask('b@initech.example');
    await ask('c@initech.example');
    const refused = await ask('d@initech.example').catch(
      (e: { code: string; details: { retryAfterSeconds: number } }) => e,
    );
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect((refused as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds).toBeGreaterThan(
      0,
    );
    expect(
      (refused as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds,
    ).toBeLessThanOrEqual(600);

    w.clock.advance(10 * MINUTE);
    await expect(ask(contact.email)).resolves.toMatchObject({ queued: { to: contact.email } });
    // Windows that ended are cleaned up by the worker's due loop (not on the hit's path).
    await deleteExpiredRateLimits(w.store.db, w.clock.now());
    const expired = await w.store.db
      .selectFrom('rate_limit')
      .select('key')
      .where('expires_at', '<=', w.clock.now())
      .execute();
    expect(expired).toEqual([]);
  });

  it('refuses a link whose holder handed the setup to a colleague (TOKEN_INVALID), sending nothing', async () => {
    const { subscriptionIds, contact } = await awaitingOrder(w);
    const token = await setupTokenOf(w, subscriptionIds[0]!);
    const nora = {
      name: 'Nora Nuovo',
      email: `nora.${process.pid}@initech.example`,
      language: 'en' as const,
    };
    await delegateSetup(w.deps, token, nora);
    const before = await sendCount();
    for (const email of [contact.email, nora.email])
      await expect(requestNewSetupLink(w.deps, { token, email, ip: freshIp() })).rejects.toMatchObject({
        code: 'TOKEN_INVALID',
        details: { reason: 'revoked', revokedReason: 'delegated' },
      });
    expect(await sendCount()).toBe(before);
  });

  // Last: it moves the clock past the policy period.
  it('a line closed with provisioning still pending can get a new link', async () => {
    const { dead, contact, subscriptionIds } = await deadLink();
    w.clock.advance(31 * DAY);
    await runDue(w.deps);
    const line = await w.store.db
      .selectFrom('subscription_line')
      .select(['status', 'pending_provisioning'])
      .where('subscription_id', '=', subscriptionIds[0]!)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ status: 'closed', pending_provisioning: true });
    const { queued } = await requestNewSetupLink(w.deps, {
      token: dead,
      email: contact.email,
      ip: freshIp(),
    });
    expect(queued).not.toBeNull();
  });
});
