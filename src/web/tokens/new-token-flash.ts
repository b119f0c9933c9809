/**
 * A new token's secret crosses one redirect (POST → 303 → GET /settings/tokens), so a reload
 * never creates a second token and never shows the secret again. It travels in a short-lived
 * cookie, encrypted (AES-256-GCM) under a key derived from the browser's session id: the server
 * stores nothing, any web process can read it, no other session can, and the GET that shows it
 * deletes it.
 */
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

import { openForSession, sealForSession } from '../session-seal.js';
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

const PURPOSE = 'new-token flash';

export function setNewTokenFlash(c: WebContext, flash: NewTokenFlash, secure: boolean): void {
  const value = sealForSession(c, PURPOSE, Buffer.from(JSON.stringify(flash), 'utf8'));
  if (!value) return;
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
  const plain = value.length > 4096 ? null : openForSession(c, PURPOSE, value);
  if (!plain) return null; // another session's, tampered with, or from an older format: show nothing
  try {
    const flash = JSON.parse(plain.toString('utf8')) as NewTokenFlash;
    return flash.userId === userId ? flash : null;
  } catch {
    return null;
  }
}
