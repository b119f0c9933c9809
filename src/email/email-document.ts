import { emailT } from './email-i18n.js';
import type { Language, Person } from './email-types.js';

/**
 * An e-mail as a list of translated blocks. Templates build one; the HTML and the plain-text
 * renderers each turn it into their format, so both alternatives always carry the same content.
 */
export interface EmailDocument {
  language: Language;
  /** The product's name (BRAND_NAME), above the heading. */
  brand: string;
  subject: string;
  /** The visible heading (h1). */
  heading: string;
  greeting: string;
  blocks: EmailBlock[];
  /** Closing lines, e.g. "Kind regards," and "The {{brand}} team". */
  signOff: string[];
  /** Small print: why the recipient gets this e-mail. */
  footer: string;
}

export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  /** A call to action; the HTML shows a button plus the full URL to copy if it does not work. */
  | { kind: 'button'; label: string; url: string }
  /** A sentence followed by a link that shows its full URL. */
  | { kind: 'link'; text: string; url: string }
  /** A data table with a caption and column headers. */
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][] }
  /** Label/value pairs, e.g. organization and data region. */
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  /** Text written by someone else, e.g. a support reply. */
  | { kind: 'quote'; text: string };

/** Adds the parts every e-mail shares (greeting, sign-off) to what a template composed. */
export function createEmailDocument(
  language: Language,
  brand: string,
  to: Person,
  parts: Pick<EmailDocument, 'subject' | 'heading' | 'blocks' | 'footer'>,
): EmailDocument {
  return {
    language,
    brand,
    ...parts,
    greeting: emailT(language, brand, 'common.greeting', { name: to.name }),
    signOff: [emailT(language, brand, 'common.regards'), emailT(language, brand, 'common.team')],
  };
}
