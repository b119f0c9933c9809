/**
 * The keys that seal secrets at rest (src/store/secret-box.ts): OUTBOX_SECRET_KEY seals, and the
 * comma-separated OUTBOX_SECRET_KEYS_OLD still open what older keys sealed (rotation, see
 * docs/architecture.md). Production refuses to start without a key: a database holding the links
 * in clear is what this exists to prevent. Embedded mode keeps one in its data folder instead
 * (`dataDirSecretKey`), so `npm start` needs no configuration.
 */
import { ConfigError } from './config-error.js';
import { parseSecretKey } from './store/secret-box.js';

export interface SecretKeyVariables {
  OUTBOX_SECRET_KEY?: string | undefined;
  OUTBOX_SECRET_KEYS_OLD?: string | undefined;
}

export interface SecretKeys {
  /** Undefined only in embedded mode: the data folder's own key is used. */
  current: Buffer | undefined;
  previous: Buffer[];
}

const FORMAT = 'expected 32 random bytes as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)';

export function secretKeysOf(e: SecretKeyVariables, mode: 'embedded' | 'production'): SecretKeys {
  const issues: { variable: string; message: string }[] = [];
  const current = e.OUTBOX_SECRET_KEY === undefined ? undefined : parseSecretKey(e.OUTBOX_SECRET_KEY);
  if (current === null) issues.push({ variable: 'OUTBOX_SECRET_KEY', message: FORMAT });
  if (current === undefined && mode === 'production')
    issues.push({
      variable: 'OUTBOX_SECRET_KEY',
      message: `required with DATABASE_URL: it encrypts the links of e-mails waiting in the outbox; ${FORMAT}`,
    });
  const previous = (e.OUTBOX_SECRET_KEYS_OLD ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => parseSecretKey(s));
  if (previous.some((k) => k === null))
    issues.push({
      variable: 'OUTBOX_SECRET_KEYS_OLD',
      message: `a comma-separated list of keys, each ${FORMAT}`,
    });
  if (issues.length > 0) throw new ConfigError(issues);
  return { current: current ?? undefined, previous: previous as Buffer[] };
}
