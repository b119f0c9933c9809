/** DKIM_* settings: all or none, a key that parses as an RSA private key, named when wrong. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ConfigError, dkimMisaligned, loadConfig } from '../../src/config.js';
import { runOnramp } from '../support/run-onramp.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PKCS1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const DKIM = { DKIM_DOMAIN: 'example.com', DKIM_SELECTOR: 'onramp2026', DKIM_PRIVATE_KEY: PEM };

/** The variables a ConfigError names, in order; fails the test when `fn` does not throw one. */
function refused(env: Record<string, string>): { variables: string[]; text: string } {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const { issues, message } = err as ConfigError;
    return { variables: issues.map((i) => i.variable), text: message };
  }
  throw new Error(`accepted ${Object.keys(env).join(', ')}`);
}

describe('DKIM configuration', () => {
  it('is off when none is set, and on with all three', () => {
    expect(loadConfig({}).dkim).toBeUndefined();
    expect(loadConfig({ DKIM_DOMAIN: '', DKIM_SELECTOR: '', DKIM_PRIVATE_KEY: '' }).dkim).toBeUndefined();
    const { dkim } = loadConfig(DKIM);
    expect(dkim).toMatchObject({ domainName: 'example.com', keySelector: 'onramp2026' });
    expect(dkim?.privateKey).toContain('-----BEGIN PRIVATE KEY-----');
  });

  it('refuses a partial set, naming every missing variable', () => {
    expect(refused({ DKIM_DOMAIN: 'example.com' }).variables).toEqual(['DKIM_SELECTOR', 'DKIM_PRIVATE_KEY']);
    expect(refused({ DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY: PEM }).variables).toEqual(['DKIM_DOMAIN']);
    expect(refused({ DKIM_DOMAIN: 'example.com', DKIM_SELECTOR: 's1' }).variables).toEqual([
      'DKIM_PRIVATE_KEY',
    ]);
    expect(refused({ DKIM_PRIVATE_KEY_FILE: '/nowhere.pem' }).variables).toEqual([
      'DKIM_DOMAIN',
      'DKIM_SELECTOR',
    ]);
    expect(refused({ ...DKIM, DKIM_PRIVATE_KEY_FILE: '/k.pem' }).variables).toEqual([
      'DKIM_PRIVATE_KEY',
      'DKIM_PRIVATE_KEY_FILE',
    ]);
  });

  it('refuses a key that is not an unencrypted RSA private key, without quoting it', () => {
    const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const encrypted = rsa.privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' })
      .toString();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const truncated = PEM.slice(0, 200);
    const cases: [string, RegExp][] = [
      ['not a key', /not a PEM private key/],
      [publicPem, /not a PEM private key/],
      [truncated, /not a PEM private key/],
      [encrypted, /encrypted/],
      [ec, /expected an RSA key, got ec/],
    ];
    for (const [key, message] of cases) {
      const { variables, text } = refused({ ...DKIM, DKIM_PRIVATE_KEY: key });
      expect(variables).toEqual(['DKIM_PRIVATE_KEY']);
      expect(text).toMatch(message);
      if (key.length > 80) expect(text).not.toContain(key.slice(40, 80));
    }
    for (const domain of ['not a domain', 'localhost', 'example.com.', '-x.example'])
      expect(refused({ ...DKIM, DKIM_DOMAIN: domain }).variables).toEqual(['DKIM_DOMAIN']);
    expect(refused({ ...DKIM, DKIM_SELECTOR: 'a;b=c' }).variables).toEqual(['DKIM_SELECTOR']);
  });

  it('accepts a one-line PEM with literal \\n escapes, PKCS#1, and a key file', () => {
    const oneLine = PKCS1.trim().split('\n').join('\\n');
    expect(oneLine).not.toContain('\n');
    expect(loadConfig({ ...DKIM, DKIM_PRIVATE_KEY: oneLine }).dkim?.privateKey).toBe(PEM);

    const dir = mkdtempSync(join(tmpdir(), 'onramp-dkim-'));
    writeFileSync(join(dir, 'dkim.pem'), PKCS1);
    const { DKIM_PRIVATE_KEY: _key, ...rest } = DKIM;
    expect(loadConfig({ ...rest, DKIM_PRIVATE_KEY_FILE: join(dir, 'dkim.pem') }).dkim?.privateKey).toBe(PEM);
    const missing = refused({ ...rest, DKIM_PRIVATE_KEY_FILE: join(dir, 'absent.pem') });
    expect(missing.variables).toEqual(['DKIM_PRIVATE_KEY_FILE']);
    expect(missing.text).toContain('ENOENT');
  });

  it('flags a DKIM domain that MAIL_FROM does not align with', () => {
    const dkim = loadConfig(DKIM).dkim;
    const at = (mailFrom: string) => dkimMisaligned({ dkim, mailFrom });
    expect(at('Onramp <provisioning@example.com>')).toBe(false);
    expect(at('provisioning@mail.Example.com')).toBe(false);
    expect(at('Onramp <provisioning@onramp.localhost>')).toBe(true);
    expect(at('Onramp <provisioning@notexample.com>')).toBe(true);
    expect(dkimMisaligned({ dkim: undefined, mailFrom: 'x@y.z' })).toBe(false);
  });

  it('stops `onramp` with exit code 2 and names the variable', async () => {
    const DATA_DIR = mkdtempSync(join(tmpdir(), 'onramp-dkim-'));
    const partial = await runOnramp(['migrate'], { DATA_DIR, DKIM_DOMAIN: 'example.com' });
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('Configuration error: DKIM_SELECTOR: required');
    expect(partial.stderr).toContain('Configuration error: DKIM_PRIVATE_KEY: required');

    const badKey = await runOnramp(['migrate'], { DATA_DIR, ...DKIM, DKIM_PRIVATE_KEY: 'nope' });
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('Configuration error: DKIM_PRIVATE_KEY: not a PEM private key');
  });
});
