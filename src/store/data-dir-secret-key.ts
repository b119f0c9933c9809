/**
 * Embedded mode's sealing key when OUTBOX_SECRET_KEY is unset: made once, kept in the data folder
 * (owner-only), so `npm start` works with no configuration and a restart still opens what the
 * last run sealed. It guards against the database files leaking alone (a copied PGlite folder
 * minus this file, a dump); production takes the key from the environment instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { newSecretKeyText, parseSecretKey } from './secret-box.js';

export const SECRET_KEY_FILE = 'outbox-secret.key';

export function dataDirSecretKey(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SECRET_KEY_FILE);
  try {
    writeFileSync(file, `${newSecretKeyText()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const key = parseSecretKey(readFileSync(file, 'utf8'));
  if (!key)
    throw new Error(`${file} does not hold a key; remove it only if no e-mail is waiting in the outbox`);
  return key;
}
