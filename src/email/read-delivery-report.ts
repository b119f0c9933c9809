/**
 * Delivery status notifications (RFC 3464): the few fields Onramp reads from a report the mail
 * provider forwards. One pass, no regular expression: every character is looked at a bounded
 * number of times, so a hostile report costs time in proportion to its size. (The regex this
 * replaces, `^Status:[ \t]*(.*\S)`, backtracked quadratically: 160 KB of blanks after a field
 * name held the process for 11 s.)
 */

/** A report is a few KB of text plus the returned headers; anything larger is refused (413). */
export const MAX_DELIVERY_REPORT_BYTES = 256 * 1024;

/** A field's value is cut here: the longest thing kept from a report is a 1,000-char detail. */
const MAX_VALUE_CHARS = 1000;
/** Longer names are no field we read: they are skipped without being lower-cased. */
const MAX_NAME_CHARS = 24;

export interface DeliveryReportFields {
  /** `Original-Message-ID` (or `X-Original-Message-ID`) when the provider adds one. */
  originalMessageId?: string;
  /** The last `Message-ID`: the returned headers come after the report's own. */
  messageId?: string;
  /** The first `Status` (e.g. `5.1.1`). */
  status?: string;
  /** The first `Action`, lower-cased (`failed`, `delayed`, `delivered`, …). */
  action?: string;
  /** The first `Diagnostic-Code`. */
  diagnosticCode?: string;
}

type FieldKey = keyof DeliveryReportFields;

const FIELDS: Readonly<Record<string, FieldKey>> = {
  'original-message-id': 'originalMessageId',
  'x-original-message-id': 'originalMessageId',
  'message-id': 'messageId',
  status: 'status',
  action: 'action',
  'diagnostic-code': 'diagnosticCode',
};

/** Work done, for the tests that show it grows with the input's length and no faster. */
export interface ReadWork {
  steps: number;
}

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t';

/**
 * The fields of a report, read line by line; a line starting with a blank continues the field
 * above (RFC 5322 folding). A field without a value does not count.
 */
export function readDeliveryReport(text: string, work: ReadWork = { steps: 0 }): DeliveryReportFields {
  const found: DeliveryReportFields = {};
  let open: { key: FieldKey; parts: string[]; chars: number } | null = null;

  const keep = (piece: string) => {
    if (!open || open.chars >= MAX_VALUE_CHARS) return;
    work.steps += piece.length;
    const trimmed = piece.trim().slice(0, MAX_VALUE_CHARS - open.chars);
    if (trimmed) {
      open.parts.push(trimmed);
      open.chars += trimmed.length + 1;
    }
  };
  const close = () => {
    if (open && open.parts.length > 0) {
      const value = open.parts.join(' ');
      found[open.key] = open.key === 'action' ? value.toLowerCase() : value;
    }
    open = null;
  };

  let i = 0;
  while (i < text.length) {
    const start = i;
    let colon = -1;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
      if (colon < 0 && text[i] === ':') colon = i;
      i++;
      work.steps++;
    }
    const end = i;
    // One line break: CRLF, LF or a lone CR.
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;

    if (isBlank(text[start])) {
      keep(text.slice(start, end));
      continue;
    }
    close();
    if (colon <= start || colon - start > MAX_NAME_CHARS) continue;
    const key = FIELDS[text.slice(start, colon).toLowerCase()];
    // Every field but Message-ID keeps its first value; Message-ID its last.
    if (key && (key === 'messageId' || found[key] === undefined)) {
      open = { key, parts: [], chars: 0 };
      keep(text.slice(colon + 1, end));
    }
  }
  close();
  return found;
}
