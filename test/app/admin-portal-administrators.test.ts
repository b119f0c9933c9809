/**
 * The admin portal administers, on both stores: the administrators list (name, address, since),
 * invite -> accept -> listed (the invitation e-mail over a real SMTP socket), remove -- never the
 * last one, also when two administrators remove each other at the same instant -- and tenant
 * isolation: another organization's administrator or invitation answers exactly like a missing one,
 * through the use cases and the pages.
 */
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { acceptInvitation } from '../../src/app/identity/accept-invitation.js';
import { getOrganizationAdministration } from '../../src/app/identity/get-organization-administration.js';
import { inviteUser } from '../../src/app/identity/invite-user.js';
import { listOrganizationTrail } from '../../src/app/identity/list-organization-trail.js';
import { removeAdministrator } from '../../src/app/identity/remove-administrator.js';
import { resendInvitation } from '../../src/app/identity/resend-invitation.js';
import { revokeInvitation } from '../../src/app/identity/revoke-invitation.js';
import { DEFAULT_RATE_LIMITS } from '../../src/app/rate-limits.js';
import type { Actor } from '../../src/domain/types.js';
import { createWeb } from '../../src/web/create-web.js';
import { type Dispatcher, dispatcher, type Inbox, startInbox } from '../jobs/mail-harness.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';
let seq = 0;

