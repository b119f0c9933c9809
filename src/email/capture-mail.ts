/** Stores what the built-in sink receives, for /dev/mailbox. */
import type { Kysely } from 'kysely';

import { insertCapturedMail } from '../store/captured-mail-repository.js';
import type { Database } from '../store/schema.js';
import { parseMail } from './parse-mail.js';

export function captureMailInto(db: Kysely<Database>, now: () => Date) {
  return async (raw: Buffer, envelope: { from: string; to: string[] }): Promise<void> => {
    const mail = await parseMail(raw);
    await insertCapturedMail(db, {
      received_at: now(),
      message_id: mail.messageId,
      mail_from: envelope.from,
      rcpt_to: envelope.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      links: JSON.stringify(mail.links),
    });
  };
}
