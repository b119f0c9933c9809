/**
 * The support pages over HTTP (app.request, no browser): CSRF and the body limit on the upload
 * form, the same answer to a provisioning contact whether or not their address matched, and the
 * doors that stay shut to people who are not signed in or hold no key.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { openSupportCase } from '../../src/app/support/open-support-case.js';
import { runDue } from '../../src/jobs/run-due.js';
import { createWeb } from '../../src/web/create-web.js';
import { PNG_1X1 } from '../support/images.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';

describeEachStore('support pages (HTTP)', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  let webOrderId: string;
  beforeAll(async () => {
    w = await createWorld(kind);
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
    webOrderId = (await w.order()).webOrderId;
    await runDue(w.deps);
  });
  afterAll(() => w.close());

  const caseCount = async () =>
    Number(
      (
        await w.store.db
          .selectFrom('support_case')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function formSession() {
    const res = await web.request('/support/new');
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
    return { cookie, csrf };
  }

  function caseForm(csrf: string, email: string, file?: Blob) {
    const form = new FormData();
    form.set('_csrf', csrf);
    form.set('email', email);
    form.set('type', 'resend_provisioning_email');
    form.set('reference', webOrderId);
    form.set('description', 'The e-mail never arrived.');
    if (file) form.append('screenshots', file, 'inbox.png');
    return form;
  }

  it('gives a provisioning contact the same answer whether or not the address matched', async () => {
    const { cookie, csrf } = await formSession();
    const before = await caseCount();
    const bodies: string[] = [];
    for (const email of ['stranger@else.example', 'irene@initech.example']) {
      const res = await web.request('/support/new', {
        method: 'POST',
        headers: { cookie, origin: 'http://localhost' },
        body: caseForm(csrf, email, new Blob([PNG_1X1], { type: 'image/png' })),
      });
      expect(res.status).toBe(200);
      bodies.push((await res.text()).replace(email, 'EMAIL'));
    }
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[0]).toContain('Check your e-mail');
    expect(await caseCount()).toBe(before + 1);
  });

  it('refuses a form without its CSRF token, and a body over the limit before parsing it; nothing is stored', async () => {
    const { cookie } = await formSession();
    const before = await caseCount();
    const forged = await web.request('/support/new', {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost' },
      body: caseForm('forged', 'irene@initech.example'),
    });
    expect(forged.status).toBe(403);
    const { csrf } = await formSession();
    const huge = await web.request('/support/new', {
      method: 'POST',
      headers: { cookie, 'content-length': String(30 * 1024 * 1024) },
      body: caseForm(csrf, 'irene@initech.example', new Blob([new Uint8Array(30 * 1024 * 1024)])),
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toMatch(/^text\/html/);
    await expect(huge.text()).resolves.toMatch(/<main id="main">.*The request is too large\./);
    expect(await caseCount()).toBe(before);
  });

  it('keeps cases, screenshots and agent actions shut to visitors without a session or key', async () => {
    const { caseId } = await openSupportCase(
      w.deps,
      { actor: w.actors.alice },
      {
        type: 'other',
        reference: webOrderId,
        description: 'x',
        screenshots: [{ filename: 'a.png', bytes: PNG_1X1 }],
      },
    );
    const page = await web.request(`/support/cases/${caseId}`);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(
      `/sign-in?next=${encodeURIComponent(`/support/cases/${caseId}`)}`,
    );
    expect((await web.request(`/support/cases/${caseId}?key=guess`)).status).toBe(404);
    expect((await web.request(`/support/cases/${caseId}/screenshots/${caseId}-1`)).status).toBe(404);
    expect((await web.request(`/support/cases/${caseId}/screenshots/${caseId}-1?key=guess`)).status).toBe(
      404,
    );
    const { cookie, csrf } = await formSession();
    const action = await web.request(`/support/cases/${caseId}/status`, {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, status: 'closed' }).toString(),
    });
    expect(action.status).toBe(303);
    expect(action.headers.get('location')).toMatch(/^\/sign-in/);
    const row = await w.store.db
      .selectFrom('support_case')
      .select('status')
      .where('id', '=', caseId!)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  });
});
