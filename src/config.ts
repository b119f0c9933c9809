/**
 * One typed configuration object, read from the environment and validated at start.
 * A bad value stops the process with a message naming the variable.
 */
import { z } from 'zod';

import type { RateLimits } from './app/rate-limits.js';
import { checkVariablesTogether } from './config-cross-checks.js';
import { dkimOf } from './config-dkim.js';
import { ConfigError } from './config-error.js';
import { type SecretKeys, secretKeysOf } from './config-secret-keys.js';
import { type TrustProxy, trustProxyVariable } from './config-trust-proxy.js';
import { DEFAULT_BRAND_NAME, displayName } from './domain/display-name.js';
import { buildPolicy, type Policy } from './domain/policy.js';
import { DEFAULT_RETENTION, type Retention } from './domain/retention.js';
import type { DkimKey } from './email/index.js';
import { SMTP_POOL_DEFAULTS } from './email/smtp-pool-defaults.js';
import type { DatabaseTimeouts } from './store/open-store.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
/** "10/900" -> 10 hits per 900-second window */
const rateLimit = z
  .string()
  .regex(/^\s*\d{1,6}\s*\/\s*\d{1,6}\s*$/, 'expected HITS/SECONDS, e.g. 10/900')
  .transform((s) => {
    const [limit, seconds] = s.split('/').map((p) => Number(p.trim())) as [number, number];
    return { limit, windowMs: Math.max(1, seconds) * 1000 };
  });
/** Dot-separated DNS labels (letters, digits, inner hyphens); a domain has at least two. */
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const dnsName = (minLabels: 1 | 2, what: string) =>
  z.string().regex(new RegExp(`^${LABEL}(?:\\.${LABEL})${minLabels === 1 ? '*' : '+'}$`), what);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** "A-FLEX=7,A-FLEX-3=7" -> { 'A-FLEX': 7, 'A-FLEX-3': 7 } */
const offerDays = z
  .string()
  .regex(/^\s*([A-Z0-9-]+=\d{1,3}\s*)(,\s*[A-Z0-9-]+=\d{1,3}\s*)*$/, 'expected OFFER=DAYS,OFFER=DAYS')
  .transform((s) =>
    Object.fromEntries(
      s
        .split(',')
        .map((p) => p.trim().split('=') as [string, string])
        .map(([k, v]) => [k, Number(v)]),
    ),
  );
/** "3,1" -> [3, 1] */
const dayList = z
  .string()
  .regex(/^\s*(\d{1,3}\s*(,\s*\d{1,3}\s*)*)?$/, 'expected a comma-separated list of days, e.g. 3,1')
  .transform((s) => (s.trim() === '' ? [] : s.split(',').map((d) => Number(d.trim()))));

export { dkimMisaligned } from './config-dkim.js';
export { ConfigError } from './config-error.js';

