import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import { resendProvisioningEmail } from '../../src/app/lines/resend-provisioning-email.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import type { TemplateInput } from '../../src/email/index.js';
import { runDue } from '../../src/jobs/run-due.js';
import { openedEmailInput } from '../support/queries.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const DAY = 86_400_000;
const carla = { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' as const };

describeEachStore('resend provisioning e-mail', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  async function awaitingOrder(offerCode = 'MEET-PRO') {
    const placed = await w.order({
      lines: [
        {
          offerCode,
          quantity: 5,
          provisioningContact: { name: 'Irene', email: 'irene@initech.example', language: 'en' },
        },
      ],
    });
    await runDue(w.deps);
    return placed;
  }

  it('writes a send record, a fresh token and an outbox row; the earlier link stays alive', async () => {
    const { subscriptionIds } = await awaitingOrder();
    const sub = subscriptionIds[0]!;
    const before = await w.store.db
      .selectFrom('setup_token')
      .selectAll()
      .where('subscription_id', '=', sub)
      .execute();
    expect(before).toHaveLength(1);

    w.clock.advance(60_000);
    const queued = await resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: sub });
    // The line is written in the statement that queues the e-mail: same state, touched now.
    const line = await w.store.db
      .selectFrom('subscription_line')
      .select(['status', 'updated_at'])
      .where('subscription_id', '=', sub)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ status: 'awaiting_provisioning_details', updated_at: w.clock.now() });

    const send = await w.store.db
      .selectFrom('provisioning_email')
      .selectAll()
      .where('id', '=', queued.sendId)
      .executeTakeFirstOrThrow();
    expect(send).toMatchObject({
      subscription_id: sub,
      reason: 'resend',
      status: 'queued',
      to_email: 'irene@initech.example',
      requested_by_user_id: 'usr_alice',
    });
    const outbox = await w.store.db
      .selectFrom('outbox')
      .selectAll()
      .where('send_id', '=', queued.sendId)
      .executeTakeFirstOrThrow();
    expect(outbox.status).toBe('pending');
    const tokens = await w.store.db
      .selectFrom('setup_token')
      .selectAll()
      .where('subscription_id', '=', sub)
      .orderBy('created_at')
      .execute();
    // Same contact: the first e-mail's link still works (a wizard in progress carries on).
    expect(tokens).toHaveLength(2);
    expect(tokens.filter((t) => t.revoked_at === null)).toHaveLength(2);
    expect(Buffer.from(tokens[0]!.token_hash).equals(Buffer.from(before[0]!.token_hash))).toBe(true);
    // The e-mail carries the new token; only its hash is stored.
    const url = openedEmailInput<TemplateInput<'provisioning'>>(outbox.payload).secrets.setupUrl;
    const fresh = tokens.find((t) => t.send_id === queued.sendId)!;
    expect(Buffer.from(fresh.token_hash).equals(hashToken(url.split('/setup/')[1]!))).toBe(true);
  });

  it('withdraws an earlier e-mail still waiting in the outbox: one e-mail goes out, not two', async () => {
    const { subscriptionIds } = await awaitingOrder();
    const sub = subscriptionIds[0]!;
    const [rsdSend] = await w.store.db
      .selectFrom('provisioning_email')
      .select('id')
      .where('subscription_id', '=', sub)
      .execute();
    await resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: sub });
    const old = await w.store.db
      .selectFrom('outbox')
      .select('status')
      .where('send_id', '=', rsdSend!.id)
      .executeTakeFirstOrThrow();
    expect(old.status).toBe('superseded');
    const oldSend = await w.store.db
      .selectFrom('provisioning_email')
      .select('status')
      .where('id', '=', rsdSend!.id)
      .executeTakeFirstOrThrow();
    expect(oldSend.status).toBe('superseded');
    const pending = await w.store.db
      .selectFrom('outbox')
      .innerJoin('provisioning_email as pe', 'pe.id', 'outbox.send_id')
      .select('outbox.id')
      .where('pe.subscription_id', '=', sub)
      .where('outbox.status', '=', 'pending')
      .execute();
    expect(pending).toHaveLength(1);
  });

  it('still resends a closed line flagged provisioning still pending, and the line stays closed', async () => {
    const { subscriptionIds } = await awaitingOrder('A-FLEX');
    const sub = subscriptionIds[0]!;
    w.clock.advance(7 * DAY);
    await runDue(w.deps);
    const closed = await w.store.db
      .selectFrom('subscription_line')
      .selectAll()
      .where('subscription_id', '=', sub)
      .executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: 'closed', pending_provisioning: true });

    const queued = await resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: sub });
    expect(queued.sendId).toMatch(/^snd_/);
    const after = await w.store.db
      .selectFrom('subscription_line')
      .select(['status', 'pending_provisioning'])
      .where('subscription_id', '=', sub)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'closed', pending_provisioning: true });
  });

  it('refuses after the point of no return with the admin portal URL, and writes nothing', async () => {
    const { orderId, subscriptionIds } = await awaitingOrder();
    await mapOrderToOrganization(w.deps, {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: carla,
    });
    const sends = () =>
      w.store.db
        .selectFrom('provisioning_email')
        .select('id')
        .where('subscription_id', '=', subscriptionIds[0]!)
        .execute();
    const count = (await sends()).length;
    await expect(
      resendProvisioningEmail(w.deps, w.actors.alice, { subscriptionId: subscriptionIds[0]! }),
    ).rejects.toMatchObject({
      code: 'PAST_PONR',
      details: { adminPortalUrl: 'http://onramp.test/admin' },
    });
    expect((await sends()).length).toBe(count);
  });

  describe('access', () => {
    it.each([
      ['alice', 'placed the order'],
      ['paola', 'is an admin of the placing partner'],
      ['dana', 'belongs to the distributor on the order'],
      ['sam', 'is a support agent'],
    ] as const)('%s may resend (%s)', async (who, _why) => {
      const { subscriptionIds } = await w.order({ distributorId: 'org_dist' });
      await runDue(w.deps);
      await expect(
        resendProvisioningEmail(w.deps, w.actors[who], { subscriptionId: subscriptionIds[0]! }),
      ).resolves.toMatchObject({ to: 'irene@initech.example' });
    });

    it('a colleague without access is told who placed the order', async () => {
      const { subscriptionIds } = await awaitingOrder();
      await expect(
        resendProvisioningEmail(w.deps, w.actors.marco, { subscriptionId: subscriptionIds[0]! }),
      ).rejects.toMatchObject({
        code: 'NO_ACCESS',
        details: { orderPlacedBy: { name: 'Alice Rossi', email: 'alice@acme.example' } },
      });
    });

    it.each(['bob', 'brenda', 'dino', 'carla'] as const)(
      '%s of another organization is told the line does not exist, as for a missing one',
      async (who) => {
        const { subscriptionIds } = await w.order({ distributorId: 'org_dist' });
        await runDue(w.deps);
        const refusal = await resendProvisioningEmail(w.deps, w.actors[who], {
          subscriptionId: subscriptionIds[0]!,
        }).catch((e: unknown) => e);
        expect(refusal).toMatchObject({ code: 'NOT_FOUND', details: { subscriptionId: subscriptionIds[0] } });
      },
    );

    it('an unknown subscription is NOT_FOUND', async () => {
      await expect(
        resendProvisioningEmail(w.deps, w.actors.sam, { subscriptionId: 'Sub999999999' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
