/**
 * A Mailer whose SMTP work runs in a worker thread (serve-mail-thread.ts). The profile of an RSD
 * burst on the embedded store (docs/benchmarks.md) showed the one thread shared by PGlite's WASM,
 * MIME building and SMTP sockets; this moves the last two to a second core. Same contract as
 * createMailer: send resolves when the server accepted, rejects with a MailSendError otherwise.
 * A thread that dies fails what it held as transient errors (the outbox retries them) and is
 * started again on the next send.
 */
import { Worker } from 'node:worker_threads';

import { type Mailer, MailSendError, type SendResult } from './create-mailer.js';
import type { MailerOptions, MailThreadReply, MailThreadRequest } from './mail-thread-protocol.js';

type Request = MailThreadRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(result: SendResult | undefined): void;
  reject(err: MailSendError): void;
}

/** Runs from dist/ as JavaScript; from src/ (tsx, vitest) the thread registers tsx first. */
function spawnThread(options: MailerOptions): Worker {
  const entry = new URL(
    import.meta.url.endsWith('.ts') ? './serve-mail-thread.ts' : './serve-mail-thread.js',
    import.meta.url,
  );
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: options });
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: options });
}

export function createThreadedMailer(options: MailerOptions): Mailer {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let thread: Worker | undefined;
  let closed = false;

  function failAll(message: string): void {
    for (const p of pending.values())
      p.reject(new MailSendError(message, { permanent: false, code: 'ETHREAD' }));
    pending.clear();
  }

  function started(): Worker {
    if (thread) return thread;
    const t = spawnThread(options);
    t.on('message', (reply: MailThreadReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.error) p.reject(new MailSendError(reply.error.message, reply.error));
      else p.resolve(reply.result);
    });
    t.on('error', (err) => failAll(`mail thread failed: ${err.message}`));
    t.on('exit', () => {
      if (thread === t) thread = undefined;
      failAll('mail thread stopped');
    });
    // An idle thread must not keep the process alive; requests in flight hold it (ref below).
    t.unref();
    thread = t;
    return t;
  }

  function ask(request: Request): Promise<SendResult | undefined> {
    if (closed)
      return Promise.reject(new MailSendError('mailer closed', { permanent: false, code: 'ECLOSED' }));
    const t = started();
    const id = nextId++;
    return new Promise<SendResult | undefined>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      if (pending.size === 1) t.ref();
      t.postMessage({ ...request, id } as MailThreadRequest);
    }).finally(() => {
      if (pending.size === 0) thread?.unref();
    });
  }

  return {
    async send(mail) {
      return (await ask({ kind: 'send', mail }))!;
    },
    async verify() {
      await ask({ kind: 'verify' });
    },
    close() {
      closed = true;
      thread?.postMessage({ kind: 'close' } satisfies MailThreadRequest);
      thread = undefined;
    },
  };
}
