/**
 * "Rotate secret" on /settings/webhooks over HTTP (app.request, no browser), on both stores: the
 * answer shows the new secret once (English and Italian), the list never again; another
 * organization's endpoint answers like a missing one and changes nothing; a post without the CSRF
 * token is refused. (The dialog and the two signatures in Chromium: test/browser/webhooks-settings.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { registerWebhookEndpoint } from '../../src/app/webhooks/register-webhook-endpoint.js';
import { openWebhookSecret } from '../../src/store/webhook-secrets.js';
import { createWeb } from '../../src/web/create-web.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type UserKey, type World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';
const URL = 'https://93.184.215.14/hooks/rotate';

describeEachStore('webhook settings page: rotate a secret', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
  });
  afterAll(() => w.close());

  async function signedIn(who: UserKey, query = ''): Promise<WebClient> {
    const client = new WebClient(web);
    expect((await client.signIn(w.actors[who].email, PASSWORD)).status).toBe(303);
    expect((await client.get(`/settings/webhooks${query}`)).status).toBe(200);
    return client;
  }
  const row = (id: string) =>
    w.store.db.selectFrom('webhook_endpoint').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const secretOn = (html: string) => /<code class="webhook-secret">([^<]+)<\/code>/.exec(html)?.[1];

  it('shows the new secret once, in English and in Italian', async () => {
    const { endpointId, secret: old } = await registerWebhookEndpoint(w.deps, w.actors.paola, {
      url: URL,
      description: '',
    });
    const paola = await signedIn('paola');
    const list = await paola.get('/settings/webhooks');
    expect(list.html).toContain(`action="/settings/webhooks/${endpointId}/rotate-secret"`);
    expect(list.html).toContain('For 24 hours every delivery is signed with both');

    const page = await paola.post(`/settings/webhooks/${endpointId}/rotate-secret`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Secret rotated. Copy the new secret now');
    const fresh = secretOn(page.html)!;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(old);
    expect(openWebhookSecret((await row(endpointId)).secret)).toBe(fresh);
    expect((await paola.get('/settings/webhooks')).html).not.toContain(fresh);

    const italian = await signedIn('paola', '?lang=it');
    const it = await italian.post(`/settings/webhooks/${endpointId}/rotate-secret`);
    expect(it.status).toBe(200);
    expect(it.html).toContain('Segreto ruotato. Copi ora il nuovo segreto');
    expect(openWebhookSecret((await row(endpointId)).previous_secret!)).toBe(fresh);
  });

  it("another organization's endpoint is not found and stays as it was; CSRF is enforced", async () => {
    const { endpointId } = await registerWebhookEndpoint(w.deps, w.actors.paola, {
      url: URL,
      description: '',
    });
    const before = await row(endpointId);
    const brenda = await signedIn('brenda');
    const other = await brenda.post(`/settings/webhooks/${endpointId}/rotate-secret`);
    const missing = await brenda.post('/settings/webhooks/whe_doesnotexist0000/rotate-secret');
    expect([other.status, missing.status]).toEqual([404, 404]);
    const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0];
    expect(main(other.html)).toBe(main(missing.html));
    expect(main(other.html)).toContain('Not found.');

    const paola = await signedIn('paola');
    paola.csrf = 'x'.repeat(43);
    expect((await paola.post(`/settings/webhooks/${endpointId}/rotate-secret`)).status).toBe(403);
    expect(await row(endpointId)).toEqual(before);
  });
});
