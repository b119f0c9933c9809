import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, createServer as createTcpServer } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import {
  createMailer,
  createThreadedMailer,
  type Mailer,
  MailSendError,
  type MailSink,
  type OutgoingEmail,
  parseMail,
  renderEmail,
  startMailSink,
} from '../../src/email/index.js';
import { provisioningInput } from './email-fixtures.js';

interface Received {
  raw: Buffer;
  envelope: { from: string; to: string[] };
}

const FROM = 'Onramp <noreply@onramp.example>';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startSink(options: Partial<Parameters<typeof startMailSink>[0]> = {}) {
  const received: Received[] = [];
  const sink: MailSink = await startMailSink({
    port: 0,
    onMessage: async (raw, envelope) => {
      received.push({ raw, envelope });
    },
    ...options,
  });
  cleanups.push(() => sink.close());
  return { sink, received };
}

/** The same contract in this thread and in the mail thread the server uses (createThreadedMailer). */
const MAILERS = [
  ['in this thread', createMailer],
  ['in a mail thread', createThreadedMailer],
] as const;

function mailerFor(port: number, create: (typeof MAILERS)[number][1]): Mailer {
  const mailer = create({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM });
  cleanups.push(() => mailer.close());
  return mailer;
}

function outgoing(to: string, messageId: string): OutgoingEmail {
  const { subject, html, text } = renderEmail(provisioningInput('en'));
  return { to: { name: 'Someone', email: to }, subject, html, text, messageId };
}

/** A TCP relay to the sink that counts the connections a mailer opens through it. */
async function startConnectionCounter(sinkPort: number) {
  let connections = 0;
  const server = createTcpServer((client) => {
    connections++;
    const upstream = connect(sinkPort, '127.0.0.1');
    // Relayed as written: with Nagle, each SMTP reply would wait for a delayed ACK.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
  };
}

/** A setup page that answers 200 only for the exact token, to prove the mailed link still works. */
async function startSetupPage(token: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.statusCode = url.pathname === `/setup/${token}` && url.searchParams.get('lang') === 'it' ? 200 : 404;
    res.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe.each(MAILERS)('sending through the SMTP sink, %s', (_, create) => {
  it('delivers an Italian provisioning e-mail with its Message-ID and a working setup link', async () => {
    const { sink, received } = await startSink();
    const mailer = mailerFor(sink.port, create);
    // Long enough that quoted-printable has to wrap it; `=` and `&` must survive encoding.
    const token = `tok_${'a1B2c3D4e5'.repeat(9)}=`;
    const page = await startSetupPage(token);
    const setupUrl = `${page.origin}/setup/${token}?lang=it&src=email`;
    const contact = { name: 'Maria Rossi', email: 'maria.rossi@customer.example' };
    const email = renderEmail(provisioningInput('it', { to: contact, secrets: { setupUrl } }));

    await mailer.verify();
    const result = await mailer.send({ to: contact, ...email, messageId: '<snd_abc123@onramp>' });

    expect(result.accepted).toEqual([contact.email]);
    expect(result.rejected).toEqual([]);
    expect(result.response).toMatch(/^250/);
    expect(received).toHaveLength(1);
    const [{ raw, envelope }] = received as [Received];
    expect(envelope).toEqual({ from: 'noreply@onramp.example', to: [contact.email] });

    const mail = await parseMail(raw);
    expect(mail.messageId).toBe('<snd_abc123@onramp>');
    expect(mail.from).toBe('noreply@onramp.example');
    expect(mail.to).toEqual([contact.email]);
    expect(mail.subject).toBe('Informazioni richieste per l’attivazione dell’ordine W-1001');
    expect(mail.html).toContain('<html lang="it"');
    expect(mail.text).toContain('Termine per completare la configurazione: 2 dicembre 2026, 09:00 UTC.');
    expect(mail.links).toContain(setupUrl);
    expect(mail.links).toEqual([...new Set(mail.links)]);
    expect(mail.date).toBeInstanceOf(Date);

    const response = await fetch(mail.links.find((link) => link.startsWith(page.origin)) ?? '');
    expect(response.status).toBe(200);
  });

  it('sends several messages over the pool, each with its own Message-ID', async () => {
    const { sink, received } = await startSink();
    const mailer = mailerFor(sink.port, create);
    await Promise.all(
      ['a', 'b', 'c'].map((id) => mailer.send(outgoing(`${id}@customer.example`, `<snd_${id}@onramp>`))),
    );
    const ids = await Promise.all(received.map(async ({ raw }) => (await parseMail(raw)).messageId));
    expect(ids.sort()).toEqual(['<snd_a@onramp>', '<snd_b@onramp>', '<snd_c@onramp>']);
  });

  it('carries SMTP_MESSAGES_PER_CONNECTION messages on a pooled connection, then opens a new one', async () => {
    const { sink, received } = await startSink();
    const proxy = await startConnectionCounter(sink.port);
    const sendAll = async (mailer: Mailer, count: number, prefix: string) => {
      for (let i = 0; i < count; i++)
        await mailer.send(outgoing('a@customer.example', `<${prefix}${i}@onramp>`));
    };
    const limited = create({ smtpUrl: proxy.url, from: FROM, maxConnections: 1, messagesPerConnection: 3 });
    cleanups.push(() => limited.close());
    await sendAll(limited, 7, 'l');
    expect(proxy.connections()).toBe(3); // 3 + 3 + 1
    limited.close();
    // The default keeps one connection past nodemailer's own limit of 100 messages.
    const byDefault = create({ smtpUrl: proxy.url, from: FROM, maxConnections: 1 });
    cleanups.push(() => byDefault.close());
    await sendAll(byDefault, 150, 'd');
    expect(proxy.connections()).toBe(4);
    expect(received).toHaveLength(157);
  });

  it('rejects permanently when the server refuses the recipient, and the pool carries on', async () => {
    const { sink, received } = await startSink({
      rejectRecipients: (address) => address.startsWith('bounce@'),
    });
    const mailer = mailerFor(sink.port, create);

    const error = await mailer
      .send(outgoing('bounce@customer.example', '<snd_b1@onramp>'))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MailSendError);
    expect(error).toMatchObject({ permanent: true, responseCode: 550 });
    expect((error as Error).message).toContain('550 Mailbox unavailable: bounce@customer.example');
    expect(received).toHaveLength(0);
    await mailer.send(outgoing('ok@customer.example', '<snd_ok@onramp>'));
    expect(received).toHaveLength(1);
  });

  it('rejects as transient when the sink cannot store the message (451)', async () => {
    const { sink } = await startSink({
      onMessage: async () => {
        throw new Error('mailbox table locked');
      },
    });
    const error = await mailerFor(sink.port, create)
      .send(outgoing('ok@customer.example', '<snd_t1@onramp>'))
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ permanent: false, throttled: false, responseCode: 451 });
    expect((error as Error).message).toContain('451 Temporary failure: mailbox table locked');
  });

  it('rejects as transient when nothing listens on the port', async () => {
    const probe = createTcpServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const mailer = mailerFor(port, create);

    const error = await mailer
      .send(outgoing('ok@customer.example', '<snd_c1@onramp>'))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MailSendError);
    expect(error).toMatchObject({ permanent: false, responseCode: undefined });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    await expect(mailer.verify()).rejects.toMatchObject({ permanent: false });
  });
});
