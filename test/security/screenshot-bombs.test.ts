/**
 * Issue 18, item 9: a screenshot's pixels are counted from its header before it is stored (a
 * 20000×20000 PNG decompression bomb is refused with its own message, in English and Italian),
 * and only small, measured images are shown inline: anything larger, or stored before it was
 * measured, is served as an attachment and never put in an <img> on the case page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { openSupportCase } from '../../src/app/support/open-support-case.js';
import { runDue } from '../../src/jobs/run-due.js';
import { createWeb } from '../../src/web/create-web.js';
import { blankPng, PNG_1X1 } from '../support/images.js';
import { describeEachStore } from '../support/test-store.js';
import { createWorld, type World } from '../support/world.js';
import { WebClient } from './web-client.js';

const PASSWORD = 'correct horse battery staple';

describeEachStore('screenshot decompression bombs', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  let webOrderId: string;
  const bomb = blankPng(20_000, 20_000);
  beforeAll(async () => {
    w = await createWorld(kind, { password: PASSWORD });
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
    webOrderId = (await w.order()).webOrderId;
    await runDue(w.deps);
  });
  afterAll(() => w?.close());

  const screenshotCount = async () =>
    (await w.store.db.selectFrom('support_case_screenshot').select('id').execute()).length;

  it.each([
    ['en', 'bomb.png is larger than 40 megapixels. Nothing was stored.'],
    ['it', 'bomb.png supera 40 megapixel. Non è stato salvato nulla.'],
  ])('refuses a 20000×20000 PNG on the upload form, saying why (%s)', async (lang, message) => {
    const visitor = new WebClient(web);
    await visitor.get(`/support/new?lang=${lang}`);
    const before = await screenshotCount();
    const form = new FormData();
    form.set('_csrf', visitor.csrf);
    form.set('email', 'irene@initech.example');
    form.set('type', 'resend_provisioning_email');
    form.set('reference', webOrderId);
    form.set('description', 'The e-mail never arrived.');
    form.append('screenshots', new Blob([bomb], { type: 'image/png' }), 'bomb.png');
    const res = await web.request('/support/new', {
      method: 'POST',
      headers: { cookie: visitor.cookieHeader, 'sec-fetch-site': 'same-origin' },
      body: form,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(message);
    expect(await screenshotCount()).toBe(before);
  });

  it('serves small measured screenshots inline, and large or unmeasured ones only as downloads', async () => {
    const { caseId } = await openSupportCase(
      w.deps,
      { actor: w.actors.alice },
      {
        type: 'other',
        reference: webOrderId,
        description: 'Three screenshots.',
        screenshots: [
          { filename: 'small.png', bytes: PNG_1X1 },
          { filename: 'wide.png', bytes: blankPng(5000, 4000) }, // 20 MP: accepted, not inline
          { filename: 'old.png', bytes: PNG_1X1 },
        ],
      },
    );
    // As stored before migration 021: never measured.
    await w.store.db
      .updateTable('support_case_screenshot')
      .set({ width: null, height: null })
      .where('id', '=', `${caseId}-3`)
      .execute();

    const alice = new WebClient(web);
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
    const disposition = async (n: number) => {
      const shot = await alice.get(`/support/cases/${caseId}/screenshots/${caseId}-${n}`);
      expect(shot.status).toBe(200);
      expect(shot.headers.get('x-content-type-options')).toBe('nosniff');
      return shot.headers.get('content-disposition');
    };
    expect(await disposition(1)).toBe('inline; filename="small.png"');
    expect(await disposition(2)).toBe('attachment; filename="wide.png"');
    expect(await disposition(3)).toBe('attachment; filename="old.png"');

    const page = await alice.get(`/support/cases/${caseId}`);
    expect(page.status).toBe(200);
    const images = [...page.html.matchAll(/<img [^>]*alt="([^"]+)"/g)].map((m) => m[1]);
    expect(images).toEqual(['small.png']);
    for (const name of ['wide.png', 'old.png'])
      expect(page.html).toMatch(new RegExp(`<a href="[^"]+-[23]" download="${name}">`));
  });
});
