/**
 * The Orders list's "provisioning still pending" count and filter; notices that say "queued"
 * until the e-mail is sent and count the e-mails; send statuses that explain themselves; the bulk
 * confirmations' refusals before Yes; and their results page after a redirect (reload and the
 * language switch show it again and never act again). Real database, real SMTP socket, both stores.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { cancelLine } from '../../src/app/lines/cancel-line.js';
import { listOrders, listOrdersSchema } from '../../src/app/orders/list-orders.js';
import { mapOrderToOrganization } from '../../src/app/setup/map-order-to-organization.js';
import { runDue } from '../../src/jobs/run-due.js';
import { createWeb } from '../../src/web/create-web.js';
import {
  closeMailWorld,
  DAY,
  type Dispatcher,
  type Inbox,
  MINUTE,
  openMailWorld,
} from '../jobs/mail-harness.js';
import { WebClient } from '../security/web-client.js';
import { describeEachStore } from '../support/test-store.js';
import type { World } from '../support/world.js';

const PASSWORD = 'correct horse battery staple';
const irene = { name: 'Irene Conti', email: 'irene@initech.example', language: 'en' as const };
const pietro = { name: 'Pietro Neri', email: 'pietro@initech.example', language: 'it' as const };
const nina = { name: 'Nina Costa', email: 'nina@initech.example', language: 'en' as const };

/** The page's words: tags dropped, entities undone, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replace(/\s+/g, ' ');

/** A form post with repeated fields (the selected lines), as the browser sends it. */
async function postMany(
  web: ReturnType<typeof createWeb>,
  client: WebClient,
  path: string,
  fields: [string, string][],
) {
  const res = await web.request(path, {
    method: 'POST',
    headers: {
      cookie: client.cookieHeader,
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
    },
    body: new URLSearchParams([['_csrf', client.csrf], ...fields]).toString(),
  });
  return { status: res.status, location: res.headers.get('location') ?? '', html: await res.text() };
}

