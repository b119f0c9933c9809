/**
 * A new token's secret crosses one redirect (POST → 303 → GET /settings/tokens), so a reload
 * never creates a second token and never shows the secret again. It travels in a short-lived
 * cookie, encrypted (AES-256-GCM) under a key derived from the browser's session id: the server
 * stores nothing, any web process can read it, no other session can, and the GET that shows it
 * deletes it.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

import { SESSION_COOKIE } from '../web-session.js';
import type { WebContext } from '../workspace/workspace-support.js';
import { TOKENS_PATH } from './token-paths.js';

const FLASH_COOKIE = 'onramp_new_token';
const FLASH_SECONDS = 300;

export interface NewTokenFlash {
  kind: 'created' | 'rolled';
  tokenId: string;
  name: string;
  token: string;
  /** Rolled: when the previous token stops, and whether it already has (no grace period). */
  previousExpiresAt?: string;
  previousStopped?: boolean;
  /** The user it was issued to: shown to nobody else, even on a shared browser session. */
  userId: string;
}

function keyOf(c: WebContext): Buffer | null {
  const session = getCookie(c, SESSION_COOKIE);
  return session ? createHash('sha256').update('onramp new-token flash\0').update(session).digest() : null;
}

export function setNewTokenFlash(c: WebContext, flash: NewTokenFlash, secure: boolean): void {
  const key = keyOf(c);
  if (!key) return;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(flash), 'utf8'), cipher.final()]);
  const value = Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  setCookie(c, FLASH_COOKIE, value, {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: TOKENS_PATH,
    maxAge: FLASH_SECONDS,
  });
}

/** The flash for this user, if any; it is deleted either way (shown once). */
export function takeNewTokenFlash(c: WebContext, userId: string): NewTokenFlash | null {
  const value = getCookie(c, FLASH_COOKIE);
  if (!value) return null;
  deleteCookie(c, FLASH_COOKIE, { path: TOKENS_PATH });
  const key = keyOf(c);
  if (!key || value.length > 4096) return null;
  try {
    const raw = Buffer.from(value, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const flash = JSON.parse(text) as NewTokenFlash;
    return flash.userId === userId ? flash : null;
  } catch {
    return null; // another session's, tampered with, or from an older format: show nothing
  }
}
