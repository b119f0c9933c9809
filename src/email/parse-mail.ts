import type { AddressObject, EmailAddress } from 'mailparser';

/** A received message, as the dev mailbox and the tests read it. */
export interface ParsedMail {
  /** With angle brackets, e.g. '<snd_abc@onramp>'; null when the message has none. */
  messageId: string | null;
  /** The From address (no display name); '' when missing. */
  from: string;
  /** Every To address, groups flattened. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Every http(s) href in the HTML plus every URL in the text, deduplicated, in order. */
  links: string[];
  date: Date | null;
}

export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  // Loaded on the first message, not at start: mailparser is the slowest module to import, and
  // only the built-in sink (embedded mode) and the tests parse mail.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
  const html = mail.html || '';
  const text = mail.text ?? '';
  return {
    messageId: mail.messageId ?? null,
    from: mail.from ? (addresses(mail.from)[0] ?? '') : '',
    to: mail.to ? addresses(mail.to) : [],
    subject: mail.subject ?? '',
    text,
    html,
    links: [...new Set([...hrefs(html), ...urlsIn(text)])],
    date: mail.date ?? null,
  };
}

function addresses(header: AddressObject | AddressObject[]): string[] {
  const flatten = (entry: EmailAddress): string[] =>
    entry.group ? entry.group.flatMap(flatten) : entry.address ? [entry.address] : [];
  return [header].flat().flatMap((object) => object.value.flatMap(flatten));
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)]
    .map((match) => decodeEntities((match[1] ?? match[2] ?? '').trim()))
    .filter((url) => /^https?:\/\//i.test(url));
}

function urlsIn(text: string): string[] {
  // Trailing punctuation ends the sentence, not the URL.
  return [...text.matchAll(/https?:\/\/[^\s<>"]+/gi)].map((match) => match[0].replace(/[.,;:!?)\]']+$/, ''));
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Attribute values escape `&` and quotes; that is all an href needs undone. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}