export const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: int(0, 65535).default(3000),
  WORKER_PORT: int(0, 65535).default(9464),
  TRUST_PROXY: trustProxyVariable,
  PUBLIC_URL: z.url().optional(),
  ADMIN_PORTAL_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// URL')
    .optional(),
  DATABASE_POOL_SIZE: int(1, 200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: int(100, 120_000).default(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: int(0, 3_600_000).default(15_000),
  DATABASE_QUERY_TIMEOUT_MS: int(0, 3_600_000).default(17_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: int(0, 3_600_000).default(60_000),
  DATA_DIR: z.string().min(1).default('./data'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'expected an smtp:// or smtps:// URL')
    .optional(),
  SMTP_POOL_SIZE: int(1, 100).default(SMTP_POOL_DEFAULTS.connections),
  // Messages a pooled connection carries before it is closed and a new one opened.
  SMTP_MESSAGES_PER_CONNECTION: int(1, 1_000_000).default(SMTP_POOL_DEFAULTS.messagesPerConnection),
  SMTP_THREAD: bool.default(false),
  // E-mails per second across every worker (one budget in the database); 0: unlimited.
  SMTP_MAX_PER_SECOND: z.coerce.number().min(0).max(10_000).default(0),
  MAIL_FROM: z.string().min(3).default('Onramp Provisioning <provisioning@onramp.localhost>'),
  MAIL_REPLY_TO: z.string().optional(),
  BRAND_NAME: displayName({ max: 60 }).default(DEFAULT_BRAND_NAME),
  MAIL_SINK_PORT: int(0, 65535).default(2525),
  MAILBOX_PUBLIC: bool.default(false),
  DKIM_DOMAIN: dnsName(2, 'expected a domain name, e.g. example.com').optional(),
  DKIM_SELECTOR: dnsName(1, 'expected a selector, e.g. onramp2026').optional(),
  DKIM_PRIVATE_KEY: z.string().optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().optional(),
  DEMO_DATA: bool.optional(),
  POLICY_CLOSE_AFTER_DAYS: offerDays.optional(),
  POLICY_DEFAULT_DAYS: int(1, 365).default(30),
  POLICY_REMINDER_DAYS: dayList.default([3, 1]),
  RSD_HOUR_UTC: int(0, 23).default(0),
  SETUP_LINK_TTL_DAYS: int(1, 365).default(90),
  DUE_INTERVAL_MS: int(100, 3_600_000).default(2_000),
  OUTBOX_INTERVAL_MS: int(50, 3_600_000).default(500),
  OUTBOX_BATCH_SIZE: int(1, 1000).default(100),
  OUTBOX_LANES: int(1, 16).default(2),
  OUTBOX_MAX_ATTEMPTS: int(1, 100).default(10),
  OUTBOX_BACKOFF_BASE_MS: int(10, 86_400_000).default(30_000),
  OUTBOX_BACKOFF_MAX_MS: int(10, 604_800_000).default(3_600_000),
  OUTBOX_LEASE_MS: int(1000, 3_600_000).default(120_000),
  OUTBOX_SECRET_KEY: z.string().optional(),
  OUTBOX_SECRET_KEYS_OLD: z.string().optional(),
  EMAIL_EVENTS_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MAX_BODY_BYTES: int(1024, 100_000_000).default(1_000_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  WEBHOOKS_ALLOW_PRIVATE: bool.default(false),
  WEBHOOKS_TIMEOUT_MS: int(100, 120_000).default(10_000),
  // Failed sign-ins, FREE/SECONDS: free failures, then a doubling wait of at most SECONDS (identity/sign-in.ts).
  SIGN_IN_RATE_LIMIT: rateLimit.default({ limit: 10, windowMs: 900_000 }),
  SIGN_IN_IP_RATE_LIMIT: rateLimit.default({ limit: 100, windowMs: 900_000 }),
  RESEND_RATE_LIMIT: rateLimit.default({ limit: 120, windowMs: 3_600_000 }),
  CONTACT_CHANGE_RATE_LIMIT: rateLimit.default({ limit: 60, windowMs: 3_600_000 }),
  PROVISIONING_EMAILS_PER_ADDRESS_PER_HOUR: int(1, 1000).default(6),
  INVITATION_RATE_LIMIT: rateLimit.default({ limit: 20, windowMs: 3_600_000 }),
  DIGEST_HOUR_UTC: int(0, 23).default(7),
  PASSWORD_RESET_RATE_LIMIT: rateLimit.default({ limit: 3, windowMs: 3_600_000 }),
  PASSWORD_RESET_IP_RATE_LIMIT: rateLimit.default({ limit: 20, windowMs: 3_600_000 }),
  // Retention in days per kind (jobs/purge-expired-data.ts); 0 keeps that kind forever.
  RETENTION_OUTBOX_DAYS: int(0, 3650).default(DEFAULT_RETENTION.outboxDays),
  RETENTION_WEBHOOK_DELIVERIES_DAYS: int(0, 3650).default(DEFAULT_RETENTION.webhookDeliveriesDays),
  RETENTION_SESSIONS_DAYS: int(0, 3650).default(DEFAULT_RETENTION.sessionsDays),
  RETENTION_LINKS_DAYS: int(0, 3650).default(DEFAULT_RETENTION.linksDays),
  RETENTION_CAPTURED_MAIL_DAYS: int(0, 3650).default(DEFAULT_RETENTION.capturedMailDays),
  RETENTION_SCREENSHOTS_DAYS: int(0, 3650).default(DEFAULT_RETENTION.screenshotsDays),
});

export interface Config {
  mode: 'embedded' | 'production';
  host: string;
  port: number;
  /** TRUST_PROXY: the proxies to look through for a client's address (null: the socket's peer). */
  trustProxy: TrustProxy | null;
  /** `onramp worker` alone serves /healthz, /readyz and /metrics here (0: any free port). */
  workerPort: number;
  publicUrl: string;
  adminPortalUrl: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** DATABASE_*_TIMEOUT_MS: how long PostgreSQL work may take (see src/store/open-store.ts). */
  databaseTimeouts: DatabaseTimeouts;
  dataDir: string;
  smtpUrl: string | undefined;
  smtpPoolSize: number;
  smtpMessagesPerConnection: number;
  smtpThread: boolean; // SMTP_THREAD: MIME and SMTP in a mail thread (opt-in, createThreadedMailer)
  mailFrom: string;
  /** BRAND_NAME: the product's name in every e-mail and page (signatures, subjects, titles). */
  brandName: string;
  mailReplyTo: string | undefined;
  mailSinkPort: number;
  /** MAILBOX_PUBLIC: serve /dev/mailbox in demo mode even when HOST is not loopback. */
  mailboxPublic: boolean;
  /** DKIM signing of every outgoing e-mail (DKIM_*); unset = unsigned. */
  dkim: DkimKey | undefined;
  demoData: boolean;
  policy: Policy;
  setupLinkTtlDays: number;
  dueIntervalMs: number;
  outbox: {
    intervalMs: number;
    batchSize: number;
    lanes: number;
    maxAttempts: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
    leaseMs: number;
    /** SMTP_MAX_PER_SECOND: the sending budget shared by every worker; undefined: unlimited. */
    maxPerSecond: number | undefined;
  };
  maxBodyBytes: number;
  /** OUTBOX_SECRET_KEY(S_OLD): seal the secrets kept at rest (see config-secret-keys.ts). */
  secretKeys: SecretKeys;
  /** Shared secret mail providers send with POST /api/v1/email-events; unset = endpoint off. */
  emailEventsSecret: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** LOG_FORMAT; unset = readable lines on a terminal, JSON otherwise (observability/create-logger.ts). */
  logFormat: 'pretty' | 'json' | undefined;
  /** Webhook endpoints on loopback/private addresses allowed (tests, local setups); timeout per delivery. */
  webhooks: { allowPrivate: boolean; timeoutMs: number };
  rateLimits: RateLimits;
  /** Provisioning e-mails one recipient address gets per hour, across all partners; more wait. */
  provisioningEmailsPerAddressPerHour: number;
  /** The hour (UTC) from which the worker sends the day's digest e-mails. */
  dailyDigestHourUtc: number;
  /** RETENTION_*_DAYS: how long the worker keeps each kind of data (0: forever). */
  retention: Retention;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty variables count as unset, as most shells and compose files expect.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message })),
    );
  }
  const e = parsed.data;
  checkVariablesTogether(e);
  const dkim = dkimOf(e);
  const mode = e.DATABASE_URL ? 'production' : 'embedded';
  const secretKeys = secretKeysOf(e, mode);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    mode,
    host: e.HOST,
    port: e.PORT,
    workerPort: e.WORKER_PORT,
    trustProxy: e.TRUST_PROXY,
    publicUrl,
    adminPortalUrl: e.ADMIN_PORTAL_URL ?? `${publicUrl}/admin`,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseTimeouts: {
      connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      queryMs: e.DATABASE_QUERY_TIMEOUT_MS,
      idleInTransactionMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    dataDir: e.DATA_DIR,
    smtpUrl: e.SMTP_URL,
    smtpPoolSize: e.SMTP_POOL_SIZE,
    smtpMessagesPerConnection: e.SMTP_MESSAGES_PER_CONNECTION,
    smtpThread: e.SMTP_THREAD,
    mailFrom: e.MAIL_FROM,
    brandName: e.BRAND_NAME,
    mailReplyTo: e.MAIL_REPLY_TO,
    mailSinkPort: e.MAIL_SINK_PORT,
    mailboxPublic: e.MAILBOX_PUBLIC,
    dkim,
    demoData: e.DEMO_DATA ?? mode === 'embedded',
    policy: buildPolicy({
      closeAfterDays: e.POLICY_CLOSE_AFTER_DAYS ?? {},
      defaultDays: e.POLICY_DEFAULT_DAYS,
      defaultReminderDaysBefore: e.POLICY_REMINDER_DAYS,
      rsdHourUtc: e.RSD_HOUR_UTC,
    }),
    setupLinkTtlDays: e.SETUP_LINK_TTL_DAYS,
    dueIntervalMs: e.DUE_INTERVAL_MS,
    outbox: {
      intervalMs: e.OUTBOX_INTERVAL_MS,
      batchSize: e.OUTBOX_BATCH_SIZE,
      lanes: e.OUTBOX_LANES,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
      backoffBaseMs: e.OUTBOX_BACKOFF_BASE_MS,
      backoffMaxMs: e.OUTBOX_BACKOFF_MAX_MS,
      leaseMs: e.OUTBOX_LEASE_MS,
      maxPerSecond: e.SMTP_MAX_PER_SECOND > 0 ? e.SMTP_MAX_PER_SECOND : undefined,
    },
    maxBodyBytes: e.MAX_BODY_BYTES,
    secretKeys,
    emailEventsSecret: e.EMAIL_EVENTS_SECRET,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    webhooks: { allowPrivate: e.WEBHOOKS_ALLOW_PRIVATE, timeoutMs: e.WEBHOOKS_TIMEOUT_MS },
    rateLimits: {
      signInPerAddress: e.SIGN_IN_RATE_LIMIT,
      signInPerIp: e.SIGN_IN_IP_RATE_LIMIT,
      resendPerUser: e.RESEND_RATE_LIMIT,
      contactChangePerUser: e.CONTACT_CHANGE_RATE_LIMIT,
      passwordResetPerAddress: e.PASSWORD_RESET_RATE_LIMIT,
      passwordResetPerIp: e.PASSWORD_RESET_IP_RATE_LIMIT,
      invitationPerUser: e.INVITATION_RATE_LIMIT,
    },
    provisioningEmailsPerAddressPerHour: e.PROVISIONING_EMAILS_PER_ADDRESS_PER_HOUR,
    dailyDigestHourUtc: e.DIGEST_HOUR_UTC,
    retention: {
      outboxDays: e.RETENTION_OUTBOX_DAYS,
      webhookDeliveriesDays: e.RETENTION_WEBHOOK_DELIVERIES_DAYS,
      sessionsDays: e.RETENTION_SESSIONS_DAYS,
      linksDays: e.RETENTION_LINKS_DAYS,
      capturedMailDays: e.RETENTION_CAPTURED_MAIL_DAYS,
      screenshotsDays: e.RETENTION_SCREENSHOTS_DAYS,
    },
  };
}
