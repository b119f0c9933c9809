/**
 * The mail thread's entry point: a pooled nodemailer transport (createMailer) in a worker thread,
 * so MIME building, DKIM signing and SMTP sockets do not share the main thread with the database
 * (PGlite runs in it) and the worker's loops. Each request carries an id; each reply names it.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { createMailer, MailSendError } from './create-mailer.js';
import type { MailerOptions, MailThreadReply, MailThreadRequest } from './mail-thread-protocol.js';

const port = parentPort!;
const mailer = createMailer(workerData as MailerOptions);

function failure(err: unknown): MailThreadReply['error'] {
  if (err instanceof MailSendError)
    return {
      message: err.message,
      permanent: err.permanent,
      responseCode: err.responseCode,
      code: err.code,
    };
  return { message: err instanceof Error ? err.message : String(err), permanent: false };
}

port.on('message', (request: MailThreadRequest) => {
  if (request.kind === 'close') {
    mailer.close();
    port.close();
    return;
  }
  const work = request.kind === 'send' ? mailer.send(request.mail) : mailer.verify();
  work.then(
    (result) => port.postMessage({ id: request.id, result: result ?? undefined } satisfies MailThreadReply),
    (err: unknown) => port.postMessage({ id: request.id, error: failure(err) } satisfies MailThreadReply),
  );
});
