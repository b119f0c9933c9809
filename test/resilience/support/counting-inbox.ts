/**
 * A real SMTP server (the product's own sink, on a socket) that keeps the Message-ID of every
 * message it accepts, duplicates included. (An outage is made with a TCP proxy in front of it.)
 */
import { startMailSink } from '../../../src/email/index.js';

export interface CountingInbox {
  port: number;
  /** Message-IDs in arrival order, duplicates kept. */
  ids: string[];
  /** When each of `ids` was accepted (ms since the epoch, this machine's clock). */
  times: number[];
  /** How many times each Message-ID arrived. */
  counts(): Map<string, number>;
  close(): Promise<void>;
}

function messageIdOf(raw: Buffer): string {
  const head = raw.subarray(0, raw.indexOf('\r\n\r\n') + 1 || raw.length).toString('utf8');
  return /^message-id:\s*(<[^>\r\n]+>)/im.exec(head)?.[1] ?? '(none)';
}

export async function startCountingInbox(port = 0): Promise<CountingInbox> {
  const ids: string[] = [];
  const times: number[] = [];
  const sink = await startMailSink({
    port,
    onMessage: async (raw) => {
      ids.push(messageIdOf(raw));
      times.push(Date.now());
    },
  });
  return {
    port: sink.port,
    ids,
    times,
    counts: () => {
      const counts = new Map<string, number>();
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
      return counts;
    },
    close: () => sink.close(),
  };
}
