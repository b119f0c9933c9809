/**
 * The requester's reply form over HTTP (app.request, no browser): it works through the case
 * link's key without an account, keeps what was typed when a screenshot is refused, takes the
 * upload form's body limit, and stays shut to a wrong key, a missing CSRF token or no key at all.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { openSupportCase } from '../../src/app/support/open-support-case.js';
import type { TemplateInput } from '../../src/email/index.js';
import { runDue } from '../../src/jobs/run-due.js';
import { createWeb } from '../../src/web/create-web.js';
import { FAKE_PNG, PNG_1X1 } from '../support/images.js';
import { openedEmailInput } from '../support/queries.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

describeEachStore('support reply form (HTTP)', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  let caseId: string;
  let key: string;
  beforeAll(async () => {
    w = await createWorld(kind);
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
    const { webOrderId } = await w.order();
    await runDue(w.deps);
    caseId = (
      await openSupportCase(
        w.deps,
        { contactEmail: 'irene@initech.example', ip: '192.0.2.30' },
        { type: 'other', reference: webOrderId, description: 'x', screenshots: [] },
      )
    ).caseId!;
    const row = await w.store.db
      .selectFrom('outbox')
      .select('payload')
      .where('payload', '@>', JSON.stringify({ input: { template: 'support-notice', caseId } }))
      .executeTakeFirstOrThrow();
    const notice = openedEmailInput<TemplateInput<'support-notice'>>(row.payload);
    key = new URL(notice.secrets.caseUrl).searchParams.get('key')!;
  });
  afterAll(() => w.close());

  const replies = () =>
    w.store.db
      .selectFrom('support_case_event')
      .select(['kind', 'body'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'requester_reply')
      .execute();

  async function session() {
    const res = await web.request(`/support/cases/${caseId}?key=${key}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`action="/support/cases/${caseId}/replies?key=${key}"`);
    return {
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!,
      csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '',
    };
  }

  const form = (csrf: string, body: string, file?: { bytes: Buffer; name: string }) => {
    const f = new FormData();
    f.set('_csrf', csrf);
    f.set('body', body);
    if (file) f.append('screenshots', new Blob([file.bytes], { type: 'image/png' }), file.name);
    return f;
  };

  it('takes a reply with a 2 MB screenshot through the key, then redirects back to the case (PRG)', async () => {
    const { cookie, csrf } = await session();
    const res = await web.request(`/support/cases/${caseId}/replies?key=${key}`, {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost' },
      // 2 MB: over the 1 MB of other forms, within the upload form's limit.
      body: form(csrf, 'Here it is', {
        bytes: Buffer.concat([PNG_1X1, Buffer.alloc(2 * 1024 * 1024)]),
        name: 'shot.png',
      }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/support/cases/${caseId}?key=${key}&done=answered`);
    expect(await replies()).toEqual([{ kind: 'requester_reply', body: 'Here it is' }]);
  });

  it('re-shows the form with the text kept when a screenshot is refused; nothing stored', async () => {
    const { cookie, csrf } = await session();
    const res = await web.request(`/support/cases/${caseId}/replies?key=${key}`, {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost' },
      body: form(csrf, 'Typed <text> stays', { bytes: FAKE_PNG, name: 'fake.png' }),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('fake.png is not a PNG, JPEG or WebP image. Nothing was stored.');
    expect(html).toContain('Typed &lt;text&gt; stays</textarea>');
    expect(await replies()).toHaveLength(1);
  });

  it('refuses a wrong key (404), no key (sign in), no CSRF token (403) and a body over the limit (413)', async () => {
    const { cookie, csrf } = await session();
    const post = (path: string, body: FormData | Blob, headers: Record<string, string> = {}) =>
      web.request(path, {
        method: 'POST',
        headers: { cookie, origin: 'http://localhost', ...headers },
        body,
      });
    expect((await post(`/support/cases/${caseId}/replies?key=guess`, form(csrf, 'x'))).status).toBe(404);
    const anonymous = await post(`/support/cases/${caseId}/replies`, form(csrf, 'x'));
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/sign-in/);
    expect((await post(`/support/cases/${caseId}/replies?key=${key}`, form('forged', 'x'))).status).toBe(403);
    const huge = await post(
      `/support/cases/${caseId}/replies?key=${key}`,
      form(csrf, 'x', { bytes: Buffer.alloc(27 * 1024 * 1024), name: 'big.png' }),
      { 'content-length': String(28 * 1024 * 1024) },
    );
    expect(huge.status).toBe(413);
    expect(await replies()).toHaveLength(1);
  });
});