describeEachStore('admin portal: administrators', (kind) => {
  let w: World;
  let inbox: Inbox;
  let worker: Dispatcher;
  let web: Hono;
  /** A second customer organization with its own administrator and a pending invitation. */
  const umbrella = { orgId: 'org_umbrella', invitationId: '' };
  let zoe: Actor;

  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    web = new Hono();
    web.route('/', createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false }));
    const now = w.clock.now();
    await w.store.db
      .insertInto('organization')
      .values({ id: umbrella.orgId, kind: 'customer', name: 'Umbrella Srl', created_at: now })
      .execute();
    const carlaRow = await w.store.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', 'usr_carla')
      .executeTakeFirstOrThrow();
    zoe = {
      userId: 'usr_zoe',
      name: 'Zoe Umbrella',
      email: 'zoe@umbrella.example',
      role: 'customer_admin',
      organizationId: umbrella.orgId,
      language: 'en',
    };
    await w.store.db
      .insertInto('app_user')
      .values({
        id: zoe.userId,
        organization_id: umbrella.orgId,
        role: 'customer_admin',
        name: zoe.name,
        email: zoe.email,
        language: 'en',
        created_at: now,
        password_hash: carlaRow.password_hash,
      })
      .execute();
    umbrella.invitationId = (
      await inviteUser(w.deps, zoe, { email: 'new@umbrella.example', role: 'customer_admin' })
    ).invitationId;
  });
  beforeEach(async () => {
    inbox = await startInbox();
    worker = dispatcher(w.deps, inbox.port);
  });
  afterEach(async () => {
    worker.close();
    await inbox.close();
  });
  afterAll(() => w.close());

  const carla = () => w.actors.carla;
  const adminsOf = async (actor: Actor) =>
    (await getOrganizationAdministration(w.deps, actor)).administrators.map((a) => a.email);
  const auditCount = async () =>
    Number(
      (
        await w.store.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Invites `email` as carla, delivers the e-mail over SMTP and accepts it from its link. */
  async function newAdministrator(name: string): Promise<Actor> {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${++seq}@globex.example`;
    await inviteUser(w.deps, carla(), { email, role: 'customer_admin', language: 'it' });
    await worker.drain();
    const [mail] = inbox.to(email);
    expect(mail?.subject).toContain('Globex Italia');
    const link = mail!.links.find((l) => l.includes('/invitations/'))!;
    const token = link.slice(link.lastIndexOf('/') + 1);
    const accepted = await acceptInvitation(w.deps, token, { name, password: PASSWORD });
    expect(accepted).toMatchObject({ role: 'customer_admin', organizationId: 'org_globex' });
    return {
      userId: accepted.userId,
      name,
      email,
      role: 'customer_admin',
      organizationId: 'org_globex',
      language: 'it',
    };
  }

  it('lists the administrators with name, address and since when; marks the reader', async () => {
    const view = await getOrganizationAdministration(w.deps, carla());
    expect(view.administrators).toEqual([
      {
        userId: 'usr_carla',
        name: 'Carla Neri',
        email: carla().email,
        since: w.clock.now().toISOString(),
        you: true,
      },
    ]);
    // Zoe sees her own organization only.
    expect(await adminsOf(zoe)).toEqual([zoe.email]);
    expect((await getOrganizationAdministration(w.deps, zoe)).invitations.map((i) => i.email)).toEqual([
      'new@umbrella.example',
    ]);
    for (const who of ['paola', 'alice', 'olga', 'sam'] as const)
      await expect(getOrganizationAdministration(w.deps, w.actors[who])).rejects.toMatchObject({
        code: 'NO_ACCESS',
      });
  });

  it('invite -> e-mail -> accept -> listed, and the activity says who was invited and joined', async () => {
    const nina = await newAdministrator('Nina Verdi');
    expect(await adminsOf(carla())).toEqual([carla().email, nina.email]);
    expect((await getOrganizationAdministration(w.deps, carla())).invitations).toEqual([]);
    const trail = await listOrganizationTrail(w.deps, carla());
    expect(trail.slice(0, 2).map((e) => [e.action, e.email, e.actor])).toEqual([
      ['invitation.accepted', nina.email, `Nina Verdi <${nina.email}>`],
      ['invitation.created', nina.email, `Carla Neri <${carla().email}>`],
    ]);
    // Nina removes herself again so later tests start from one administrator.
    await removeAdministrator(w.deps, nina, nina.userId);
    expect(await adminsOf(carla())).toEqual([carla().email]);
  });

  it('never removes the last administrator: LAST_ADMINISTRATOR, nothing written', async () => {
    const before = await auditCount();
    await expect(removeAdministrator(w.deps, carla(), 'usr_carla')).rejects.toMatchObject({
      code: 'LAST_ADMINISTRATOR',
      status: 409,
    });
    expect(await auditCount()).toBe(before);
    expect(await adminsOf(carla())).toEqual([carla().email]);

    // Through the page: the refusal in the reader's words, with the catalogue's message.
    const b = new WebClient(web);
    expect((await b.signIn(carla().email, PASSWORD)).status).toBe(303);
    await b.get('/admin');
    const refused = await b.post('/admin/administrators/usr_carla/remove');
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('This is the organization’s last administrator');
    expect((await b.get('/admin')).status).toBe(200);
  });

  it('two administrators removing each other at once: exactly one removal, one refusal', async () => {
    for (let round = 0; round < 3; round++) {
      const other = await newAdministrator(`Other Admin ${round}`);
      const results = await Promise.allSettled([
        removeAdministrator(w.deps, carla(), other.userId),
        removeAdministrator(w.deps, other, 'usr_carla'),
      ]);
      const done = results.filter((r) => r.status === 'fulfilled');
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(done).toHaveLength(1);
      expect(refused).toEqual([expect.objectContaining({ code: 'LAST_ADMINISTRATOR' })]);
      const left = await w.store.db
        .selectFrom('app_user')
        .select('id')
        .where('organization_id', '=', 'org_globex')
        .where('deactivated_at', 'is', null)
        .execute();
      expect(left).toHaveLength(1);
      if (left[0]!.id !== 'usr_carla') {
        // The other won: carla is back for the next round (an operator's reactivation).
        await w.store.db
          .updateTable('app_user')
          .set({ deactivated_at: null })
          .where('id', '=', 'usr_carla')
          .execute();
        await removeAdministrator(w.deps, carla(), other.userId);
      }
    }
    const removals = await w.store.db
      .selectFrom('audit_event')
      .select('action')
      .where('organization_id', '=', 'org_globex')
      .where('action', '=', 'user.removed')
      .execute();
    expect(removals.length).toBeGreaterThanOrEqual(4);
  });

  it('a removed administrator is signed out and cannot sign in', async () => {
    const gina = await newAdministrator('Gina Blu');
    const b = new WebClient(web);
    expect((await b.signIn(gina.email, PASSWORD)).status).toBe(303);
    expect((await b.get('/admin')).status).toBe(200);
    await removeAdministrator(w.deps, carla(), gina.userId);
    expect((await b.get('/admin')).status).toBe(303);
    expect((await new WebClient(web).signIn(gina.email, PASSWORD)).status).not.toBe(303);
    const [removed] = await listOrganizationTrail(w.deps, carla());
    expect(removed).toMatchObject({ action: 'user.removed', email: gina.email });
  });

  describe('another organization answers like a missing one', () => {
    it('use cases: NOT_FOUND, the same for a missing id; nothing written', async () => {
      const before = await auditCount();
      const theirs = await removeAdministrator(w.deps, carla(), zoe.userId).catch((e: unknown) => e);
      const missing = await removeAdministrator(w.deps, carla(), 'usr_nobody').catch((e: unknown) => e);
      expect(theirs).toMatchObject({ code: 'NOT_FOUND' });
      expect(missing).toMatchObject({ code: 'NOT_FOUND' });
      // A partner's user is no administrator here either.
      await expect(removeAdministrator(w.deps, carla(), 'usr_paola')).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      for (const run of [resendInvitation, revokeInvitation]) {
        await expect(run(w.deps, carla(), umbrella.invitationId)).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
        await expect(run(w.deps, carla(), 'inv_nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }
      await expect(removeAdministrator(w.deps, w.actors.paola, 'usr_carla')).rejects.toMatchObject({
        code: 'NO_ACCESS',
      });
      expect(await auditCount()).toBe(before);
      expect(await adminsOf(zoe)).toEqual([zoe.email]);
      // Neither trail shows the other's events.
      const mine = await listOrganizationTrail(w.deps, carla());
      expect(mine.some((e) => e.email?.endsWith('@umbrella.example'))).toBe(false);
      const hers = await listOrganizationTrail(w.deps, zoe);
      expect(hers.map((e) => e.action)).toEqual(['invitation.created']);
    });

    it('pages: 404 with the same body as a missing id', async () => {
      const b = new WebClient(web);
      await b.signIn(carla().email, PASSWORD);
      await b.get('/admin');
      const pages = [
        `/admin/administrators/${zoe.userId}/remove`,
        '/admin/administrators/usr_nobody/remove',
        `/admin/invitations/${umbrella.invitationId}/revoke`,
        '/admin/invitations/inv_nobody/revoke',
        `/admin/invitations/${umbrella.invitationId}/resend`,
      ];
      const answers = [];
      for (const path of pages) answers.push(await b.post(path));
      for (const a of answers) expect(a.status).toBe(404);
      // The same page but for the path it echoes (the language switch links back to it).
      const body = (html: string) =>
        html
          .replace(/name="_csrf" value="[^"]+"/g, '')
          .replaceAll(zoe.userId, 'ID')
          .replaceAll('usr_nobody', 'ID')
          .replaceAll(umbrella.invitationId, 'ID')
          .replaceAll('inv_nobody', 'ID');
      expect(body(answers[0]!.html)).toBe(body(answers[1]!.html));
      expect(body(answers[2]!.html)).toBe(body(answers[3]!.html));
      expect(answers[0]!.html).not.toContain('Zoe');
      expect(await adminsOf(zoe)).toEqual([zoe.email]);
      const admin = await b.get('/admin');
      expect(admin.html).not.toContain('umbrella');
      // A partner admin posting here is refused before anything is read.
      const paola = new WebClient(web);
      await paola.signIn(w.actors.paola.email, PASSWORD);
      await paola.get('/orders');
      expect((await paola.post('/admin/administrators/usr_carla/remove')).status).toBe(403);
      expect(await adminsOf(carla())).toContain(carla().email);
    });
  });

  it('the page invites: errors next to the field, then the confirmation and the pending invitation', async () => {
    const b = new WebClient(web);
    await b.signIn(carla().email, PASSWORD);
    const page = await b.get('/admin');
    expect(page.html).toContain('Administrators');
    expect(page.html).toContain(carla().email);
    const bad = await b.post('/admin/administrators/invite', { email: 'not-an-address', language: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('Enter a valid e-mail address.');
    expect(bad.html).toContain('value="not-an-address"');
    const self = await b.post('/admin/administrators/invite', { email: carla().email, language: 'en' });
    expect(self.status).toBe(409);
    expect(self.html).toContain('This address already belongs to an administrator of your organization.');
    const ok = await b.post('/admin/administrators/invite', {
      email: 'Piero@Globex.example',
      language: 'it',
    });
    expect(ok.status).toBe(303);
    const after = await b.get(ok.headers.get('location')!);
    expect(after.html).toContain('Invitation sent to piero@globex.example.');
    expect(after.html).toContain('Invitations not yet accepted');
    await worker.drain();
    expect(inbox.to('piero@globex.example')).toHaveLength(1);
  });

  it('invitations from the portal are limited per administrator: 429, nothing sent past it', async () => {
    const limited = new Hono();
    const rateLimits = { ...DEFAULT_RATE_LIMITS, invitationPerUser: { limit: 2, windowMs: 3_600_000 } };
    limited.route(
      '/',
      createWeb(
        { ...w.deps, settings: { ...w.deps.settings, rateLimits }, secureCookies: false },
        { demoMode: false, https: false },
      ),
    );
    const b = new WebClient(limited);
    await b.signIn(zoe.email, PASSWORD);
    await b.get('/admin');
    const invitations = async () =>
      (await getOrganizationAdministration(w.deps, zoe)).invitations.map((i) => i.email).sort();
    const before = await invitations();
    for (const n of [1, 2])
      expect((await b.post('/admin/administrators/invite', { email: `a${n}@umbrella.example` })).status).toBe(
        303,
      );
    const refused = await b.post('/admin/administrators/invite', { email: 'a3@umbrella.example' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.html).toContain(
      'Too many requests: at most 2 in 1 hour are allowed. Try again in 60 minutes.',
    );
    expect(await invitations()).toEqual([...before, 'a1@umbrella.example', 'a2@umbrella.example'].sort());
    // A resend counts too.
    const resend = await b.post(`/admin/invitations/${umbrella.invitationId}/resend`);
    expect(resend.status).toBe(429);
  });
});
