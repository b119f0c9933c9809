/**
 * The real delivery path for job tests: an SMTP sink on a local socket that keeps what it
 * receives, a pooled mailer pointed at it, and `dispatchOutbox` with small outbox settings.
 * Nothing is mocked; time moves only when a test advances the world's clock.
 */
import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';

import type { AppDeps } from '../../src/app/deps.js';
import {
  createMailer,
  type Mailer,
  type MailSink,
  type ParsedMail,
  parseMail,
  startMailSink,
} from '../../src/email/index.js';
import { dispatchOutbox, type DispatchSummary, type OutboxSettings } from '../../src/jobs/dispatch-outbox.js';
import type { StoreKind } from '../../src/store/open-store.js';
import { createWorld, type World } from '../support/world.js';

export const MINUTE = 60_000;
export const DAY = 86_400_000;
export const FROM = 'Onramp Provisioning <provisioning@onramp.test>';

/** Lease and backoff in minutes, so a test can step over each boundary by the millisecond. */
export const OUTBOX: OutboxSettings = {
  batchSize: 50,
  maxAttempts: 5,
  backoffBaseMs: MINUTE,
  backoffMaxMs: 4 * MINUTE,
  leaseMs: 10 * MINUTE,
};

export interface Received {
  envelope: { from: string; to: string[] };
  mail: ParsedMail;
}

export interface Inbox {
  port: number;
  received: Received[];
  /** Message-IDs received, in order, duplicates kept. */
  messageIds(): (string | null)[];
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

/**
 * A sink that parses and keeps every message; `rejectRecipients` answers 550; `whileReceiving`
 * runs while the sender waits for the server's answer (the message is in flight).
 */
export async function startInbox(
  opts: {
    port?: number;
    rejectRecipients?: (address: string) => boolean;
    whileReceiving?: (mail: ParsedMail) => Promise<void>;
  } = {},
): Promise<Inbox> {
  const received: Received[] = [];
  const { whileReceiving, ...sinkOpts } = opts;
  const sink: MailSink = await startMailSink({
    ...sinkOpts,
    onMessage: async (raw, envelope) => {
      const mail = await parseMail(raw);
      await whileReceiving?.(mail);
      received.push({ envelope, mail });
    },
  });
  return {
    port: sink.port,
    received,
    messageIds: () => received.map((r) => r.mail.messageId),
    to: (address) => received.filter((r) => r.envelope.to.includes(address)).map((r) => r.mail),
    close: () => sink.close(),
  };
}

/** A local port with nothing listening on it (for "the SMTP server is down"). */
export async function unusedPort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface Dispatcher {
  mailer: Mailer;
  /** One claim-and-send pass. */
  pass(): Promise<DispatchSummary>;
  /** Passes until nothing due is left at the current instant; the summed summary. */
  drain(): Promise<DispatchSummary>;
  close(): void;
}

/** A worker's outbox loop, by hand: its own mailer (own SMTP pool) and its own database handle. */
export function dispatcher(deps: AppDeps, port: number, outbox: OutboxSettings = OUTBOX): Dispatcher {
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM });
  const pass = () => dispatchOutbox({ ...deps, mailer, outbox });
  return {
    mailer,
    pass,
    drain: async () => {
      const total: DispatchSummary = { claimed: 0, sent: 0, retrying: 0, failed: 0, withdrawn: 0 };
      for (;;) {
        const s = await pass();
        total.claimed += s.claimed;
        total.sent += s.sent;
        total.retrying += s.retrying;
        total.failed += s.failed;
        total.withdrawn += s.withdrawn;
        if (s.claimed === 0) return total;
      }
    },
    close: () => mailer.close(),
  };
}

/** A test world with a real SMTP sink and a worker delivering into it. */
export interface MailWorld {
  w: World;
  inbox: Inbox;
  worker: Dispatcher;
}

export async function openMailWorld(
  kind: StoreKind,
  opts: Parameters<typeof createWorld>[1] = {},
): Promise<MailWorld> {
  const w = await createWorld(kind, opts);
  const inbox = await startInbox();
  return { w, inbox, worker: dispatcher(w.deps, inbox.port) };
}

export async function closeMailWorld({ w, inbox, worker }: MailWorld): Promise<void> {
  worker.close();
  await inbox.close();
  await w.close();
}
