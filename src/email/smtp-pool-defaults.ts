/**
 * The pooled SMTP connections' defaults, in one place: what SMTP_POOL_SIZE and
 * SMTP_MESSAGES_PER_CONNECTION are when unset, and what a mailer built without them uses (the
 * bench, tests). A module of its own, so the configuration reads them without loading nodemailer.
 */
export const SMTP_POOL_DEFAULTS = {
  /** Connections one worker keeps open to the server. */
  connections: 5,
  /**
   * Messages one connection carries before it is replaced. nodemailer's own default, 100,
   * reopened a connection (TCP, greeting, EHLO, TLS, AUTH) every 100 messages: about a third of
   * a burst's time against a server that pauses before its greeting (docs/benchmarks.md).
   */
  messagesPerConnection: 1000,
} as const;
