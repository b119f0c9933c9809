/**
 * What an outbox row carries, by topic. The topic decides the payload's type when a row is
 * written and its schema when a worker claims it: a row written by older code, or by hand, that
 * does not match is failed with the reason instead of crashing the worker or coming back forever.
 *
 * | topic   | payload                                                                     |
 * | ------- | --------------------------------------------------------------------------- |
 * | email   | `{ input }`: one template's input; its link tokens only in `input.secrets`,   |
 * |         | sealed (secret-box.ts): a database read never yields a working link         |
 * | webhook | `{ eventType, eventId, body }`: the exact signed body, the same on each retry |
 */
import { z } from 'zod';

import { WEBHOOK_EVENT_TYPES } from '../domain/webhook-events.js';
import {
  type EmailInput,
  emailInputSchema,
  type EmailTemplate,
  type TemplateFields,
} from '../email/email-types.js';
import { isSealed, seal, unseal, UnsealError } from './secret-box.js';

export const outboxPayloadSchemas = {
  email: z.object({ input: emailInputSchema }),
  webhook: z.object({
    eventType: z.enum(WEBHOOK_EVENT_TYPES),
    /** The event's id (one per event, shared by its deliveries to several endpoints). */
    eventId: z.string(),
    body: z.string(),
  }),
};

export type OutboxTopic = keyof typeof outboxPayloadSchemas;
/** A payload as a worker uses it: an e-mail's secrets opened. */
export type OutboxPayload<T extends OutboxTopic> = z.infer<(typeof outboxPayloadSchemas)[T]>;
export type OpenEmailPayload = OutboxPayload<'email'>;
export type WebhookPayload = OutboxPayload<'webhook'>;

/** An e-mail input as stored: its `secrets` part one sealed string, everything else readable. */
export type SealedEmailInput = EmailInput extends infer I
  ? I extends EmailInput
    ? I extends { secrets: unknown }
      ? Omit<I, 'secrets'> & { secrets: string }
      : I
    : never
  : never;

/** The payload of one e-mail as written: `enqueueEmail` and `writeProvisioningSends` write only these. */
export type EmailPayload = { input: SealedEmailInput };
/** What a row of each topic is written with. */
export type StoredPayload<T extends OutboxTopic> = T extends 'email' ? EmailPayload : OutboxPayload<T>;

/** Seals an input's secrets; an input already sealed, or with none, is returned as it is. */
export function sealEmailInput(input: EmailInput | SealedEmailInput): SealedEmailInput {
  if (!('secrets' in input) || typeof input.secrets === 'string') return input as SealedEmailInput;
  return { ...input, secrets: seal(JSON.stringify(input.secrets), 'outbox') } as SealedEmailInput;
}

/**
 * The payload of one e-mail, its link secrets sealed here, where every writer builds it: the
 * token never reaches the database (nor a query log) in clear.
 */
export function emailPayload<T extends EmailTemplate>(template: T, input: TemplateFields<T>): EmailPayload {
  // A template's tag and its fields make its input; TypeScript cannot follow that for a generic T.
  return { input: sealEmailInput({ template, ...input } as EmailInput) };
}

/**
 * A stored e-mail payload with its secrets opened, still unchecked (the schema decides next).
 * Rows written before sealing hold them in clear and pass as they are.
 */
function openEmailSecrets(raw: unknown): { ok: true; raw: unknown } | { ok: false; error: string } {
  const input = (raw as { input?: { secrets?: unknown } } | null)?.input;
  if (!input || !isSealed(input.secrets)) return { ok: true, raw };
  try {
    return {
      ok: true,
      raw: { ...raw!, input: { ...input, secrets: JSON.parse(unseal(input.secrets, 'outbox')) } },
    };
  } catch (e) {
    if (e instanceof UnsealError) return { ok: false, error: `email payload: input.secrets: ${e.message}` };
    throw e;
  }
}

export type ParsedPayload<T extends OutboxTopic> =
  { ok: true; payload: OutboxPayload<T> } | { ok: false; error: string };

/** At most this many problems are named in `last_error`; the first ones say enough. */
const MAX_ISSUES = 3;

/** Parses a claimed row's payload by its topic; the error names each bad field by its path. */
export function parseOutboxPayload<T extends OutboxTopic>(topic: T, stored: unknown): ParsedPayload<T> {
  const opened = topic === 'email' ? openEmailSecrets(stored) : { ok: true as const, raw: stored };
  if (!opened.ok) return opened;
  const result = outboxPayloadSchemas[topic].safeParse(opened.raw);
  if (result.success) return { ok: true, payload: result.data as OutboxPayload<T> };
  const issues = result.error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = result.error.issues.length - issues.length;
  return {
    ok: false,
    error: `${topic} payload does not parse: ${issues.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`,
  };
}

/** An e-mail input with its `secrets` part gone (and typed so it cannot come back). */
export type ScrubbedEmailInput = EmailInput extends infer I
  ? I extends EmailInput
    ? Omit<I, 'secrets'> & { secrets?: never }
    : never
  : never;

/**
 * What a finished row keeps: an e-mail's input without its secrets, or, when the payload did not
 * parse, nothing of it (a secret could be anywhere in a shape we do not know; `last_error` says
 * what was wrong).
 */
export type FinishedPayload = { input: ScrubbedEmailInput } | typeof UNPARSED_PAYLOAD;

export const UNPARSED_PAYLOAD = { unparsed: true } as const;

/** Drops the link secrets of an e-mail by structure: its input's `secrets` part. */
export function scrubEmailPayload(payload: OpenEmailPayload | EmailPayload): FinishedPayload {
  if (!('secrets' in payload.input)) return { input: payload.input };
  const { secrets: _secrets, ...input } = payload.input;
  return { input };
}

/** A digest that failed is worth sending late only the same day; the next one replaces it. */
export const DIGEST_WORTH_MS = 12 * 3_600_000;

/** A failed e-mail without a link that dies is still worth sending late for this long. */
export const LATE_EMAIL_WORTH_MS = 7 * 86_400_000;

/**
 * Until when a failed e-mail is worth sending once SMTP is back: while the link it carries still
 * works (and the deadline it promises is still ahead); without such a link, a week after failing.
 */
export function retryDeadlineOf(input: EmailInput, failedAt: Date): Date {
  switch (input.template) {
    case 'provisioning':
    case 'reminder':
      return new Date(input.deadline);
    case 'welcome':
      return new Date(input.passwordLinkExpiresAt);
    case 'invitation':
    case 'password-link':
      return new Date(input.expiresAt);
    case 'join-request':
      return new Date(input.expiresAt);
    case 'line-closed':
    case 'support-notice':
    case 'bounce-notice':
    case 'join-request-outcome':
      return new Date(failedAt.getTime() + LATE_EMAIL_WORTH_MS);
    case 'daily-digest':
      // Tomorrow's digest says it again, with what is true then.
      return new Date(failedAt.getTime() + DIGEST_WORTH_MS);
  }
}
