import { afterAll, beforeAll, expect, it } from 'vitest';

import { completeSetup } from '../../src/app/setup/complete-setup.js';
import { delegateSetup } from '../../src/app/setup/delegate-setup.js';
import { openSetupLink } from '../../src/app/setup/open-setup-link.js';
import { registerWebhookEndpoint } from '../../src/app/webhooks/register-webhook-endpoint.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { awaitingOrder, freshContact, setupTokenOf } from './setup-fixtures.js';

describeEachStore('setup wizard: another person will set up (delegate)', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  const linesOf = (orderId: string) =>
    w.store.db
      .selectFrom('subscription_line')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('line_no')
      .execute();
  /** The links of an order (a link is the order's), oldest first, with the address each went to. */
  const linksOfOrder = (orderId: string) =>
    w.store.db
      .selectFrom('setup_token as t')
      .innerJoin('subscription_line as l', 'l.subscription_id', 't.subscription_id')
      .innerJoin('provisioning_email as s', 's.id', 't.send_id')
      .select(['t.revoked_at', 't.revoked_reason', 's.to_email'])
      .where('l.order_id', '=', orderId)
      .orderBy('s.seq')
      .execute();

  it("hands the contact's lines to a colleague: new contact, one fresh e-mail, this link and the contact's others dead", async () => {
    const olga = freshContact('olga');
    const { orderId, subscriptionIds: subs, contact } = await awaitingOrder(w, [{}, { contact: olga }, {}]);
    const [first, olgaToken] = [await setupTokenOf(w, subs[0]!), await setupTokenOf(w, subs[1]!)];
    const nora = { ...freshContact('nora'), name: 'Nora Nuovo', language: 'it' as const };

    const result = await delegateSetup(w.deps, first, nora);

    expect(result.delegatedTo).toEqual(nora);
    expect(result.updated.map((u) => u.subscriptionId).sort()).toEqual([subs[0], subs[2]].sort());
    expect(result.updated.every((u) => u.sendId)).toBe(true);
    const lines = await linesOf(orderId);
    expect(lines.map((l) => l.contact_email)).toEqual([nora.email, olga.email, nora.email]);
    expect(lines[0]).toMatchObject({ contact_name: 'Nora Nuovo', contact_language: 'it' });
    // One link went to the contact for both their lines (one e-mail): it is revoked as delegated,
    // and Nora's one e-mail carries one new link for her two lines.
    const links = await linksOfOrder(orderId);
    expect(links.filter((t) => t.revoked_reason === 'delegated').map((t) => t.to_email)).toEqual([
      contact.email,
    ]);
    expect(links.filter((t) => t.revoked_at === null).map((t) => t.to_email)).toEqual([
      olga.email,
      nora.email,
    ]);
    // Olga's line and link are untouched.
    await expect(openSetupLink(w.deps, olgaToken)).resolves.toBeDefined();

    const sends = await w.store.db
      .selectFrom('provisioning_email')
      .selectAll()
      .where(
        'id',
        'in',
        result.updated.map((u) => u.sendId!),
      )
      .execute();
    expect(sends.map((s) => [s.to_email, s.reason, s.language, s.requested_by_label])).toEqual(
      sends.map(() => [nora.email, 'contact_change', 'it', `${contact.name} <${contact.email}>`]),
    );
    // The new e-mail lists both of Nora's lines.
    const [mail] = await w.store.db
      .selectFrom('outbox')
      .select('payload')
      .where('send_id', '=', result.updated[0]!.sendId!)
      .execute();
    expect((mail!.payload as { input: { lines: unknown[] } }).input.lines).toHaveLength(2);
    await expect(openSetupLink(w.deps, first)).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
      details: { reason: 'revoked', revokedReason: 'delegated' },
    });
    const view = await openSetupLink(w.deps, await setupTokenOf(w, subs[0]!));
    expect(view.provisioningContact).toEqual({ name: 'Nora Nuovo', email: nora.email, language: 'it' });
  });

  it('is a contact change like any other: audited as the delegating contact, and sent to the webhooks', async () => {
    w.deps.settings.webhooks = { allowPrivate: true, timeoutMs: 5_000 };
    await registerWebhookEndpoint(w.deps, w.actors.paola, {
      url: 'http://127.0.0.1:9/hooks',
      description: 'x',
    });
    const later = new Date(w.clock.now().getTime() + 5 * 86_400_000).toISOString().slice(0, 10);
    const { orderId, subscriptionIds: subs, contact } = await awaitingOrder(w, [{}, { rsd: later }]);
    const nora = freshContact('nora');
    const from = { name: contact.name, email: contact.email, language: contact.language };

    const result = await delegateSetup(w.deps, await setupTokenOf(w, subs[0]!), nora);

    const sendOf = (sub: string) => result.updated.find((u) => u.subscriptionId === sub)!.sendId;
    expect(sendOf(subs[1]!)).toBeNull(); // before its RSD: no e-mail yet
    const audit = await w.store.db
      .selectFrom('audit_event')
      .select(['subscription_id', 'action', 'actor_user_id', 'actor_label', 'data'])
      .where('order_id', '=', orderId)
      .where('action', '=', 'provisioning_contact.changed')
      .orderBy('id')
      .execute();
    expect(audit).toEqual(
      subs.map((sub) => ({
        subscription_id: sub,
        action: 'provisioning_contact.changed',
        actor_user_id: null,
        actor_label: `${contact.name} <${contact.email}>`,
        data: { from, to: nora, applyToAllLines: false, via: 'delegation', sendId: sendOf(sub) },
      })),
    );
    const webhooks = await w.store.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'webhook')
      .execute();
    const events = webhooks
      .map(
        (r) =>
          JSON.parse((r.payload as { body: string }).body) as { type: string; data: { orderId: string } },
      )
      .filter((e) => e.type === 'provisioning_contact.changed' && e.data.orderId === orderId);
    expect(events.map((e) => e.data)).toEqual(
      subs.map((sub) =>
        expect.objectContaining({
          subscriptionId: sub,
          from,
          to: nora,
          via: 'delegation',
          sendId: sendOf(sub),
        }),
      ),
    );
  });

  it('a line before its RSD just changes contact: its first e-mail will go to the colleague', async () => {
    const later = new Date(w.clock.now().getTime() + 5 * 86_400_000).toISOString().slice(0, 10);
    const { orderId, subscriptionIds: subs } = await awaitingOrder(w, [{}, { rsd: later }]);
    const nora = freshContact('nora');
    const result = await delegateSetup(w.deps, await setupTokenOf(w, subs[0]!), nora);
    expect(result.updated).toContainEqual({ subscriptionId: subs[1], sendId: null });
    const lines = await linesOf(orderId);
    expect(lines.map((l) => [l.status, l.contact_email])).toEqual([
      ['awaiting_provisioning_details', nora.email],
      ['booked', nora.email],
    ]);
  });

  it('refuses to delegate to oneself and writes nothing', async () => {
    const { orderId, subscriptionIds: subs, contact } = await awaitingOrder(w);
    const token = await setupTokenOf(w, subs[0]!);
    await expect(
      delegateSetup(w.deps, token, { ...contact, email: contact.email.toUpperCase() }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'email' }] } });
    expect((await linksOfOrder(orderId)).filter((t) => t.revoked_at === null)).toHaveLength(1);
    await expect(openSetupLink(w.deps, token)).resolves.toBeDefined();
  });

  it('refuses after the order was set up (ALREADY_MAPPED), and with a dead link (TOKEN_INVALID)', async () => {
    const olga = freshContact('olga');
    const { subscriptionIds: subs } = await awaitingOrder(w, [{}, { contact: olga }]);
    const [mine, hers] = [await setupTokenOf(w, subs[0]!), await setupTokenOf(w, subs[1]!)];
    await completeSetup(w.deps, hers, {
      organization: { newOrganization: { name: 'Initech Olga', country: 'DE' } },
    });
    await expect(delegateSetup(w.deps, mine, freshContact('nora'))).rejects.toMatchObject({
      code: 'ALREADY_MAPPED',
    });

    const { subscriptionIds: other } = await awaitingOrder(w);
    const token = await setupTokenOf(w, other[0]!);
    await delegateSetup(w.deps, token, freshContact('nora'));
    await expect(delegateSetup(w.deps, token, freshContact('nora'))).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
  });
});
