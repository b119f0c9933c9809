import { afterAll, beforeAll, expect, it } from 'vitest';

import { cancelLine } from '../../src/app/lines/cancel-line.js';
import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { runDue } from '../../src/jobs/run-due.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const irene = { name: 'Irene', email: 'irene@initech.example', language: 'en' as const };
const newContact = { name: 'Nora Nuovo', email: 'nora@initech.example', language: 'it' as const };

describeEachStore('change provisioning contact', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  const threeLines = () =>
    w.order({
      lines: ['MEET-PRO', 'A-FLEX', 'CALL-STD'].map((offerCode) => ({
        offerCode,
        quantity: 3,
        provisioningContact: irene,
      })),
    });
  const linesOf = (orderId: string) =>
    w.store.db
      .selectFrom('subscription_line')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('line_no')
      .execute();
  /** The live links of an order (a link is the order's), with the address each went to. */
  const liveLinks = (orderId: string) =>
    w.store.db
      .selectFrom('setup_token as t')
      .innerJoin('subscription_line as l', 'l.subscription_id', 't.subscription_id')
      .innerJoin('provisioning_email as s', 's.id', 't.send_id')
      .select(['t.token_hash', 's.to_email'])
      .where('l.order_id', '=', orderId)
      .where('t.revoked_at', 'is', null)
      .orderBy('s.seq')
      .execute();

  it('changes one line only; the new contact gets a fresh e-mail, the old one keeps their link', async () => {
    const { orderId, subscriptionIds } = await threeLines();
    await runDue(w.deps);
    expect((await liveLinks(orderId)).map((t) => t.to_email)).toEqual(['irene@initech.example']);

    const result = await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId: subscriptionIds[1]!,
      contact: newContact,
      applyToAllLines: false,
    });

    expect(result.updated.map((u) => u.subscriptionId)).toEqual([subscriptionIds[1]]);
    const lines = await linesOf(orderId);
    expect(lines.map((l) => l.contact_email)).toEqual([
      'irene@initech.example',
      'nora@initech.example',
      'irene@initech.example',
    ]);
    expect(lines[1]!.contact_language).toBe('it');
    // Irene still provisions two lines of the order: her link keeps working; Nora has her own.
    expect((await liveLinks(orderId)).map((t) => t.to_email)).toEqual([
      'irene@initech.example',
      'nora@initech.example',
    ]);
    const send = await w.store.db
      .selectFrom('provisioning_email')
      .selectAll()
      .where('id', '=', result.updated[0]!.sendId!)
      .executeTakeFirstOrThrow();
    expect(send).toMatchObject({
      to_email: 'nora@initech.example',
      reason: 'contact_change',
      language: 'it',
    });
    const audit = await w.store.db
      .selectFrom('audit_event')
      .selectAll()
      .where('subscription_id', '=', subscriptionIds[1]!)
      .where('action', '=', 'provisioning_contact.changed')
      .executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({
      from: { email: 'irene@initech.example' },
      to: { email: 'nora@initech.example' },
    });
  });

  it('with applyToAllLines changes every line of the order and skips cancelled ones', async () => {
    const { orderId, subscriptionIds } = await threeLines();
    await runDue(w.deps);
    await cancelLine(w.deps, w.actors.alice, { subscriptionId: subscriptionIds[2]! });

    const result = await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId: subscriptionIds[0]!,
      contact: newContact,
      applyToAllLines: true,
    });

    expect(result.updated.map((u) => u.subscriptionId)).toEqual(subscriptionIds.slice(0, 2));
    expect(result.skipped).toEqual([{ subscriptionId: subscriptionIds[2], code: 'LINE_CANCELLED' }]);
    const lines = await linesOf(orderId);
    expect(lines.map((l) => l.contact_email)).toEqual([
      'nora@initech.example',
      'nora@initech.example',
      'irene@initech.example',
    ]);
    // One e-mail (one link) for Nora's two lines; Irene's link died with her last live line.
    expect((await liveLinks(orderId)).map((t) => t.to_email)).toEqual(['nora@initech.example']);
  });

  it('before the RSD only the contact changes: no e-mail, no token', async () => {
    w.clock.advance(0);
    const rsd = new Date(w.clock.now().getTime() + 5 * 86_400_000).toISOString().slice(0, 10);
    const { orderId, subscriptionIds } = await w.order({ rsd });
    const result = await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId: subscriptionIds[0]!,
      contact: newContact,
      applyToAllLines: false,
    });
    expect(result.updated).toEqual([{ subscriptionId: subscriptionIds[0], sendId: null }]);
    expect((await linesOf(orderId))[0]).toMatchObject({
      status: 'booked',
      contact_email: 'nora@initech.example',
    });
    const sends = await w.store.db
      .selectFrom('provisioning_email')
      .select('id')
      .where('subscription_id', '=', subscriptionIds[0]!)
      .execute();
    expect(sends).toHaveLength(0);
  });

  it('the same contact again is reported unchanged and sends nothing', async () => {
    const { subscriptionIds } = await w.order();
    await runDue(w.deps);
    const result = await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId: subscriptionIds[0]!,
      contact: { name: 'Irene Conti', email: 'IRENE@initech.example', language: 'en' },
      applyToAllLines: false,
    });
    expect(result).toEqual({
      updated: [],
      skipped: [{ subscriptionId: subscriptionIds[0], code: 'UNCHANGED' }],
    });
  });

  it('a refused change on the named line leaves every line as it was', async () => {
    const { orderId, subscriptionIds } = await threeLines();
    await cancelLine(w.deps, w.actors.alice, { subscriptionId: subscriptionIds[0]! });
    await expect(
      changeProvisioningContact(w.deps, w.actors.alice, {
        subscriptionId: subscriptionIds[0]!,
        contact: newContact,
        applyToAllLines: true,
      }),
    ).rejects.toMatchObject({ code: 'LINE_CANCELLED' });
    expect((await linesOf(orderId)).map((l) => l.contact_email)).toEqual(
      Array(3).fill('irene@initech.example'),
    );
  });
});
