/**
 * Item 10: the audit trail. Every send, contact change and mapping leaves an audit event naming
 * who did it; the table refuses UPDATE, DELETE and TRUNCATE (triggers, on both stores), and no
 * API route or page can change or delete it. (Agent actions in support cases are audited by the
 * support-case feature and covered by its own tests.)
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { changeProvisioningContact } from '../../src/app/lines/change-provisioning-contact.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { createWeb } from '../../src/web/create-web.js';
import { awaitingOrder } from '../app/setup-fixtures.js';
import { apiOf, call } from '../http/api-harness.js';
import { dispatcher, startInbox } from '../jobs/mail-harness.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

describeEachStore('audit trail', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(kind);
  });
  afterAll(() => w.close());

  it('every send, contact change and mapping is audited, with its actor', async () => {
    const { orderId, subscriptionIds } = await awaitingOrder(w);
    const line = subscriptionIds[0]!;
    const api = apiOf(w);
    expect((await call(api, w, 'POST', `/api/v1/subscriptions/${line}/resend`, { as: 'sam' })).status).toBe(
      202,
    );
    await changeProvisioningContact(w.deps, w.actors.alice, {
      subscriptionId: line,
      contact: { name: 'New Contact', email: 'new@initech.example', language: 'it' },
      applyToAllLines: false,
    });
    const inbox = await startInbox();
    const worker = dispatcher(w.deps, inbox.port);
    await worker.drain();
    worker.close();
    await inbox.close();
    await mapOrderToOrganization(w.deps, {
      orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    const events = await w.store.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'actor_label'])
      .where((eb) => eb.or([eb('subscription_id', '=', line), eb('order_id', '=', orderId)]))
      .orderBy('id')
      .execute();
    const actions = events.map((e) => e.action);
    for (const action of [
      'order.placed',
      'provisioning_email.queued',
      'provisioning_contact.changed',
      'provisioning_email.sent',
      'order.mapped',
    ])
      expect(actions, action).toContain(action);
    expect(events.find((e) => e.action === 'provisioning_contact.changed')?.actor_user_id).toBe('usr_alice');
    expect(
      events.filter((e) => e.action === 'provisioning_email.queued').map((e) => e.actor_user_id),
    ).toContain('usr_sam');
    console.log(
      `[security] audit: ${events.length} events for one line's life: ${[...new Set(actions)].join(', ')}`,
    );
  });

  it('the table refuses UPDATE, DELETE and TRUNCATE', async () => {
    const before = await w.store.db.selectFrom('audit_event').select('id').execute();
    expect(before.length).toBeGreaterThan(0);
    for (const statement of [
      sql`update audit_event set action = 'forged'`,
      sql`delete from audit_event`,
      sql`truncate audit_event`,
    ])
      await expect(statement.execute(w.store.db)).rejects.toThrow(/append-only/);
    expect(await w.store.db.selectFrom('audit_event').select('id').execute()).toEqual(before);
    // Appending still works.
    await sql`insert into audit_event (at, actor_label, action) values (now(), 'test', 'test.appended')`.execute(
      w.store.db,
    );
  });

  it('no API route or page can change or delete it', async () => {
    const doc = (await (await apiOf(w).request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(5);
    expect(operations.filter((o) => /audit/i.test(o))).toEqual([]);
    // The only removal the API offers is a webhook endpoint's (a soft delete of the caller's own
    // endpoint); any new DELETE or PATCH must be added here on purpose, after a look at what it touches.
    expect(operations.filter((o) => o.startsWith('delete') || o.startsWith('patch'))).toEqual([
      'delete /api/v1/webhook-endpoints/{endpointId}',
      // the event types the caller's own endpoint hears (webhook_endpoint.events; audited as
      // webhook_endpoint.events_chosen)
      'patch /api/v1/webhook-endpoints/{endpointId}',
      // an offer's name, period and status (audited as offer.changed / retired / reinstated)
      'patch /api/v1/offers/{code}',
      // revokes the caller's own token (api_token.revoked_at; audited as api_token.revoked)
      'delete /api/v1/tokens/{tokenId}',
      // role, active (app_user; deactivation also deletes web_session rows and revokes api_token)
      'patch /api/v1/users/{userId}',
      // name, active (organization; deactivation deletes its users' web_session rows)
      'patch /api/v1/organizations/{organizationId}',
    ]);
    const web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: true, https: false });
    const pages = web.routes.map((r) => `${r.method} ${r.path}`);
    expect(pages.filter((p) => /audit/i.test(p))).toEqual([]);
    expect(pages.filter((p) => /^(DELETE|PATCH|PUT) /.test(p))).toEqual([]);
  });
});
