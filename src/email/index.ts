/** The e-mail module: templates (HTML + text, en/it), pooled SMTP transport, built-in SMTP sink. */
export type { DkimKey, Mailer, OutgoingEmail, SendResult } from './create-mailer.js';
export { createMailer, MailSendError } from './create-mailer.js';
export { createThreadedMailer } from './create-threaded-mailer.js';
export { emailT } from './email-i18n.js';
export type {
  EmailInput,
  EmailLine,
  EmailTemplate,
  Language,
  Person,
  RenderedEmail,
  TemplateFields,
  TemplateInput,
} from './email-types.js';
export type { ParsedMail } from './parse-mail.js';
export { parseMail } from './parse-mail.js';
export { renderEmail } from './render-email.js';
export type { MailSink } from './start-mail-sink.js';
export { startMailSink } from './start-mail-sink.js';
