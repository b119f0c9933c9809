/**
 * Sealing for one browser session: AES-256-GCM under a key derived from the session cookie and a
 * purpose, so what a page hands across a redirect (a new token's secret, a bulk action's results)
 * is readable by any web process, by no other session, unreadable in transit and unforgeable.
 * The server stores nothing.
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

import { getCookie } from 'hono/cookie';

import { takeRandomBytes } from '../take-random-bytes.js';
import { SESSION_COOKIE } from './web-session.js';
import type { WebContext } from './workspace/workspace-support.js';

function keyOf(c: WebContext, purpose: string): Buffer | null {
  const session = getCookie(c, SESSION_COOKIE);
  return session ? createHash('sha256').update(`onramp ${purpose}\0`).update(session).digest() : null;
}

/** `plain` sealed (base64url), or null without a session to seal under. */
export function sealForSession(c: WebContext, purpose: string, plain: Buffer): string | null {
  const key = keyOf(c, purpose);
  if (!key) return null;
  const iv = takeRandomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** What was sealed for this session and purpose; null when another's, altered or not ours. */
export function openForSession(c: WebContext, purpose: string, sealed: string): Buffer | null {
  const key = keyOf(c, purpose);
  if (!key || !/^[A-Za-z0-9_-]+$/.test(sealed)) return null;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  } catch {
    return null;
  }
}
