import nodemailer, { type NodemailerError } from 'nodemailer';

import type { Person } from './email-types.js';
import { SMTP_POOL_DEFAULTS } from './smtp-pool-defaults.js';

/** One message for one recipient, already rendered. */
export interface OutgoingEmail {
  to: Person;
  subject: string;
  html: string;
  text: string;
  /** e.g. '<snd_abc@onramp>': stable per send, so a retry after a crash is recognisable. */
  messageId: string;
  headers?: Record<string, string>;
}

/** A DKIM signing key: every message gets a DKIM-Signature for `domainName` (d=) and `keySelector` (s=). */
export interface DkimKey {
  domainName: string;
  keySelector: string;
  /** PEM, RSA (nodemailer signs rsa-sha256). */
  privateKey: string;
}

export interface SendResult {
  /** The server's final reply, e.g. '250 OK: queued as 1234'. */
  response: string;
  accepted: string[];
  rejected: string[];
}

export interface Mailer {
  /** Resolves once the server accepted the message; rejects with a MailSendError otherwise. */
  send(mail: OutgoingEmail): Promise<SendResult>;
  /** Connects and greets the server, to fail fast on a wrong SMTP_URL at start-up. */
  verify(): Promise<void>;
  close(): void;
}

/**
 * Why a send failed. `permanent`: the server refused this message or recipient for good (5xx),
 * so a retry would fail the same way. Otherwise transient: connection trouble, a 4xx reply, or
 * our own relay's credentials; retry later. `throttled`: the server asked us to slow down (421
 * "service not available, closing", 454 as Amazon SES answers past its sending rate); nothing
 * is wrong with the message, so the outbox sends it again later without counting an attempt.
 */
export class MailSendError extends Error {
  override readonly name = 'MailSendError';
  readonly permanent: boolean;
  readonly throttled: boolean;
  /** SMTP reply code, when the server replied. */
  readonly responseCode: number | undefined;
  /** nodemailer's error code, e.g. 'EENVELOPE', 'ESOCKET'. */
  readonly code: string | undefined;

  constructor(
    message: string,
    details: { permanent: boolean; responseCode?: number; code?: string; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.permanent = details.permanent;
    this.throttled = details.responseCode !== undefined && THROTTLING_CODES.has(details.responseCode);
    this.responseCode = details.responseCode;
    this.code = details.code;
  }
}

/** The replies with which servers ask a sender to slow down (RFC 5321 421; 454, e.g. Amazon SES). */
const THROTTLING_CODES = new Set([421, 454]);

export function createMailer(opts: {
  smtpUrl: string;
  from: string;
  replyTo?: string;
  pool?: boolean;
  maxConnections?: number;
  /** Messages one pooled connection carries before it is replaced (SMTP_MESSAGES_PER_CONNECTION). */
  messagesPerConnection?: number;
  /** Signs every message with nodemailer's own DKIM signer; unset = unsigned. */
  dkim?: DkimKey | undefined;
}): Mailer {
  const defaults = { from: opts.from, ...(opts.replyTo ? { replyTo: opts.replyTo } : {}) };
  const common = {
    url: opts.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
    ...(opts.dkim ? { dkim: { ...opts.dkim } } : {}),
  };
  const transport =
    opts.pool === false
      ? nodemailer.createTransport(common, defaults)
      : nodemailer.createTransport(
          {
            ...common,
            pool: true,
            maxConnections: opts.maxConnections ?? SMTP_POOL_DEFAULTS.connections,
            maxMessages: opts.messagesPerConnection ?? SMTP_POOL_DEFAULTS.messagesPerConnection,
          },
          defaults,
        );

  return {
    async send(mail) {
      const info = await transport
        .sendMail({
          to: { name: mail.to.name, address: mail.to.email },
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId: mail.messageId,
          headers: mail.headers ?? {},
        })
        .catch((err: unknown) => {
          throw toMailSendError(err);
        });
      if (info.rejected.length > 0) {
        // Only reached when some recipients were accepted; with one recipient sendMail rejects.
        throw new MailSendError(`Recipient rejected: ${info.rejected.join(', ')}: ${info.response}`, {
          permanent: true,
        });
      }
      return { response: info.response, accepted: info.accepted, rejected: info.rejected };
    },
    async verify() {
      await transport.verify().catch((err: unknown) => {
        throw toMailSendError(err);
      });
    },
    close() {
      transport.close();
    },
  };
}

function toMailSendError(err: unknown): MailSendError {
  if (!(err instanceof Error)) return new MailSendError(String(err), { permanent: false, cause: err });
  const { responseCode, code } = err as NodemailerError;
  return new MailSendError(err.message, {
    permanent: isPermanent(responseCode, code),
    ...(responseCode ? { responseCode } : {}),
    ...(code ? { code } : {}),
    cause: err,
  });
}

/**
 * 5xx is permanent (RFC 5321), except 503 "bad sequence" (a session problem; a new connection
 * may succeed) and authentication failures (our relay's configuration, not this message).
 * nodemailer refuses a malformed address before talking to the server: permanent too.
 */
function isPermanent(responseCode: number | undefined, code: string | undefined): boolean {
  if (code === 'EAUTH' || code === 'ENOAUTH') return false;
  if (responseCode) return responseCode >= 500 && responseCode < 600 && responseCode !== 503;
  return code === 'EENVELOPE' || code === 'EMESSAGE';
}
