import { afterAll, beforeAll, expect, it } from 'vitest';

import { captureMailInto } from '../../src/email/capture-mail.js';
import { mailboxRoutes } from '../../src/web/mailbox-routes.js';
import { describeEachStore, openTestStore, type TestStore } from '../support/test-store.js';

// The sink reads the envelope for sender and recipients; the message needs only what is shown.
const raw = (subject: string) =>
  Buffer.from(
    [
      `Subject: ${subject}`,
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p><a href="https://onramp.example/setup/abc">Set up</a></p>',
    ].join('\r\n'),
  );

describeEachStore('dev mailbox', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(() => store.close());

  it('shows what the sink caught: newest first, filtered by recipient, one message by id', async () => {
    const at = new Date('2026-12-01T09:00:00Z');
    const capture = captureMailInto(store.db, () => at);
    await capture(raw('First'), { from: 'noreply@onramp.example', to: ['maria@customer.example'] });
    await capture(raw('Second'), { from: 'noreply@onramp.example', to: ['Luca@customer.example'] });
    const app = mailboxRoutes(store.db);

    const all = (await (await app.request('/dev/mailbox.json')).json()) as {
      messages: { id: number; subject: string; to: string[]; receivedAt: string; links: string[] }[];
    };
    expect(all.messages.map((m) => m.subject)).toEqual(['Second', 'First']);
    expect(all.messages[1]).toMatchObject({
      receivedAt: at.toISOString(),
      to: ['maria@customer.example'],
      links: ['https://onramp.example/setup/abc'],
    });
    const toLuca = (await (await app.request('/dev/mailbox.json?to=luca@customer.example')).json()) as {
      messages: { subject: string }[];
    };
    expect(toLuca.messages.map((m) => m.subject)).toEqual(['Second']);

    const list = await (await app.request('/dev/mailbox')).text();
    expect(list.indexOf('Second')).toBeLessThan(list.indexOf('First'));
    const first = all.messages[1]!;
    const page = await app.request(`/dev/mailbox/${first.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>First</h1>');
    expect((await app.request(`/dev/mailbox/${first.id + 100}`)).status).toBe(404);
  });
});
