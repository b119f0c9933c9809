/** What the main thread and the mail thread (serve-mail-thread.ts) say to each other. */
import type { createMailer, OutgoingEmail, SendResult } from './create-mailer.js';

export type MailerOptions = Parameters<typeof createMailer>[0];

export type MailThreadRequest =
  { kind: 'send'; id: number; mail: OutgoingEmail } | { kind: 'verify'; id: number } | { kind: 'close' };

export interface MailThreadReply {
  id: number;
  result?: SendResult | undefined;
  /** A MailSendError's fields: errors cross threads as plain data. */
  error?:
    | { message: string; permanent: boolean; responseCode?: number | undefined; code?: string | undefined }
    | undefined;
}
