/**
 * DKIM: a message sent through a real SMTP socket carries a signature that a real verifier
 * (mailauth) accepts against the published key, and that breaks when the body is altered.
 */
import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';

import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/config.js';
import {
  createMailer,
  type DkimKey,
  type MailSink,
  renderEmail,
  startMailSink,
} from '../../src/email/index.js';
import { createLogger, startOnramp } from '../../src/main.js';
import { runOnramp } from '../support/run-onramp.js';
import { TEST_SECRET_KEY } from '../support/secret-keys.js';
import { openTestStore, storeKinds } from '../support/test-store.js';
import { CONTACT, provisioningInput } from './email-fixtures.js';

const DOMAIN = 'onramp.example';
const SELECTOR = 'onramp2026';
const FROM = `Onramp Provisioning <provisioning@${DOMAIN}>`;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh RSA 2048 key pair: the private half for the signer, the public half as its DNS record. */
function keyPair(): { dkim: DkimKey; txtRecord: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    dkim: {
      domainName: DOMAIN,
      keySelector: SELECTOR,
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
    txtRecord: `v=DKIM1; k=rsa; p=${p}`,
  };
}

/** DNS as the receiver sees it: only `<selector>._domainkey.<domain>` TXT exists. */
function resolverFor(txtRecord: string) {
  const lookups: string[] = [];
  const resolver = async (name: string, rrtype: string): Promise<string[][]> => {
    lookups.push(`${name} ${rrtype}`);
    if (name === `${SELECTOR}._domainkey.${DOMAIN}` && rrtype === 'TXT') return [[txtRecord]];
    throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  };
  return { resolver, lookups };
}

/** Sends one provisioning e-mail through a real SMTP socket and returns the raw bytes received. */
async function sendProvisioning(dkim: DkimKey | undefined): Promise<Buffer> {
  const received: Buffer[] = [];
  const sink: MailSink = await startMailSink({
    onMessage: async (raw) => {
      received.push(raw);
    },
  });
  cleanups.push(() => sink.close());
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${sink.port}`, from: FROM, pool: false, dkim });
  cleanups.push(() => mailer.close());
  const email = renderEmail(provisioningInput('it'));
  await mailer.send({ to: CONTACT, ...email, messageId: '<snd_dkim1@onramp>' });
  expect(received).toHaveLength(1);
  return received[0] as Buffer;
}

/** Replaces the first occurrence of `from` in the body (after the blank line that ends the headers). */
function alterBody(raw: Buffer, from: string, to: string): Buffer {
  const text = raw.toString('latin1');
  const bodyStart = text.indexOf('\r\n\r\n') + 4;
  const at = text.indexOf(from, bodyStart);
  expect(at).toBeGreaterThan(bodyStart);
  return Buffer.from(text.slice(0, at) + to + text.slice(at + from.length), 'latin1');
}

describe('DKIM signing', () => {
  it('signs a provisioning e-mail that verifies against the published key', async () => {
    const { dkim, txtRecord } = keyPair();
    const raw = await sendProvisioning(dkim);
    const header = /^DKIM-Signature:.*(?:\r\n[ \t].*)*/im.exec(raw.toString('latin1'))?.[0] ?? '';
    expect(header).toMatch(/\bd=onramp\.example;/);
    expect(header).toMatch(/\bs=onramp2026;/);
    expect(header).toMatch(/\ba=rsa-sha256;/);

    const { resolver, lookups } = resolverFor(txtRecord);
    const result = await dkimVerify(raw, { resolver });
    expect(result.results).toHaveLength(1);
    expect(result.results[0]).toMatchObject({
      signingDomain: DOMAIN,
      selector: SELECTOR,
      status: { result: 'pass', aligned: DOMAIN },
    });
    expect(lookups).toEqual([`${SELECTOR}._domainkey.${DOMAIN} TXT`]);
  });

  it('fails when the body or a signed header is altered after signing, or the key is another', async () => {
    const { dkim, txtRecord } = keyPair();
    const raw = await sendProvisioning(dkim);
    const { resolver } = resolverFor(txtRecord);

    // A changed setup link in the text and HTML parts: the body hash no longer matches.
    const tampered = alterBody(raw, 'tok_4f9a2c', 'tok_evil00');
    const body = await dkimVerify(tampered, { resolver });
    expect(body.results[0]?.status.result).not.toBe('pass');
    expect(body.results[0]?.status.comment).toBe('body hash did not verify');

    // A changed Subject: the header signature no longer matches.
    const text = raw.toString('latin1');
    const subject = /^Subject: /im.exec(text);
    expect(subject).not.toBeNull();
    const at = (subject?.index ?? 0) + 'Subject: '.length;
    const reworded = Buffer.from(`${text.slice(0, at)}Urgent: ${text.slice(at)}`, 'latin1');
    const headers = await dkimVerify(reworded, { resolver });
    expect(headers.results[0]?.status.result).toBe('fail');

    // The DNS record of another key: the signature does not verify.
    const other = resolverFor(keyPair().txtRecord);
    const wrongKey = await dkimVerify(raw, { resolver: other.resolver });
    expect(wrongKey.results[0]?.status.result).toBe('fail');
  });

  it('sends unsigned mail when no key is configured', async () => {
    const raw = await sendProvisioning(undefined);
    expect(raw.toString('latin1')).not.toMatch(/^DKIM-Signature:/im);
    const result = await dkimVerify(raw, { resolver: resolverFor('').resolver });
    expect(result.results[0]?.status.result).toBe('none');
  });
});

describe.runIf(storeKinds().includes('postgres'))('DKIM in the worker (DKIM_* set)', () => {
  it('signs what the worker sends, as configured from the environment', { timeout: 60_000 }, async () => {
    const { dkim, txtRecord } = keyPair();
    const store = await openTestStore('postgres');
    cleanups.push(() => store.close());
    const DATABASE_URL = store.url ?? '';
    let delivered: (raw: Buffer) => void = () => {};
    const firstMessage = new Promise<Buffer>((resolve) => (delivered = resolve));
    const sink = await startMailSink({ onMessage: async (raw) => delivered(raw) });
    cleanups.push(() => sink.close());

    // The first operator's set-password e-mail waits in the outbox for the worker.
    const bootstrap = await runOnramp(['admin', 'bootstrap', '--email', 'ops@onramp.example'], {
      DATABASE_URL,
      DEMO_DATA: '',
    });
    expect(bootstrap.code).toBe(0);

    // The key as an env file carries it: one line with literal \n escapes.
    const config = loadConfig({
      DATABASE_URL,
      OUTBOX_SECRET_KEY: TEST_SECRET_KEY,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_FROM: FROM,
      DKIM_DOMAIN: DOMAIN,
      DKIM_SELECTOR: SELECTOR,
      DKIM_PRIVATE_KEY: dkim.privateKey.trim().split('\n').join('\\n'),
      OUTBOX_INTERVAL_MS: '50',
      WORKER_PORT: '0',
    });
    let logged = '';
    const log = createLogger(
      { logLevel: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logged += chunk.toString();
          done();
        },
      }),
    );
    const running = await startOnramp(config, { web: false, worker: true, log });
    cleanups.push(() => running.stop());

    const raw = await firstMessage;
    const result = await dkimVerify(raw, { resolver: resolverFor(txtRecord).resolver });
    expect(result.results[0]?.status.result).toBe('pass');
    expect(logged).toContain('outgoing e-mail is DKIM-signed');
    expect(logged).not.toContain('DMARC will not count');
  });
});
