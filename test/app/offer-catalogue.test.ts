/**
 * The offer catalogue in the database: POLICY_* seed it once (never over an operator's change);
 * a line keeps the policy period it was ordered with and run-due closes it at that instant;
 * retiring an offer refuses new orders with it (naming it, writing nothing) and leaves existing
 * lines alone; only operators change the catalogue; every change is audited with before/after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addOffer, addOfferSchema } from '../../src/app/orders/add-offer.js';
import { changeOffer, changeOfferSchema } from '../../src/app/orders/change-offer.js';
import { listOffers } from '../../src/app/orders/list-offers.js';
import { placeOrderSchema, writeOrder } from '../../src/app/orders/place-order.js';
import { seedOfferCatalogue } from '../../src/app/orders/seed-offer-catalogue.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { buildPolicy } from '../../src/domain/policy.js';
import { runDue } from '../../src/jobs/run-due.js';
import { rowCounts } from '../http/api-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type UserKey, type World } from '../support/world.js';

const DAY = 86_400_000;
const contact = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const };
const line = (offerCode: string) => ({ offerCode, quantity: 1, provisioningContact: contact });

describeEachStore('offer catalogue', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  const offerRow = (code: string) =>
    w.store.db
      .selectFrom('offer')
      .select(['code', 'name', 'policy_days', 'active'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
  const lineRow = (subscriptionId: string) =>
    w.store.db
      .selectFrom('subscription_line')
      .select(['status', 'pending_provisioning', 'policy_days', 'first_email_at'])
      .where('subscription_id', '=', subscriptionId)
      .executeTakeFirstOrThrow();
  const auditOf = (action: string) =>
    w.store.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'actor_label', 'organization_id', 'data'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  /** The deadline the line's newest provisioning e-mail states. */
  const deadlineOf = async (subscriptionId: string) => {
    const row = await w.store.db
      .selectFrom('outbox as o')
      .innerJoin('provisioning_email as pe', 'pe.id', 'o.send_id')
      .select('o.payload')
      .where('pe.subscription_id', '=', subscriptionId)
      .orderBy('o.id', 'desc')
      .executeTakeFirstOrThrow();
    return (row.payload as { input: { deadline: string } }).input.deadline;
  };

  // A custom environment: MEET-PRO 7 days, every other offer 20 (A-FLEX keeps the built-in 7).
  const custom = buildPolicy({ closeAfterDays: { 'MEET-PRO': 7 }, defaultDays: 20 });
  let earlyLine: string;

  it('seeds the catalogue once from the POLICY_* settings, then lines placed before it', async () => {
    earlyLine = (await w.order({ lines: [line('CONTACT-CTR')] })).subscriptionIds[0]!;
    expect((await lineRow(earlyLine)).policy_days).toBeNull(); // the migrated test image is unseeded

    const report = await seedOfferCatalogue(w.store.db, custom, w.clock.now());
    expect(report.offers).toEqual(
      expect.arrayContaining([
        { code: 'MEET-PRO', policyDays: 7 },
        { code: 'A-FLEX', policyDays: 7 },
        { code: 'CALL-STD', policyDays: 20 },
        { code: 'CONTACT-CTR', policyDays: 20 },
      ]),
    );
    expect(report.lines).toBe(1);
    expect((await lineRow(earlyLine)).policy_days).toBe(20);
    expect(await offerRow('MEET-PRO')).toEqual({
      code: 'MEET-PRO',
      name: 'Meetings Pro',
      policy_days: 7,
      active: true,
    });
    const [seeded] = await auditOf('offer.seeded');
    expect(seeded).toMatchObject({ actor_user_id: null, actor_label: 'Onramp', data: { lines: 1 } });

    // A second start with another environment finds nothing to seed.
    expect(await seedOfferCatalogue(w.store.db, buildPolicy({ defaultDays: 99 }), w.clock.now())).toEqual({
      offers: [],
      lines: 0,
    });
    expect((await offerRow('CALL-STD')).policy_days).toBe(20);
  });

  it('a line keeps the period it was ordered with; run-due closes each at its own instant', async () => {
    const seven = (await w.order({ lines: [line('MEET-PRO')] })).subscriptionIds[0]!;
    const changed = await changeOffer(w.deps, w.actors.olga, 'MEET-PRO', { policyDays: 10 });
    expect(changed).toEqual({ code: 'MEET-PRO', name: 'Meetings Pro', policyDays: 10, active: true });
    const ten = (await w.order({ lines: [line('MEET-PRO')] })).subscriptionIds[0]!;
    expect((await lineRow(seven)).policy_days).toBe(7);
    expect((await lineRow(ten)).policy_days).toBe(10);

    // The environment never overrides the operator: a restart seeds nothing.
    expect((await seedOfferCatalogue(w.store.db, custom, w.clock.now())).offers).toEqual([]);
    expect((await offerRow('MEET-PRO')).policy_days).toBe(10);

    const first = w.clock.now().getTime();
    expect(await runDue(w.deps, { now: new Date(first) })).toMatchObject({ dispatched: 3 }); // + earlyLine
    expect((await lineRow(seven)).first_email_at).toEqual(new Date(first));
    // The e-mail's deadline is the line's own close instant, read from the database.
    expect(await deadlineOf(seven)).toBe(new Date(first + 7 * DAY).toISOString());
    expect(await deadlineOf(ten)).toBe(new Date(first + 10 * DAY).toISOString());

    await runDue(w.deps, { now: new Date(first + 7 * DAY - 1) });
    expect((await lineRow(seven)).status).toBe('awaiting_provisioning_details');
    expect(await runDue(w.deps, { now: new Date(first + 7 * DAY) })).toMatchObject({ closed: 1 });
    expect(await lineRow(seven)).toMatchObject({ status: 'closed', pending_provisioning: true });
    expect((await lineRow(ten)).status).toBe('awaiting_provisioning_details');

    await runDue(w.deps, { now: new Date(first + 10 * DAY - 1) });
    expect((await lineRow(ten)).status).toBe('awaiting_provisioning_details');
    expect(await runDue(w.deps, { now: new Date(first + 10 * DAY) })).toMatchObject({ closed: 1 });
    expect(await lineRow(ten)).toMatchObject({ status: 'closed', pending_provisioning: true });

    // The line seeded at start closes after its 20 days.
    expect((await lineRow(earlyLine)).status).toBe('awaiting_provisioning_details');
    expect(await runDue(w.deps, { now: new Date(first + 20 * DAY) })).toMatchObject({ closed: 1 });
    expect((await lineRow(earlyLine)).status).toBe('closed');
  });

  it('a retired offer refuses new orders, naming it, and writes nothing; existing lines carry on', async () => {
    const before = await w.order({ lines: [line('CALL-STD')] });
    const existing = before.subscriptionIds[0]!;
    await changeOffer(w.deps, w.actors.olga, 'CALL-STD', { active: false });

    const counts = await rowCounts(w);
    await expect(w.order({ lines: [line('MEET-PRO'), line('CALL-STD')] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'lines.1.offerCode', message: 'offer CALL-STD is retired' }] },
    });
    // The re-check inside the transaction (an offer retired after the first check) refuses too.
    const input = placeOrderSchema.parse({
      webOrderId: 'WO-RACE-1',
      endCustomerName: 'Initech Srl',
      rsd: w.clock.now().toISOString().slice(0, 10),
      lines: [line('CALL-STD')],
    });
    await expect(
      w.store.db
        .transaction()
        .execute((trx) => writeOrder(trx, w.deps, w.actors.alice, input, w.clock.now())),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'lines.0.offerCode', message: 'offer CALL-STD is retired' }] },
    });
    expect(await rowCounts(w)).toEqual(counts);

    // The existing line still gets its e-mail, closes after its period, and can be set up.
    const first = w.clock.now().getTime();
    await runDue(w.deps, { now: new Date(first) });
    expect((await lineRow(existing)).status).toBe('awaiting_provisioning_details');
    await runDue(w.deps, { now: new Date(first + 20 * DAY) });
    expect(await lineRow(existing)).toMatchObject({ status: 'closed', pending_provisioning: true });
    await mapOrderToOrganization(w.deps, {
      orderId: before.orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    expect(await lineRow(existing)).toMatchObject({ status: 'provisioned', pending_provisioning: false });

    // Reinstated: orders are accepted again, with its current period.
    await changeOffer(w.deps, w.actors.olga, 'CALL-STD', { active: true });
    const again = (await w.order({ lines: [line('CALL-STD')] })).subscriptionIds[0]!;
    expect((await lineRow(again)).policy_days).toBe(20);
  });

  it('adds an offer new orders may use at once; a duplicate code is ALREADY_EXISTS; an unknown one NOT_FOUND', async () => {
    const added = await addOffer(w.deps, w.actors.olga, { code: 'VOICE-X', name: 'Voice X', policyDays: 14 });
    expect(added).toEqual({ code: 'VOICE-X', name: 'Voice X', policyDays: 14, active: true });
    const sub = (await w.order({ lines: [line('VOICE-X')] })).subscriptionIds[0]!;
    expect((await lineRow(sub)).policy_days).toBe(14);
    await expect(
      addOffer(w.deps, w.actors.olga, { code: 'VOICE-X', name: 'Again', policyDays: 3 }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS', details: { what: 'offer' } });
    await expect(changeOffer(w.deps, w.actors.olga, 'NOPE-1', { name: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await offerRow('VOICE-X')).name).toBe('Voice X');
  });

  it('every signed-in user reads the catalogue; only operators change it', async () => {
    const counts = await rowCounts(w);
    for (const who of ['alice', 'paola', 'dana', 'dora', 'sam', 'carla'] as UserKey[]) {
      expect((await listOffers(w.deps, w.actors[who])).map((o) => o.code)).toContain('MEET-PRO');
      await expect(
        addOffer(w.deps, w.actors[who], { code: 'SNEAKY', name: 'Sneaky', policyDays: 1 }),
      ).rejects.toMatchObject({ code: 'NO_ACCESS', details: { area: 'operator' } });
      await expect(changeOffer(w.deps, w.actors[who], 'MEET-PRO', { active: false })).rejects.toMatchObject({
        code: 'NO_ACCESS',
        details: { area: 'operator' },
      });
    }
    expect(await rowCounts(w)).toEqual(counts);
    expect(await offerRow('MEET-PRO')).toMatchObject({ active: true, policy_days: 10 });
  });

  it('audits every change with its actor and the values before and after', async () => {
    const olga = { actor_user_id: 'usr_olga', actor_label: 'Olga Operator <olga@ops.example>' };
    expect(await auditOf('offer.added')).toEqual([
      {
        action: 'offer.added',
        ...olga,
        organization_id: null,
        data: {
          code: 'VOICE-X',
          before: null,
          after: { code: 'VOICE-X', name: 'Voice X', policyDays: 14, active: true },
        },
      },
    ]);
    expect((await auditOf('offer.changed')).map((e) => e.data)).toEqual([
      {
        code: 'MEET-PRO',
        before: { name: 'Meetings Pro', policyDays: 7 },
        after: { name: 'Meetings Pro', policyDays: 10 },
      },
    ]);
    expect(await auditOf('offer.retired')).toEqual([
      {
        action: 'offer.retired',
        ...olga,
        organization_id: null,
        data: { code: 'CALL-STD', before: { active: true }, after: { active: false } },
      },
    ]);
    expect((await auditOf('offer.reinstated')).map((e) => e.data)).toEqual([
      { code: 'CALL-STD', before: { active: false }, after: { active: true } },
    ]);
    // A change that changes nothing is not an event.
    await changeOffer(w.deps, w.actors.olga, 'VOICE-X', { name: 'Voice X', active: true });
    expect(await auditOf('offer.changed')).toHaveLength(1);
  });

  it('refuses a period longer than a setup link lives (SETUP_LINK_TTL_DAYS), adding or changing', async () => {
    const ttl = w.deps.settings.setupLinkTtlDays;
    const before = await rowCounts(w);
    const meetPro = await offerRow('MEET-PRO');
    const tooLong = { code: 'INVALID_INPUT', details: { issues: [{ path: 'policyDays' }] } };
    await expect(
      addOffer(w.deps, w.actors.olga, { code: 'LONG-1', name: 'Long', policyDays: ttl + 1 }),
    ).rejects.toMatchObject(tooLong);
    await expect(
      changeOffer(w.deps, w.actors.olga, 'MEET-PRO', { policyDays: ttl + 1 }),
    ).rejects.toMatchObject(tooLong);
    expect(await rowCounts(w)).toEqual(before);
    expect(await offerRow('MEET-PRO')).toEqual(meetPro);
    // Exactly as long as the link is fine.
    await expect(
      addOffer(w.deps, w.actors.olga, { code: 'LONG-2', name: 'Long', policyDays: ttl }),
    ).resolves.toMatchObject({ policyDays: ttl });
  });
});

describe('offer input', () => {
  it.each([
    [{ code: 'meet-pro', name: 'x', policyDays: 1 }, 'code'],
    [{ code: 'M', name: 'x', policyDays: 1 }, 'code'],
    [{ code: '-MEET', name: 'x', policyDays: 1 }, 'code'],
    [{ code: `A${'B'.repeat(32)}`, name: 'x', policyDays: 1 }, 'code'],
    [{ code: 'MEET PRO', name: 'x', policyDays: 1 }, 'code'],
    [{ code: 'OK-1', name: '  ', policyDays: 1 }, 'name'],
    [{ code: 'OK-1', name: 'n'.repeat(101), policyDays: 1 }, 'name'],
    [{ code: 'OK-1', name: 'x', policyDays: 0 }, 'policyDays'],
    [{ code: 'OK-1', name: 'x', policyDays: 366 }, 'policyDays'],
    [{ code: 'OK-1', name: 'x', policyDays: 1.5 }, 'policyDays'],
    [{ code: 'OK-1', name: 'x', policyDays: '30' }, 'policyDays'],
  ])('refuses %j naming %s', (input, field) => {
    const parsed = addOfferSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path[0])).toEqual([field]);
  });

  it('accepts the edges, and a change of any subset', () => {
    expect(addOfferSchema.parse({ code: ' A1 ', name: 'n'.repeat(100), policyDays: 365 })).toMatchObject({
      code: 'A1',
    });
    expect(changeOfferSchema.parse({})).toEqual({});
    expect(changeOfferSchema.safeParse({ active: 'no' }).success).toBe(false);
  });
});
