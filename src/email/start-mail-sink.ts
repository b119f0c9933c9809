import type { AddressInfo } from 'node:net';

import { SMTPServer, type SMTPServerDataStream, type SMTPServerError } from 'smtp-server';

export interface MailSink {
  port: number;
  host: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * The built-in SMTP server of embedded/demo mode and of the tests: accepts every message (no TLS,
 * any or no credentials) and hands the raw bytes to `onMessage`. Not a relay; it delivers nowhere.
 */
export async function startMailSink(opts: {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A rejection answers 451, a temporary failure, so the sender retries. */
  onMessage: (raw: Buffer, envelope: { from: string; to: string[] }) => Promise<void>;
  /** For tests: recipients for which the sink answers 550. */
  rejectRecipients?: (address: string) => boolean;
}): Promise<MailSink> {
  const server = new SMTPServer({
    name: 'onramp-mail-sink',
    banner: 'Onramp mail sink',
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    disableReverseLookup: true,
    // Pooled clients keep idle connections open; do not let them hold up shutdown for long.
    closeTimeout: 1000,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'sink' });
    },
    onRcptTo(address, _session, callback) {
      if (opts.rejectRecipients?.(address.address)) {
        callback(smtpError(`Mailbox unavailable: ${address.address}`, 550));
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
      };
      readAll(stream)
        .then(async (raw) => {
          if (!raw) throw smtpError('Message exceeds fixed maximum message size', 552);
          try {
            await opts.onMessage(raw, envelope);
          } catch (err) {
            throw smtpError(`Temporary failure: ${errorMessage(err)}`, 451);
          }
        })
        .then(() => callback(), callback);
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client that drops its connection is the client's problem; without a listener the
  // emitted 'error' would crash the process.
  server.on('error', () => {});
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    host: address.address,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The whole message, or null when it went over the size limit (the rest is not buffered). */
function readAll(stream: SMTPServerDataStream): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(stream.sizeExceeded ? null : Buffer.concat(chunks)));
  });
}

function smtpError(message: string, responseCode: number): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
