/**
 * The one rule for a name people read: a person's (provisioning contact, user), an
 * organization's, an end customer's, the brand's. Names end up in e-mail headers and subjects,
 * in pages and in audit labels ("Name <email>"), so a name is one line of visible text:
 * trimmed, and free of control characters (CR, LF and TAB included), of the Unicode controls
 * that reorder or hide text (bidi overrides and isolates, marks, zero-width spaces, line and
 * paragraph separators) and of < and > (which would forge an address or markup next to it).
 * ZWNJ and ZWJ stay allowed: Persian and Indic names and emoji need them.
 */
import { z } from 'zod';

// C0 and C1 controls (TAB, CR, LF included), DEL; the Arabic letter mark; zero-width space,
// LRM and RLM; line and paragraph separators; bidi embeddings, overrides and isolates; word
// joiner and invisible operators; the BOM; and the two angle brackets.
// eslint-disable-next-line no-control-regex
const REFUSED = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff<>]/;

/** The issue message a refused character gives (pages map it to their catalogue's words). */
export const NAME_CHARACTERS_MESSAGE = 'must not contain line breaks, control characters or < >';

/** True when `value` holds a character no name may hold. */
export function hasRefusedNameCharacter(value: string): boolean {
  return REFUSED.test(value);
}

/** A name of `min` to `max` characters after trimming, refusing what REFUSED lists. */
export function displayName(options: { min?: number; max?: number; required?: string } = {}) {
  const min = options.min ?? 1;
  const max = options.max ?? 200;
  const length = `must be ${min} to ${max} characters`;
  return z
    .string()
    .trim()
    .min(min, min === 1 ? (options.required ?? 'is required') : length)
    .max(max, min === 1 ? `must be at most ${max} characters` : length)
    .refine((v) => !hasRefusedNameCharacter(v), NAME_CHARACTERS_MESSAGE);
}

/** A person's name: a provisioning contact, a user, an invitee. */
export const personName = displayName();

/** The brand when BRAND_NAME is not set. */
export const DEFAULT_BRAND_NAME = 'Onramp';
