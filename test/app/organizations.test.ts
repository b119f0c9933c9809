/**
 * Organizations, the operator's way: create (a duplicate name of the same kind, any case, active or
 * not, is refused), rename, deactivate (its users' browser sessions end and their API tokens are
 * refused at once; its orders stay readable by support agents) and reactivate. The operator's own
 * organization cannot be deactivated, customer organizations are not changed here, everyone but an
 * operator is refused, and bad input writes nothing. Every change is audited with organization_id.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { hashToken } from '../../src/app/deps.js';
import { changeOrganization } from '../../src/app/identity/change-organization.js';
import { createOrganization } from '../../src/app/identity/create-organization.js';
import { getOrganization } from '../../src/app/identity/get-organization.js';
import { listOrganizationAudit } from '../../src/app/identity/list-organization-audit.js';
import { listOrganizations } from '../../src/app/identity/list-organizations.js';
import { getOrder } from '../../src/app/orders/get-order.js';
import { AppError } from '../../src/domain/errors.js';
import { type Api, apiOf, call } from '../http/api-harness.js';
import { countRows } from '../support/queries.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type UserKey, type World } from '../support/world.js';

describeEachStore('organizations', (kind) => {
  let w: World;
  let api: Api;
  beforeAll(async () => {
    w = await createWorld(kind);
    api = apiOf(w);
  });
  afterAll(() => w.close());

  const olga = () => w.actors.olga;
  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => ({ code: 'accepted' }) as { code: string; details?: Record<string, unknown> },
      (e: unknown) => {
        if (!(e instanceof AppError)) throw e;
        return { code: e.code, details: e.details };
      },
    );
  const count = (table: 'organization' | 'audit_event' | 'web_session') => countRows(w.store.db, table);
  const auditOf = (organizationId: string) =>
    w.store.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'data', 'organization_id'])
      .where('organization_id', '=', organizationId)
      .orderBy('id')
      .execute();
  /** A browser session row for the user, as sign-in writes it. */
  const sessionFor = async (user: UserKey) => {
    const id = `session-${user}-${Math.random()}`;
    await w.store.db
      .insertInto('web_session')
      .values({
        id_hash: hashToken(id),
        user_id: `usr_${user}`,
        created_at: w.clock.now(),
        expires_at: new Date(w.clock.now().getTime() + 3_600_000),
      })
      .execute();
    return hashToken(id);
  };
  const sessionExists = async (idHash: Buffer) =>
    (await w.store.db
      .selectFrom('web_session')
      .select('user_id')
      .where('id_hash', '=', idHash)
      .executeTakeFirst()) !== undefined;

  it('lists every organization with its users, filtered by kind and name', async () => {
    const all = await listOrganizations(w.deps, olga());
    expect(all.map((o) => o.organizationId).sort()).toEqual(
      ['org_acme', 'org_bright', 'org_dist', 'org_dist2', 'org_globex', 'org_ops'].sort(),
    );
    expect(all.find((o) => o.organizationId === 'org_acme')).toEqual({
      organizationId: 'org_acme',
      kind: 'partner',
      name: 'Acme Reseller',
      active: true,
      createdAt: '2026-12-01T09:00:00.000Z',
      userCount: 3,
    });
    expect(all.find((o) => o.organizationId === 'org_ops')?.userCount).toBe(2);
    const distributors = await listOrganizations(w.deps, olga(), { kind: 'distributor' });
    expect(distributors.map((o) => o.name)).toEqual(['Northwind Distribution', 'Southwind Distribution']);
    expect((await listOrganizations(w.deps, olga(), { q: 'WIND d' })).map((o) => o.organizationId)).toEqual([
      'org_dist',
      'org_dist2',
    ]);
    // A "%" in the search means itself, not "anything".
    expect(await listOrganizations(w.deps, olga(), { q: '%' })).toEqual([]);
  });

  it('creates a partner, trimmed, audited with its organization id', async () => {
    const org = await createOrganization(w.deps, olga(), { kind: 'partner', name: '  Contoso Partners  ' });
    expect(org).toMatchObject({ kind: 'partner', name: 'Contoso Partners', active: true, userCount: 0 });
    expect(org.organizationId).toMatch(/^org_/);
    expect(await getOrganization(w.deps, olga(), org.organizationId)).toEqual(org);
    expect(await auditOf(org.organizationId)).toEqual([
      {
        action: 'organization.created',
        actor_user_id: 'usr_olga',
        organization_id: org.organizationId,
        data: { after: { kind: 'partner', name: 'Contoso Partners', active: true } },
      },
    ]);
  });

  it('refuses a second organization of the same kind and name in any case, active or not; another kind may share it', async () => {
    const before = [await count('organization'), await count('audit_event')];
    const dup = await outcome(createOrganization(w.deps, olga(), { kind: 'partner', name: 'ACME reseller' }));
    expect(dup).toEqual({ code: 'ALREADY_EXISTS', details: { what: 'partner "ACME reseller"' } });
    expect([await count('organization'), await count('audit_event')]).toEqual(before);

    const distributor = await createOrganization(w.deps, olga(), {
      kind: 'distributor',
      name: 'Acme Reseller',
    });
    expect(distributor.kind).toBe('distributor');

    const gone = await createOrganization(w.deps, olga(), { kind: 'partner', name: 'Dormant Partners' });
    await changeOrganization(w.deps, olga(), gone.organizationId, { active: false });
    expect(
      (await outcome(createOrganization(w.deps, olga(), { kind: 'partner', name: 'dormant partners' }))).code,
    ).toBe('ALREADY_EXISTS');
  });

  it('renames, refuses a name another organization of its kind has, and accepts a change of case', async () => {
    const org = await createOrganization(w.deps, olga(), { kind: 'partner', name: 'Fabrikam' });
    const renamed = await changeOrganization(w.deps, olga(), org.organizationId, { name: 'Fabrikam Italia' });
    expect(renamed.name).toBe('Fabrikam Italia');
    expect(
      (await outcome(changeOrganization(w.deps, olga(), org.organizationId, { name: 'brightlink partners' })))
        .code,
    ).toBe('ALREADY_EXISTS');
    expect(
      (await changeOrganization(w.deps, olga(), org.organizationId, { name: 'FABRIKAM Italia' })).name,
    ).toBe('FABRIKAM Italia');
    // The same name again changes and audits nothing.
    const events = await count('audit_event');
    await changeOrganization(w.deps, olga(), org.organizationId, { name: 'FABRIKAM Italia' });
    expect(await count('audit_event')).toBe(events);
    expect((await auditOf(org.organizationId)).map((e) => [e.action, e.data])).toEqual([
      ['organization.created', { after: { kind: 'partner', name: 'Fabrikam', active: true } }],
      ['organization.renamed', { before: { name: 'Fabrikam' }, after: { name: 'Fabrikam Italia' } }],
      ['organization.renamed', { before: { name: 'Fabrikam Italia' }, after: { name: 'FABRIKAM Italia' } }],
    ]);
  });

  it("deactivation stops its users' sessions and API tokens at once, keeps its orders, and reactivation lets them back", async () => {
    const placed = await w.order({}, 'alice');
    const aliceSession = await sessionFor('alice');
    const paolaSession = await sessionFor('paola');
    const bobSession = await sessionFor('bob');
    expect((await call(api, w, 'GET', `/api/v1/orders/${placed.orderId}`, { as: 'alice' })).status).toBe(200);

    const off = await changeOrganization(w.deps, olga(), 'org_acme', { active: false });
    expect(off.active).toBe(false);
    expect([await sessionExists(aliceSession), await sessionExists(paolaSession)]).toEqual([false, false]);
    expect(await sessionExists(bobSession)).toBe(true); // another organization's session stays
    for (const who of ['alice', 'paola'] as const)
      expect((await call(api, w, 'GET', '/api/v1/orders', { as: who })).status).toBe(401);
    expect((await call(api, w, 'GET', '/api/v1/orders', { as: 'bob' })).status).toBe(200);
    // Its orders stay, and support agents still read them.
    expect((await getOrder(w.deps, w.actors.sam, placed.orderId)).webOrderId).toBe(placed.webOrderId);
    expect((await call(api, w, 'GET', `/api/v1/orders/${placed.orderId}`, { as: 'sam' })).status).toBe(200);
    // Deactivating again changes nothing.
    const events = await count('audit_event');
    await changeOrganization(w.deps, olga(), 'org_acme', { active: false });
    expect(await count('audit_event')).toBe(events);

    const on = await changeOrganization(w.deps, olga(), 'org_acme', { active: true });
    expect(on.active).toBe(true);
    expect((await call(api, w, 'GET', `/api/v1/orders/${placed.orderId}`, { as: 'alice' })).status).toBe(200);
    expect((await auditOf('org_acme')).map((e) => [e.action, e.actor_user_id, e.data])).toEqual([
      [
        'organization.deactivated',
        'usr_olga',
        { before: { active: true }, after: { active: false }, sessionsEnded: 2 },
      ],
      ['organization.reactivated', 'usr_olga', { before: { active: false }, after: { active: true } }],
    ]);
  });

  it("refuses to deactivate the operator's own organization, and to change a customer organization", async () => {
    const before = [await count('audit_event'), await count('web_session')];
    const own = await outcome(changeOrganization(w.deps, olga(), 'org_ops', { active: false }));
    expect(own.code).toBe('INVALID_INPUT');
    expect(own.details?.['issues']).toEqual([
      { path: 'active', message: expect.stringContaining('operator organization cannot be deactivated') },
    ]);
    for (const change of [{ name: 'Globex SpA' }, { active: false }]) {
      const customer = await outcome(changeOrganization(w.deps, olga(), 'org_globex', change));
      expect(customer.code).toBe('INVALID_INPUT');
      expect(JSON.stringify(customer.details)).toContain(
        'customer organizations are run by their own administrators',
      );
    }
    expect((await getOrganization(w.deps, olga(), 'org_ops')).active).toBe(true);
    expect((await getOrganization(w.deps, olga(), 'org_globex')).name).toBe('Globex Italia');
    expect([await count('audit_event'), await count('web_session')]).toEqual(before);
    // Renaming the operator's own organization is fine.
    expect((await changeOrganization(w.deps, olga(), 'org_ops', { name: 'Onramp Operations' })).name).toBe(
      'Onramp Operations',
    );
  });

  it('refuses everyone but operators with NO_ACCESS (area operator), writing nothing', async () => {
    const before = [await count('organization'), await count('audit_event')];
    for (const who of ['sam', 'paola', 'alice', 'dora', 'dana', 'carla'] as const) {
      const actor = w.actors[who];
      const attempts = [
        listOrganizations(w.deps, actor),
        getOrganization(w.deps, actor, actor.organizationId),
        createOrganization(w.deps, actor, { kind: 'partner', name: `By ${who}` }),
        changeOrganization(w.deps, actor, actor.organizationId, { name: `Renamed by ${who}` }),
        changeOrganization(w.deps, actor, 'org_bright', { active: false }),
        listOrganizationAudit(w.deps, actor, actor.organizationId),
      ];
      for (const attempt of attempts)
        expect(await outcome(attempt)).toEqual({ code: 'NO_ACCESS', details: { area: 'operator' } });
    }
    expect([await count('organization'), await count('audit_event')]).toEqual(before);
  });

  it('refuses bad input with INVALID_INPUT naming the field, writing nothing; a missing organization is NOT_FOUND', async () => {
    const before = [await count('organization'), await count('audit_event')];
    const bad: [Record<string, unknown>, string][] = [
      [{ kind: 'partner', name: ' x ' }, 'name'],
      [{ kind: 'partner', name: '' }, 'name'],
      [{ kind: 'partner', name: 'y'.repeat(201) }, 'name'],
      [{ kind: 'partner', name: 'Tab\tName' }, 'name'],
      [{ kind: 'partner' }, 'name'],
      [{ kind: 'customer', name: 'Wizard Co' }, 'kind'],
      [{ kind: 'operator', name: 'Second Ops' }, 'kind'],
    ];
    for (const [input, path] of bad) {
      const refused = await outcome(createOrganization(w.deps, olga(), input));
      expect(refused.code).toBe('INVALID_INPUT');
      expect((refused.details?.['issues'] as { path: string }[]).map((i) => i.path)).toContain(path);
    }
    for (const change of [{}, { name: 'a' }, { active: 'no' }])
      expect((await outcome(changeOrganization(w.deps, olga(), 'org_bright', change))).code).toBe(
        'INVALID_INPUT',
      );
    expect([await count('organization'), await count('audit_event')]).toEqual(before);
    expect((await outcome(getOrganization(w.deps, olga(), 'org_nope'))).code).toBe('NOT_FOUND');
    expect((await outcome(changeOrganization(w.deps, olga(), 'org_nope', { name: 'Nope' }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await outcome(listOrganizationAudit(w.deps, olga(), 'org_nope'))).code).toBe('NOT_FOUND');
  });

  it("lists an organization's newest 100 audit events, newest first, and no other organization's", async () => {
    const org = await createOrganization(w.deps, olga(), { kind: 'distributor', name: 'Busy Distribution' });
    for (let i = 1; i <= 105; i++)
      await changeOrganization(w.deps, olga(), org.organizationId, { name: `Busy Distribution ${i}` });
    const events = await listOrganizationAudit(w.deps, olga(), org.organizationId);
    expect(events).toHaveLength(100);
    expect(events[0]).toMatchObject({
      actor: 'Olga Operator <olga@ops.example>',
      action: 'organization.renamed',
      data: { before: { name: 'Busy Distribution 104' }, after: { name: 'Busy Distribution 105' } },
    });
    expect(events.every((e) => e.action === 'organization.renamed')).toBe(true);
    const others = await listOrganizationAudit(w.deps, olga(), 'org_bright');
    expect(others.some((e) => JSON.stringify(e.data).includes('Busy'))).toBe(false);
  });
});
