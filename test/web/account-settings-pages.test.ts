/**
 * /settings/account: the daily digest e-mail, on by default, turned off and on again from the
 * page (Post/Redirect/Get), in English and Italian; each change in the organization's audit trail;
 * a forged value refused; the page only for signed-in users, each seeing their own setting.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createWeb } from '../../src/web/create-web.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';
const PATH = '/settings/account';

const checkedValue = (html: string) => /value="(on|off)"[^>]*checked/.exec(html)?.[1];

describeEachStore('the account page: daily digest e-mail on or off', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
  });
  afterAll(() => w.close());

  const digestOf = async (userId: string) =>
    (
      await w.store.db
        .selectFrom('app_user')
        .select('daily_digest')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
    ).daily_digest;

  it('is on by default, and turns off and on again, audited', async () => {
    const alice = new WebClient(web);
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
    const page = await alice.get(PATH);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Daily digest e-mail');
    expect(page.html).toContain(`href="${PATH}"`);
    expect(checkedValue(page.html)).toBe('on');

    const off = await alice.post(PATH, { dailyDigest: 'off' });
    expect(off.status).toBe(303);
    expect(off.headers.get('location')).toBe(`${PATH}?saved=1`);
    expect(await digestOf('usr_alice')).toBe(false);
    const saved = await alice.get(`${PATH}?saved=1`);
    expect(saved.html).toContain('Saved: the daily digest e-mail is off.');
    expect(checkedValue(saved.html)).toBe('off');
    // Marco's own setting is his: untouched.
    expect(await digestOf('usr_marco')).toBe(true);

    await alice.post(PATH, { dailyDigest: 'on' });
    expect(await digestOf('usr_alice')).toBe(true);
    const audit = await w.store.db
      .selectFrom('audit_event')
      .select(['action', 'actor_label', 'organization_id'])
      .where('action', 'like', 'user.digest%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['user.digest_turned_off', 'user.digest_turned_on']);
    expect(audit[0]).toMatchObject({
      actor_label: 'Alice Rossi <alice@acme.example>',
      organization_id: 'org_acme',
    });
  });

  it('speaks Italian, and refuses a forged value without changing anything', async () => {
    const marco = new WebClient(web);
    await marco.signIn(w.actors.marco.email, PASSWORD);
    const page = await marco.get(`${PATH}?lang=it`);
    expect(page.html).toContain('E-mail di riepilogo giornaliera');
    expect(page.html).toContain('lang="it"');
    const forged = await marco.post(PATH, { dailyDigest: 'maybe' });
    expect(forged.status).toBe(400);
    expect(await digestOf('usr_marco')).toBe(true);
  });

  it('asks a visitor to sign in', async () => {
    const visitor = new WebClient(web);
    const page = await visitor.get(PATH);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/sign-in/);
  });
});
