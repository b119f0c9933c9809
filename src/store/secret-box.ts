/**
 * Secrets at rest: what the database must hold for a while but nobody reading it (a dump, a
 * backup, a replica) may use — the links of e-mails still waiting in the outbox, and the first
 * answers kept for Idempotency-Key replays (a new API token or webhook secret is in them), and the
 * webhook endpoints' signing secrets.
 *
 * AES-256-GCM (node:crypto) under a key from the environment (OUTBOX_SECRET_KEY). A sealed value is
 * `sealed:v1:<key id>:<iv>:<ciphertext + tag>` (base64url); the key id is a hash of the key, so an
 * operator names no keys, and a value sealed under an older key is opened with OUTBOX_SECRET_KEYS_OLD
 * while it lasts (see docs/architecture.md, "Secrets at rest"). The purpose ("outbox",
 * "idempotency", "webhook") is the additional authenticated data: a value cannot be moved from one
 * use to another.
 *
 * The ring is process-wide, installed once by the composition root (`openDatabase`): the outbox
 * payload is built by `emailPayload` deep inside use cases that have no key to pass, and threading
 * one through every writer of e-mail would touch them all for a value that never changes while the
 * process lives. A process that installs none (a test file, a tool) gets a random key of its own.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

import { takeRandomBytes } from '../take-random-bytes.js';

const PREFIX = 'sealed:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** `sso`: an identity provider's client secret and a session's ID token (migrations/032, 033). */
export type SealPurpose = 'outbox' | 'idempotency' | 'webhook' | 'sso';

export interface SecretKey {
  /** 8 hex digits of SHA-256 over the key: stored with each value, names no secret. */
  id: string;
  key: Buffer;
}

/** The key new values are sealed with, and older ones still accepted for opening. */
export interface KeyRing {
  current: SecretKey;
  previous: SecretKey[];
}

export function secretKeyOf(key: Buffer): SecretKey {
  if (key.length !== KEY_BYTES) throw new Error(`a secret key is ${KEY_BYTES} bytes`);
  const id = createHash('sha256').update('onramp secret key id\n').update(key).digest('hex').slice(0, 8);
  return { id, key };
}

/** A key as written in the environment: 64 hex digits, or 32 bytes in base64 / base64url. */
export function parseSecretKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const key = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return key.length === KEY_BYTES ? key : null;
  }
  return null;
}

export function newSecretKeyText(): string {
  return randomBytes(KEY_BYTES).toString('base64url');
}

export function keyRingOf(current: Buffer, previous: Buffer[] = []): KeyRing {
  return { current: secretKeyOf(current), previous: previous.map(secretKeyOf) };
}

let installed: KeyRing | null = null;

/** Makes `ring` the process's keys (called once at start; a test may install its own). */
export function installKeyRing(ring: KeyRing): void {
  installed = ring;
}

export function keyRing(): KeyRing {
  installed ??= keyRingOf(randomBytes(KEY_BYTES));
  return installed;
}

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** Seals `plain` under the current key; a fresh random IV each time. */
export function seal(plain: string, purpose: SealPurpose, ring: KeyRing = keyRing()): string {
  const iv = takeRandomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${ring.current.id}:${iv.toString('base64url')}:${body.toString('base64url')}`;
}

export class UnsealError extends Error {
  override readonly name = 'UnsealError';
}

/** The key id a sealed value names (to find values still under an old key). */
export function sealedKeyId(sealed: string): string | null {
  return isSealed(sealed) ? (sealed.slice(PREFIX.length).split(':')[0] ?? null) : null;
}

/** Opens a sealed value; an unknown key or a changed byte is an UnsealError (the message names no secret). */
export function unseal(sealed: string, purpose: SealPurpose, ring: KeyRing = keyRing()): string {
  const [id, ivText, bodyText, ...rest] = sealed.slice(PREFIX.length).split(':');
  if (!isSealed(sealed) || !id || !ivText || !bodyText || rest.length > 0)
    throw new UnsealError('not a sealed value');
  const key = [ring.current, ...ring.previous].find((k) => k.id === id);
  if (!key) throw new UnsealError(`sealed under key ${id}, which is not in OUTBOX_SECRET_KEY(S_OLD)`);
  const body = Buffer.from(bodyText, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(ivText, 'base64url'));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new UnsealError(`sealed value under key ${id} does not authenticate`);
  }
}
