/**
 * What every use case receives: the database, the clock, randomness and the settings it needs.
 * Injected so tests move time and never sleep.
 */
import { createHash, randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { Policy } from '../domain/policy.js';
import type { TransactionRetry } from '../store/run-transaction.js';
import type { Database } from '../store/schema.js';
import { takeRandomBytes } from '../take-random-bytes.js';
import type { PasswordHasher } from './identity/hash-password.js';
import type { RateLimits } from './rate-limits.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests and `run-due --now` set by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Ids {
  /** A new opaque id with a readable prefix, e.g. ord_..., snd_... */
  newId(prefix: string): string;
  /** A new 256-bit secret, base64url. */
  newToken(): string;
}

export const randomIds: Ids = {
  newId: (prefix) => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
  newToken: () => takeRandomBytes(32).toString('base64url'),
};

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export interface AppSettings {
  policy: Policy;
  publicUrl: string;
  adminPortalUrl: string;
  setupLinkTtlDays: number;
  mailFrom: string;
  /** The product's name in e-mails and pages (BRAND_NAME). */
  brandName: string;
  /** Webhook deliveries; absent = private addresses refused, 10 s timeout. */
  webhooks?: WebhookSettings;
  /** Sign-in and resend limits; the defaults of rate-limits.ts when absent. */
  rateLimits?: RateLimits;
  /**
   * PROVISIONING_EMAILS_PER_ADDRESS_PER_HOUR: provisioning e-mails one recipient address gets in
   * any hour, across all partners; the outbox holds the rest back until the address has room.
   * 6 when absent.
   */
  provisioningEmailsPerAddressPerHour?: number;
  /** DIGEST_HOUR_UTC: the hour (0-23, UTC) from which the day's digest e-mails go out; 7 when absent. */
  dailyDigestHourUtc?: number;
}

export interface WebhookSettings {
  /** WEBHOOKS_ALLOW_PRIVATE: endpoints on loopback and private addresses (tests, local setups). */
  allowPrivate: boolean;
  /** How long a receiver may take to answer. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = { allowPrivate: false, timeoutMs: 10_000 };

export interface AppDeps {
  db: Kysely<Database>;
  clock: Clock;
  ids: Ids;
  settings: AppSettings;
  /** Password hashing (scrypt); tests pass one that counts its runs. */
  passwords?: PasswordHasher;
  /** DNS TXT lookups for single sign-on domain verification (node:dns when absent); tests answer them. */
  resolveTxt?: (name: string) => Promise<string[][]>;
  /** How a transaction aborted by a deadlock or serialization failure waits before it runs again (`inTransaction`). */
  transactionRetry?: TransactionRetry;
}