describeEachStore('orders list, send wording and bulk confirmations', (kind) => {
  let w: World;
  let web: ReturnType<typeof createWeb>;
  let inbox: Inbox;
  let worker: Dispatcher;
  let alice: WebClient;
  beforeAll(async () => {
    ({ w, inbox, worker } = await openMailWorld(kind, { password: PASSWORD }));
    web = createWeb({ ...w.deps, secureCookies: false }, { demoMode: false, https: false });
    alice = new WebClient(web);
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
  });
  afterAll(() => closeMailWorld({ w, inbox, worker }));

  const sendCount = async () =>
    Number(
      (
        await w.store.db
          .selectFrom('provisioning_email')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('says "is queued for" until the e-mail is sent, and explains every status', async () => {
    const { subscriptionIds } = await w.order({
      lines: [{ offerCode: 'MEET-PRO', quantity: 5, provisioningContact: irene }],
    });
    const [line] = subscriptionIds as [string];
    await runDue(w.deps);
    await worker.drain();
    await alice.get(`/subscriptions/${line}`);
    const posted = await alice.post(`/subscriptions/${line}/resend`, { back: `/subscriptions/${line}` });
    expect(posted.status).toBe(303);
    const back = posted.headers.get('location')!;

    const queued = textOf((await alice.get(back)).html);
    expect(queued).toContain(
      `The provisioning e-mail is queued for ${irene.email}: it will be sent shortly.`,
    );
    expect(queued).not.toContain('was sent to');
    expect(textOf((await alice.get(`${back}&lang=it`)).html)).toContain(
      `L’e-mail di provisioning è in coda per ${irene.email}: sarà inviata a breve.`,
    );

    await worker.drain();
    const sent = await alice.get(`${back}&lang=en`);
    expect(textOf(sent.html)).toContain(`The provisioning e-mail was sent to ${irene.email}.`);
    expect(textOf(sent.html)).not.toContain('is queued for');
    // Each badge links to the help page's list and carries its explanation for hover, focus and screen readers.
    expect(sent.html).toContain(
      '<span class="send-status"><a class="badge send-sent" href="/help#send-statuses">Sent<span class="visually-hidden">: The recipient’s mail server accepted it',
    );
  });

  it('counts the e-mails a bulk resend queued, after a redirect a reload does not repeat', async () => {
    const first = await w.order({
      lines: [{ offerCode: 'MEET-PRO', quantity: 1, provisioningContact: irene }],
    });
    const second = await w.order({
      lines: [{ offerCode: 'MEET-PRO', quantity: 2, provisioningContact: pietro }],
    });
    await runDue(w.deps);
    await worker.drain();
    const lines = [first.subscriptionIds[0]!, second.subscriptionIds[0]!];
    await alice.get(`/subscriptions/bulk?action=resend&${lines.map((l) => `line=${l}`).join('&')}`);
    const before = await sendCount();
    const posted = await postMany(web, alice, '/subscriptions/bulk/resend', [
      ['back', '/subscriptions'],
      ...lines.map((l): [string, string] => ['line', l]),
    ]);
    expect(posted.status).toBe(303);
    expect(posted.location).toMatch(/^\/subscriptions\/bulk\/results\?r=[A-Za-z0-9_-]+$/);
    expect(await sendCount()).toBe(before + 2);
    // Sealed: no address or id in clear in the URL.
    expect(posted.location).not.toContain('initech');
    expect(posted.location).not.toContain(lines[0]);

    const page = textOf((await alice.get(posted.location)).html);
    expect(page).toContain('2 done, 0 refused.');
    expect(page).toContain(`The 2 provisioning e-mails were queued for ${irene.email} and ${pietro.email}`);
    // A reload and the language switch read the same results and send nothing.
    const again = textOf((await alice.get(posted.location)).html);
    expect(again).toContain('2 done, 0 refused.');
    const italian = textOf((await alice.get(`${posted.location}&lang=it`)).html);
    expect(italian).toContain(
      `Le 2 e-mail di provisioning sono state messe in coda per ${irene.email} e ${pietro.email}`,
    );
    expect(await sendCount()).toBe(before + 2);

    await worker.drain();
    expect(textOf((await alice.get(`${posted.location}&lang=en`)).html)).toContain(
      `The 2 provisioning e-mails were sent to ${irene.email} and ${pietro.email}.`,
    );

    // Another user of the same browser session, a tampered or an expired token: nothing to show.
    const marco = new WebClient(web);
    await marco.signIn(w.actors.marco.email, PASSWORD);
    expect((await marco.get(posted.location)).status).toBe(410);
    const tampered = posted.location.slice(0, -2) + (posted.location.endsWith('AA') ? 'BB' : 'AA');
    expect((await alice.get(tampered)).status).toBe(410);
    w.clock.advance(61 * MINUTE);
    try {
      const gone = await alice.get(posted.location);
      expect(gone.status).toBe(410);
      expect(textOf(gone.html)).toContain('These results are no longer available');
    } finally {
      w.clock.advance(-61 * MINUTE);
    }
  });

  it('lists the lines a bulk resend will refuse, and why, before those that go', async () => {
    const open = await w.order({
      lines: [{ offerCode: 'MEET-PRO', quantity: 1, provisioningContact: nina }],
    });
    await runDue(w.deps);
    const booked = await w.order({ rsd: '2026-12-24' });
    const mapped = await w.order();
    const cancelled = await w.order({ rsd: '2026-12-24' });
    await cancelLine(w.deps, w.actors.alice, { subscriptionId: cancelled.subscriptionIds[0]! });
    await mapOrderToOrganization(w.deps, {
      orderId: mapped.orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    const bobs = await w.order({}, 'bob');
    const ids = [open, booked, mapped, cancelled, bobs].map((o) => o.subscriptionIds[0]!);
    const query = ids.map((l) => `line=${l}`).join('&');

    const html = (await alice.get(`/subscriptions/bulk?action=resend&${query}`)).html;
    const refusedAt = html.indexOf('4 selected lines will be refused');
    const goingAt = html.indexOf('1 line will go');
    expect(refusedAt).toBeGreaterThan(0);
    expect(goingAt).toBeGreaterThan(refusedAt);
    const refused = textOf(html.slice(refusedAt, goingAt));
    const going = textOf(html.slice(goingAt));
    expect(refused).toContain('The requested start date has not arrived yet');
    expect(refused).toContain('This order is already onboarded');
    expect(refused).toContain('This subscription line is cancelled.');
    // Another partner's line reads like a missing one: its id only, no order, no status.
    expect(refused).toContain(`${ids[4]} — — Not found.`);
    expect(refused).not.toContain(bobs.webOrderId);
    expect(going).toContain(ids[0]);
    expect(going).toContain(nina.email);
    expect(going).toContain('Are you sure you want to resend the provisioning e-mail of this line?');
    for (const id of ids.slice(1)) expect(going).not.toContain(id);

    const italian = textOf((await alice.get(`/subscriptions/bulk?action=resend&${query}&lang=it`)).html);
    expect(italian).toContain('4 righe selezionate saranno rifiutate');
    expect(italian).toContain('1 riga procederà');

    // Yes: what the preview said is what the use case does.
    const posted = await postMany(web, alice, '/subscriptions/bulk/resend', [
      ['back', '/subscriptions'],
      ...ids.map((l): [string, string] => ['line', l]),
    ]);
    const results = textOf((await alice.get(`${posted.location}&lang=en`)).html);
    expect(results).toContain('1 done, 4 refused.');
    expect(results).toContain(`The provisioning e-mail is queued for ${nina.email}`);

    // Nothing can go: no Yes to press.
    const none = (await alice.get(`/subscriptions/bulk?action=resend&line=${ids[1]}&line=${ids[3]}&lang=en`))
      .html;
    expect(textOf(none)).toContain('None of the selected lines can take this action');
    expect(none).not.toContain('action="/subscriptions/bulk/resend"');
  });

  it('lists the lines a bulk contact change will refuse; Booked lines go', async () => {
    const booked = await w.order({ rsd: '2026-12-24' });
    const mapped = await w.order();
    await mapOrderToOrganization(w.deps, {
      orderId: mapped.orderId,
      organization: { organizationId: 'org_globex' },
      confirmedBy: { name: 'Carla Neri', email: 'carla@globex.example', language: 'it' },
    });
    const ids = [booked.subscriptionIds[0]!, mapped.subscriptionIds[0]!];
    const html = (await alice.get(`/subscriptions/bulk?action=contact&line=${ids[0]}&line=${ids[1]}&lang=en`))
      .html;
    const refusedAt = html.indexOf('1 selected line will be refused');
    const goingAt = html.indexOf('1 line will go');
    expect(refusedAt).toBeGreaterThan(0);
    expect(goingAt).toBeGreaterThan(refusedAt);
    expect(textOf(html.slice(refusedAt, goingAt))).toContain(ids[1]);
    expect(textOf(html.slice(goingAt))).toContain(ids[0]);

    const posted = await postMany(web, alice, '/subscriptions/bulk/contact', [
      ['back', '/subscriptions'],
      ['name', nina.name],
      ['email', nina.email],
      ['language', 'en'],
      ...ids.map((l): [string, string] => ['line', l]),
    ]);
    expect(posted.status).toBe(303);
    const results = textOf((await alice.get(posted.location)).html);
    expect(results).toContain('1 done, 1 refused.');
    expect(results).toContain(`The provisioning contact is now ${nina.name} <${nina.email}>.`);
    expect(results).toContain('This order is already onboarded');
  });

  it('counts and filters orders with provisioning still pending', async () => {
    const closing = await w.order({
      endCustomerName: 'Pending Srl',
      lines: [
        { offerCode: 'A-FLEX', quantity: 3, provisioningContact: irene },
        { offerCode: 'MEET-PRO', quantity: 1, provisioningContact: irene },
      ],
    });
    await runDue(w.deps);
    w.clock.advance(7 * DAY + MINUTE);
    await runDue(w.deps); // the A-FLEX line closes: provisioning still pending
    const list = await listOrders(
      w.deps,
      w.actors.alice,
      listOrdersSchema.parse({ pendingProvisioning: 'true' }),
    );
    expect(list.items.map((o) => o.webOrderId)).toEqual([closing.webOrderId]);
    expect(list.items[0]).toMatchObject({ pendingProvisioning: 1, statuses: { closed: 1 } });

    // A week on, the session has ended: sign in again.
    expect((await alice.signIn(w.actors.alice.email, PASSWORD)).status).toBe(303);
    const all = (await alice.get('/orders?lang=en')).html;
    const row = textOf(
      all.slice(all.indexOf(closing.webOrderId), all.indexOf('</tr>', all.indexOf(closing.webOrderId))),
    );
    expect(row).toContain('Closed (1) Provisioning still pending (1)');
    expect(all).toContain('<option value="pendingProvisioning">Closed — provisioning still pending</option>');

    const filtered = (await alice.get('/orders?status=pendingProvisioning')).html;
    expect(filtered).toContain(closing.webOrderId);
    expect(filtered.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>/g)).toHaveLength(1);
    expect(filtered).toContain('<option value="pendingProvisioning" selected="">');
    const italian = textOf((await alice.get('/orders?status=pendingProvisioning&lang=it')).html);
    expect(italian).toContain('Chiusa (1) Provisioning ancora in sospeso (1)');
    expect(italian).toContain('Chiusa — provisioning ancora in sospeso');
  });
});
