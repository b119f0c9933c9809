/** The DKIM signing key from DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY(_FILE), checked at start. */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { ConfigError } from './config-error.js';
import type { DkimKey } from './email/index.js';

export interface DkimVariables {
  DKIM_DOMAIN?: string | undefined;
  DKIM_SELECTOR?: string | undefined;
  DKIM_PRIVATE_KEY?: string | undefined;
  DKIM_PRIVATE_KEY_FILE?: string | undefined;
}

/**
 * True when MAIL_FROM's domain and DKIM_DOMAIN are neither equal nor one inside the other: the
 * signature then passes but DMARC, which wants them aligned, does not count it. A rough check
 * (no public-suffix list), so a warning rather than a refusal.
 */
export function dkimMisaligned(config: { dkim: DkimKey | undefined; mailFrom: string }): boolean {
  if (!config.dkim) return false;
  const from = /@([^@<>\s]+)>?\s*$/.exec(config.mailFrom)?.[1]?.toLowerCase() ?? '';
  const d = config.dkim.domainName.toLowerCase();
  return !(from === d || from.endsWith(`.${d}`) || d.endsWith(`.${from}`));
}

const DKIM_VARIABLES = 'DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE)';

/** The DKIM signing key: all of DKIM_* or none; the key must be an unencrypted RSA private key. */
export function dkimOf(e: DkimVariables): DkimKey | undefined {
  if (e.DKIM_PRIVATE_KEY !== undefined && e.DKIM_PRIVATE_KEY_FILE !== undefined)
    throw new ConfigError(
      ['DKIM_PRIVATE_KEY', 'DKIM_PRIVATE_KEY_FILE'].map((variable) => ({
        variable,
        message: 'set only one of DKIM_PRIVATE_KEY and DKIM_PRIVATE_KEY_FILE',
      })),
    );
  const keyVariable = e.DKIM_PRIVATE_KEY_FILE !== undefined ? 'DKIM_PRIVATE_KEY_FILE' : 'DKIM_PRIVATE_KEY';
  const { DKIM_DOMAIN: domainName, DKIM_SELECTOR: keySelector } = e;
  const keyValue = e.DKIM_PRIVATE_KEY ?? e.DKIM_PRIVATE_KEY_FILE;
  if (domainName === undefined || keySelector === undefined || keyValue === undefined) {
    const given = { DKIM_DOMAIN: domainName, DKIM_SELECTOR: keySelector, [keyVariable]: keyValue };
    const missing = Object.entries(given).filter(([, v]) => v === undefined);
    if (missing.length === 3) return undefined;
    throw new ConfigError(
      missing.map(([variable]) => ({ variable, message: `required: set all of ${DKIM_VARIABLES}, or none` })),
    );
  }
  let pem: string;
  if (keyVariable === 'DKIM_PRIVATE_KEY_FILE') {
    try {
      pem = readFileSync(keyValue, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new ConfigError([{ variable: keyVariable, message: `cannot read the key file (${code})` }]);
    }
  } else {
    // Env files often carry a PEM on one line with literal "\n" escapes.
    pem = keyValue.replace(/\\r\\n|\\n/g, '\n');
  }
  return { domainName, keySelector, privateKey: rsaPrivateKeyPem(pem, keyVariable) };
}

/** The key re-exported as PKCS#8 PEM; never quotes the key in an error. */
function rsaPrivateKeyPem(pem: string, variable: string): string {
  let key;
  try {
    key = createPrivateKey({ key: pem.trim(), format: 'pem' });
  } catch (err) {
    // OpenSSL 3 reports a missing passphrase as "interrupted or cancelled": look at the PEM.
    const encrypted =
      (err as { code?: string }).code === 'ERR_MISSING_PASSPHRASE' ||
      /BEGIN ENCRYPTED PRIVATE KEY|Proc-Type: 4,ENCRYPTED/.test(pem);
    const message = encrypted
      ? 'the private key is encrypted; give it without a passphrase'
      : 'not a PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)';
    throw new ConfigError([{ variable, message }]);
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw new ConfigError([
      { variable, message: `expected an RSA key, got ${key.asymmetricKeyType ?? 'unknown'}` },
    ]);
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 1024)
    throw new ConfigError([{ variable, message: 'the RSA key is shorter than 1024 bits; use 2048' }]);
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}
