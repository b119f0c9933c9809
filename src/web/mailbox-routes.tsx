/** /dev/mailbox: what the built-in SMTP sink caught (embedded/demo mode only). */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';

import { findCapturedMail, latestCapturedMail } from '../store/captured-mail-repository.js';
import type { Database } from '../store/schema.js';

export function mailboxRoutes(db: Kysely<Database>): Hono {
  const app = new Hono();
  app.get('/dev/mailbox.json', async (c) => {
    const limit = Math.min(Math.max(Number(c.req.query('limit')) || 100, 1), 1000);
    const to = c.req.query('to')?.toLowerCase();
    const rows = (await latestCapturedMail(db, limit)).filter(
      (m) => !to || m.rcpt_to.some((r) => r.toLowerCase() === to),
    );
    return c.json({
      messages: rows.map((m) => ({
        id: m.id,
        receivedAt: m.received_at.toISOString(),
        messageId: m.message_id,
        from: m.mail_from,
        to: m.rcpt_to,
        subject: m.subject,
        text: m.text_body,
        html: m.html_body,
        links: m.links,
      })),
    });
  });

  app.get('/dev/mailbox', async (c) => {
    const rows = await latestCapturedMail(db, 200);
    return c.html(
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Mailbox · Onramp</title>
        </head>
        <body style="font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem">
          <h1>Mailbox</h1>
          <p>E-mail caught by the built-in SMTP sink. Newest first.</p>
          <table style="width: 100%; border-collapse: collapse">
            <thead>
              <tr>
                <th scope="col" style="text-align: left">
                  Received
                </th>
                <th scope="col" style="text-align: left">
                  To
                </th>
                <th scope="col" style="text-align: left">
                  Subject
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr>
                  <td>{m.received_at.toISOString().replace('T', ' ').slice(0, 19)}</td>
                  <td>{m.rcpt_to.join(', ')}</td>
                  <td>
                    <a href={`/dev/mailbox/${m.id}`}>{m.subject}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </body>
      </html>,
    );
  });

  app.get('/dev/mailbox/:id{[0-9]+}', async (c) => {
    const m = await findCapturedMail(db, Number(c.req.param('id')));
    if (!m) return c.text('Not found', 404);
    // The message HTML is shown in a sandboxed frame (no scripts, no same-origin access).
    return c.html(
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <title>{m.subject} · Mailbox</title>
        </head>
        <body style="font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem">
          <p>
            <a href="/dev/mailbox">← Mailbox</a>
          </p>
          <h1>{m.subject}</h1>
          <dl>
            <dt>From</dt>
            <dd>{m.mail_from}</dd>
            <dt>To</dt>
            <dd>{m.rcpt_to.join(', ')}</dd>
            <dt>Message-ID</dt>
            <dd>{m.message_id}</dd>
          </dl>
          <h2>HTML</h2>
          <iframe
            title="HTML version"
            sandbox=""
            srcdoc={m.html_body}
            style="width: 100%; height: 40rem; border: 1px solid #ccc"
          />
          <h2>Text</h2>
          <pre style="white-space: pre-wrap">{m.text_body}</pre>
        </body>
      </html>,
    );
  });
  return app;
}
