/**
 * Users and invitations end to end on both stores: invitation e-mails go through a real SMTP
 * socket; accepting makes a user who signs in through the real web app; resend, revoke, expiry
 * (the clock moves), bounce reports; role changes and deactivation (sessions and API tokens stop
 * at once, orders stay, a colleague is told whom to ask); the last-admin and self rules; another
 * organization's objects answer like missing ones; and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { acceptInvitation } from '../../src/app/identity/accept-invitation.js';
import { changeUser } from '../../src/app/identity/change-user.js';
import { hashPassword } from '../../src/app/identity/hash-password.js';
import { inviteUser, inviteUserSchema } from '../../src/app/identity/invite-user.js';
import { listInvitations } from '../../src/app/identity/list-invitations.js';
import { openInvitation } from '../../src/app/identity/open-invitation.js';
import { requestNewInvitation } from '../../src/app/identity/request-new-invitation.js';
import { resendInvitation } from '../../src/app/identity/resend-invitation.js';
import { revokeInvitation } from '../../src/app/identity/revoke-invitation.js';
import { recordEmailEvent } from '../../src/app/lines/record-email-event.js';
import { AppError } from '../../src/domain/errors.js';
import type { Role } from '../../src/domain/types.js';
import { createWeb } from '../../src/web/create-web.js';
import { type Api, apiOf, call, type ErrorBody } from '../http/api-harness.js';
import { DAY, type Dispatcher, dispatcher, type Inbox, startInbox } from '../jobs/mail-harness.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type UserKey, type World } from '../support/world.js';
import { sentEmailInputs } from './setup-fixtures.js';

const PASSWORD = 'a long enough password';

async function refusalOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describeEachStore('users and invitations', (kind) => {
  let w: World;
  let api: Api;
  let inbox: Inbox;
  let mail: Dispatcher;
  let web: ReturnType<typeof createWeb>;
  let n = 0;
  const address = (who: string) => `${who}.${++n}@newcomers.example`;

  beforeAll(async () => {
    w = await createWorld(kind);
    inbox = await startInbox();
    mail = dispatcher(w.deps, inbox.port);
    api = apiOf(w);
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
    const hash = await hashPassword(PASSWORD);
    await w.store.db.updateTable('app_user').set({ password_hash: hash }).execute();
  });
  afterAll(async () => {
    mail.close();
    await inbox.close();
    await w.close();
  });

  const invite = (
    by: UserKey,
    email: string,
    role: Role,
    extra: { language?: 'en' | 'it'; organizationId?: string } = {},
  ) => inviteUser(w.deps, w.actors[by], inviteUserSchema.parse({ email, role, ...extra }));

  /** Delivers what is due and returns the newest invitation link sent to `to`. */
  async function linkSentTo(to: string): Promise<string> {
    await mail.drain();
    const last = inbox.to(to).at(-1);
    const link = last?.links.find((l) => l.includes('/invitations/'));
    if (!link) throw new Error(`no invitation e-mail to ${to}`);
    return link.slice(link.lastIndexOf('/') + 1);
  }

  const auditOf = (action: string) =>
    w.store.db.selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('id').execute();

  it('invite: the e-mail names inviter and organization (en and it); accepting makes a user who signs in', async () => {
    const nina = address('nina');
    const invitation = await invite('paola', `  ${nina.toUpperCase()} `, 'partner_user');
    expect(invitation).toMatchObject({
      email: nina,
      role: 'partner_user',
      status: 'sent',
      organizationId: 'org_acme',
      invitedBy: { name: 'Paola Verdi', email: 'paola@acme.example' },
      sendCount: 1,
    });
    expect(new Date(invitation.expiresAt).getTime() - w.clock.now().getTime()).toBe(7 * DAY);
    const ugo = address('ugo');
    await invite('paola', ugo, 'partner_admin', { language: 'it' });

    const token = await linkSentTo(nina);
    const [en] = inbox.to(nina);
    expect(en!.subject).toBe('Paola Verdi invited you to Acme Reseller on Onramp');
    expect(en!.text).toContain('as a user');
    await linkSentTo(ugo);
    const [it_] = inbox.to(ugo);
    expect(it_!.subject).toBe('Paola Verdi La invita in Acme Reseller su Onramp');
    expect(it_!.text).toContain('come amministratore');
    // The stored payload no longer holds the link once sent.
    const payloads = await w.store.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'email')
      .execute();
    expect(JSON.stringify(payloads)).not.toContain(token);
    // By structure: the sent invitation keeps its input but not its `secrets` part.
    const sent = await sentEmailInputs(w);
    expect(sent).toContainEqual(
      expect.objectContaining({ template: 'invitation', to: { name: nina, email: nina } }),
    );
    for (const input of sent) expect(input).not.toHaveProperty('secrets');

    // Opening is scanner-safe: twice, and still open.
    await openInvitation(w.deps, token);
    const opened = await openInvitation(w.deps, token);
    expect(opened).toMatchObject({
      state: 'open',
      invitation: {
        email: nina,
        role: 'partner_user',
        organizationName: 'Acme Reseller',
        invitedBy: { name: 'Paola Verdi' },
      },
    });

    const accepted = await acceptInvitation(w.deps, token, { name: 'Nina Neri', password: PASSWORD });
    const user = await w.store.db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', accepted.userId)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      organization_id: 'org_acme',
      role: 'partner_user',
      name: 'Nina Neri',
      email: nina,
      deactivated_at: null,
    });
    expect(await openInvitation(w.deps, token)).toEqual({ state: 'dead', reason: 'used' });
    expect(
      (await refusalOf(acceptInvitation(w.deps, token, { name: 'X', password: PASSWORD }))).details,
    ).toEqual({ reason: 'used' });

    const client = new WebClient(web);
    const signedIn = await client.signIn(nina, PASSWORD);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/orders');

    const list = await listInvitations(w.deps, w.actors.paola);
    expect(list.find((i) => i.invitationId === invitation.invitationId)?.status).toBe('accepted');
    const created = await auditOf('invitation.created');
    expect(
      created.find((a) => (a.data as { invitationId: string }).invitationId === invitation.invitationId),
    ).toMatchObject({
      organization_id: 'org_acme',
      actor_user_id: 'usr_paola',
    });
    expect((await auditOf('invitation.accepted')).at(-1)).toMatchObject({
      organization_id: 'org_acme',
      actor_user_id: accepted.userId,
    });
  });

  it('resend: a new link, the old one dead at once, 7 more days, send count 2, a new message', async () => {
    const to = address('rita');
    const invitation = await invite('paola', to, 'partner_user');
    const first = await linkSentTo(to);
    w.clock.advance(DAY);
    const resent = await resendInvitation(w.deps, w.actors.paola, invitation.invitationId);
    expect(resent).toMatchObject({ status: 'sent', sendCount: 2 });
    expect(new Date(resent.expiresAt).getTime() - w.clock.now().getTime()).toBe(7 * DAY);
    const second = await linkSentTo(to);
    expect(second).not.toBe(first);
    const ids = inbox.to(to).map((m) => m.messageId);
    expect(new Set(ids).size).toBe(2);
    expect(await openInvitation(w.deps, first)).toEqual({ state: 'dead', reason: 'unknown' });
    expect(
      (await refusalOf(acceptInvitation(w.deps, first, { name: 'Rita', password: PASSWORD }))).code,
    ).toBe('TOKEN_INVALID');
    await acceptInvitation(w.deps, second, { name: 'Rita', password: PASSWORD });
    expect((await auditOf('invitation.resent')).at(-1)).toMatchObject({ organization_id: 'org_acme' });
  });

  it('revoke: the link stops; revoked invitations cannot be resent or revoked again', async () => {
    const to = address('vera');
    const invitation = await invite('dora', to, 'distributor_user');
    const token = await linkSentTo(to);
    expect((await revokeInvitation(w.deps, w.actors.dora, invitation.invitationId)).status).toBe('revoked');
    expect(await openInvitation(w.deps, token)).toEqual({ state: 'dead', reason: 'revoked' });
    expect(
      (await refusalOf(acceptInvitation(w.deps, token, { name: 'Vera', password: PASSWORD }))).details,
    ).toEqual({ reason: 'revoked' });
    expect((await refusalOf(resendInvitation(w.deps, w.actors.dora, invitation.invitationId))).code).toBe(
      'INVALID_INPUT',
    );
    expect((await refusalOf(revokeInvitation(w.deps, w.actors.dora, invitation.invitationId))).code).toBe(
      'INVALID_INPUT',
    );
    expect((await auditOf('invitation.revoked')).at(-1)).toMatchObject({
      organization_id: 'org_dist',
      actor_user_id: 'usr_dora',
    });
    // A revoked invitation no longer blocks a new one.
    await invite('dora', to, 'distributor_user');
  });

  it('expiry at 7 days; the expired link asks for a new one, sent to the invited address', async () => {
    const to = address('elio');
    const invitation = await invite('paola', to, 'partner_user');
    const token = await linkSentTo(to);
    w.clock.advance(7 * DAY - 1);
    expect((await openInvitation(w.deps, token)).state).toBe('open');
    w.clock.advance(1);
    expect((await openInvitation(w.deps, token)).state).toBe('expired');
    expect(
      (await listInvitations(w.deps, w.actors.paola, { status: 'expired' })).map((i) => i.invitationId),
    ).toContain(invitation.invitationId);
    expect(
      (await refusalOf(acceptInvitation(w.deps, token, { name: 'Elio', password: PASSWORD }))).details,
    ).toEqual({ reason: 'expired' });
    // An expired invitation no longer blocks a new one either, and can be resent.
    await requestNewInvitation(w.deps, { token, ip: '192.0.2.1' });
    const renewed = await linkSentTo(to);
    expect(renewed).not.toBe(token);
    expect(inbox.to(to)).toHaveLength(2);
    expect((await openInvitation(w.deps, renewed)).state).toBe('open');
    // A live link renews nothing (same answer for the caller: no error).
    await requestNewInvitation(w.deps, { token: renewed, ip: '192.0.2.1' });
    await requestNewInvitation(w.deps, { token: 'x'.repeat(43), ip: '192.0.2.1' });
    await mail.drain();
    expect(inbox.to(to)).toHaveLength(2);
    expect((await auditOf('invitation.resent')).at(-1)).toMatchObject({ actor_label: 'self-service' });
    // Rate-limited per link (3 an hour).
    await requestNewInvitation(w.deps, { token: renewed, ip: '192.0.2.2' });
    await requestNewInvitation(w.deps, { token: renewed, ip: '192.0.2.4' });
    expect((await refusalOf(requestNewInvitation(w.deps, { token: renewed, ip: '192.0.2.3' }))).code).toBe(
      'RATE_LIMITED',
    );
  });

  it('a bounce report marks the invitation bounced (once); resending clears it', async () => {
    const to = address('bruno');
    const invitation = await invite('paola', to, 'partner_user');
    await linkSentTo(to);
    const messageId = inbox.to(to)[0]!.messageId!;
    const recorded = await recordEmailEvent(w.deps, {
      type: 'bounced',
      ref: { messageId },
      detail: '550 5.1.1 unknown',
    });
    expect(recorded).toMatchObject({ status: 'bounced', changed: true });
    expect((await recordEmailEvent(w.deps, { type: 'bounced', ref: { messageId } })).changed).toBe(false);
    const [listed] = await listInvitations(w.deps, w.actors.paola, { status: 'bounced' });
    expect(listed?.invitationId).toBe(invitation.invitationId);
    expect((await auditOf('invitation.bounced')).at(-1)).toMatchObject({
      organization_id: 'org_acme',
      actor_label: 'Onramp',
    });
    expect((await resendInvitation(w.deps, w.actors.paola, invitation.invitationId)).status).toBe('sent');
    // The old e-mail's report no longer finds the invitation.
    expect((await refusalOf(recordEmailEvent(w.deps, { type: 'bounced', ref: { messageId } }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('members and live invitations are ALREADY_EXISTS; another organization’s user is invited normally but cannot accept', async () => {
    expect((await refusalOf(invite('paola', 'Alice@acme.example', 'partner_user'))).code).toBe(
      'ALREADY_EXISTS',
    );
    const to = address('lia');
    await invite('paola', to, 'partner_user');
    expect((await refusalOf(invite('paola', to, 'partner_admin'))).code).toBe('ALREADY_EXISTS');
    // Another organization may invite the same address.
    await invite('brenda', to, 'partner_user');

    const elsewhere = await invite('paola', 'bob@bright.example', 'partner_user');
    expect(elsewhere.status).toBe('sent');
    const token = await linkSentTo('bob@bright.example');
    expect((await openInvitation(w.deps, token)).state).toBe('taken');
    expect((await refusalOf(acceptInvitation(w.deps, token, { name: 'Bob', password: PASSWORD }))).code).toBe(
      'ALREADY_EXISTS',
    );
    const bob = await w.store.db
      .selectFrom('app_user')
      .select('organization_id')
      .where('id', '=', 'usr_bob')
      .executeTakeFirstOrThrow();
    expect(bob.organization_id).toBe('org_bright');
  });

  it('roles stay within the organization’s kind: a partner admin cannot invite an operator', async () => {
    const refused = await refusalOf(invite('paola', address('op'), 'operator'));
    expect(refused.code).toBe('INVALID_INPUT');
    expect((refused as AppError<'INVALID_INPUT'>).details.issues[0]?.path).toBe('role');
    expect(
      (await refusalOf(invite('paola', address('op'), 'support_agent', { organizationId: 'org_ops' }))).code,
    ).toBe('NOT_FOUND');
    expect((await refusalOf(invite('alice', address('x'), 'partner_user'))).details).toEqual({
      area: 'users',
    });
    // Operators invite into any organization, their own included.
    const agent = await invite('olga', address('agent'), 'support_agent', { organizationId: 'org_ops' });
    expect(agent.organizationId).toBe('org_ops');
    expect(
      (await refusalOf(changeUser(w.deps, w.actors.paola, 'usr_alice', { role: 'operator' }))).code,
    ).toBe('INVALID_INPUT');
  });

  it('role change user <-> admin, audited', async () => {
    const changed = await changeUser(w.deps, w.actors.brenda, 'usr_bob', { role: 'partner_admin' });
    expect(changed).toMatchObject({ userId: 'usr_bob', role: 'partner_admin', active: true });
    expect((await auditOf('user.role_changed')).at(-1)).toMatchObject({
      organization_id: 'org_bright',
      actor_user_id: 'usr_brenda',
      data: { userId: 'usr_bob', email: 'bob@bright.example', from: 'partner_user', to: 'partner_admin' },
    });
    // Now bob may demote brenda (there are two admins), then brenda is the last one no more.
    const bobAdmin = { ...w.actors.bob, role: 'partner_admin' as const };
    await changeUser(w.deps, bobAdmin, 'usr_brenda', { role: 'partner_user' });
    await changeUser(w.deps, { ...w.actors.bob, role: 'partner_admin' }, 'usr_brenda', {
      role: 'partner_admin',
    });
    await changeUser(w.deps, w.actors.brenda, 'usr_bob', { role: 'partner_user' });
  });

  it('self and last-admin rules', async () => {
    const issue = (e: AppError) => (e as AppError<'INVALID_INPUT'>).details.issues[0];
    expect(
      issue(await refusalOf(changeUser(w.deps, w.actors.paola, 'usr_paola', { role: 'partner_user' }))),
    ).toMatchObject({ path: 'role' });
    expect(
      issue(await refusalOf(changeUser(w.deps, w.actors.paola, 'usr_paola', { active: false }))),
    ).toMatchObject({ path: 'active' });
    // Paola is Acme's only admin: not even an operator may remove her.
    expect(
      issue(await refusalOf(changeUser(w.deps, w.actors.olga, 'usr_paola', { role: 'partner_user' }))),
    ).toMatchObject({
      path: 'role',
      message: 'an organization keeps at least one active administrator',
    });
    expect(
      issue(await refusalOf(changeUser(w.deps, w.actors.olga, 'usr_paola', { active: false }))),
    ).toMatchObject({ path: 'active' });
    const paola = await w.store.db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', 'usr_paola')
      .executeTakeFirstOrThrow();
    expect(paola).toMatchObject({ role: 'partner_admin', deactivated_at: null });
  });

  it('deactivation stops sessions and API tokens at once; orders stay; a colleague is told whom to ask', async () => {
    const order = await w.order({}, 'marco');
    const marcoWeb = new WebClient(web);
    expect((await marcoWeb.signIn('marco@acme.example', PASSWORD)).status).toBe(303);
    expect((await marcoWeb.get('/orders')).status).toBe(200);
    expect((await call(api, w, 'GET', `/api/v1/orders/${order.orderId}`, { as: 'marco' })).status).toBe(200);
    const before = await call<ErrorBody>(api, w, 'GET', `/api/v1/orders/${order.orderId}`, { as: 'alice' });
    expect(before.body.error).not.toHaveProperty('organizationAdmins');

    const reply = await call(api, w, 'PATCH', '/api/v1/users/usr_marco', {
      as: 'paola',
      body: { active: false },
    });
    expect(reply).toMatchObject({ status: 200, body: { userId: 'usr_marco', active: false } });
    const page = await marcoWeb.get('/orders');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toContain('/sign-in');
    expect((await call(api, w, 'GET', '/api/v1/orders', { as: 'marco' })).status).toBe(401);
    expect(
      await w.store.db
        .selectFrom('web_session')
        .select('user_id')
        .where('user_id', '=', 'usr_marco')
        .execute(),
    ).toEqual([]);
    expect((await call(api, w, 'GET', `/api/v1/orders/${order.orderId}`, { as: 'paola' })).status).toBe(200);

    const refused = await call<ErrorBody>(api, w, 'GET', `/api/v1/orders/${order.orderId}`, { as: 'alice' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'NO_ACCESS',
      orderPlacedBy: { name: 'Marco Bianchi', email: 'marco@acme.example' },
      organizationAdmins: [{ name: 'Paola Verdi', email: 'paola@acme.example' }],
    });
    expect(refused.body.error.message).toContain('Paola Verdi <paola@acme.example>');
    // Another organization learns nothing: the order answers like a missing one.
    const other = await call<ErrorBody>(api, w, 'GET', `/api/v1/orders/${order.orderId}`, { as: 'bob' });
    expect(other.body.error).toEqual({
      code: 'NOT_FOUND',
      message: 'Not found. Check the id or link, or ask whoever gave it to you.',
      orderId: order.orderId,
    });
    expect((await auditOf('user.deactivated')).at(-1)).toMatchObject({
      organization_id: 'org_acme',
      data: { userId: 'usr_marco', revokedTokens: 1, endedSessions: 1 },
    });

    await changeUser(w.deps, w.actors.paola, 'usr_marco', { active: true });
    // The old token stays revoked; signing in works again.
    expect((await call(api, w, 'GET', '/api/v1/orders', { as: 'marco' })).status).toBe(401);
    expect((await new WebClient(web).signIn('marco@acme.example', PASSWORD)).status).toBe(303);
    expect((await auditOf('user.reactivated')).at(-1)).toMatchObject({ organization_id: 'org_acme' });
  });

  describe('another organization', () => {
    it('its users and invitations answer exactly like missing ones', async () => {
      const theirs = await invite('brenda', address('tom'), 'partner_user');
      const pairs: [string, string, string, unknown?][] = [
        ['GET', '/api/v1/users/usr_bob', '/api/v1/users/usr_nobody'],
        ['PATCH', '/api/v1/users/usr_bob', '/api/v1/users/usr_nobody', { role: 'partner_admin' }],
        ['GET', `/api/v1/invitations/${theirs.invitationId}`, '/api/v1/invitations/inv_nobody'],
        [
          'POST',
          `/api/v1/invitations/${theirs.invitationId}/resend`,
          '/api/v1/invitations/inv_nobody/resend',
        ],
        [
          'POST',
          `/api/v1/invitations/${theirs.invitationId}/revoke`,
          '/api/v1/invitations/inv_nobody/revoke',
        ],
        ['GET', '/api/v1/users?organizationId=org_bright', '/api/v1/users?organizationId=org_nobody'],
      ];
      for (const [method, real, missing, body] of pairs) {
        const a = await call<ErrorBody>(api, w, method, real, { as: 'paola', body });
        const b = await call<ErrorBody>(api, w, method, missing, { as: 'paola', body });
        expect(a.status, real).toBe(404);
        expect(b.status, missing).toBe(404);
        const shape = (r: typeof a) => ({
          code: r.body.error.code,
          message: r.body.error.message,
          keys: Object.keys(r.body.error).sort(),
        });
        expect(shape(a)).toEqual(shape(b));
      }
      expect(
        (await listInvitations(w.deps, w.actors.brenda)).find((i) => i.invitationId === theirs.invitationId)
          ?.status,
      ).toBe('sent');
    });
  });
});
