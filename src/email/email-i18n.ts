import i18next from 'i18next';

import { INTL_LOCALES } from '../domain/types.js';
import { catalogue } from '../i18n/locales/catalogue.js';
import type { Language } from './email-types.js';

const i18n = i18next.createInstance();
void i18n.init({
  // Resources are in memory, so init completes synchronously and emailT works at import time.
  initAsync: false,
  lng: 'en',
  fallbackLng: false,
  ns: ['email'],
  defaultNS: 'email',
  resources: { en: { email: catalogue.en.email }, it: { email: catalogue.it.email } },
  // The HTML renderer escapes; escaping here too would double-escape HTML and garble the text part.
  interpolation: { escapeValue: false },
  missingInterpolationHandler: (text: string) => {
    throw new Error(`E-mail message is missing a value: ${text}`);
  },
});

// Whether a key names one message is fixed by the catalogue, so it is checked once per language
// and key; a message without values is the same every time, so it is kept (an e-mail looks up
// dozens of messages, and i18next's lookups were 8% of the RSD burst's CPU). A message with values
// is its catalogue text with each {{name}} replaced: the text is looked up once per language and
// key, and filled in by one replace, after its first use showed that gives what i18next gives
// (i18next's own interpolation was still ~6% of a burst's CPU). Plurals ({{count}}) stay i18next's.
const checked = new Set<string>();
const plain = new Map<string, string>();
/** Per language and key: the catalogue text to fill in, or null where i18next must do it. */
const fillable = new Map<string, string | null>();
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * Translates an e-mail message; a missing key or value throws rather than reaching a customer.
 * `brand` (BRAND_NAME) fills {{brand}} wherever a message names the product.
 */
export function emailT(
  language: Language,
  brand: string,
  key: string,
  vars?: Record<string, unknown>,
): string {
  const id = `${language}:${key}`;
  if (vars === undefined) {
    const cached = plain.get(`${id}:${brand}`);
    if (cached !== undefined) return cached;
  } else {
    const text = fillable.get(id);
    if (text) return fill(text, key, brand, vars);
  }
  const options = { brand, ...vars, lng: language };
  if (!checked.has(id)) {
    // i18next would answer a missing key with the key itself, and a group of keys with an object.
    if (!i18n.exists(key, options)) throw new Error(`Missing e-mail message "${key}" (${language})`);
    if (typeof i18n.t(key, { ...options, returnObjects: true }) !== 'string')
      throw new Error(`"${key}" is a group of e-mail messages, not one`);
    checked.add(id);
  }
  const message = i18n.t(key, options);
  if (vars === undefined) plain.set(`${id}:${brand}`, message);
  else if (!fillable.has(id)) fillable.set(id, fillableText(language, key, brand, vars, message));
  return message;
}

/** The catalogue text of a message with values, if filling it in gives what i18next gave. */
function fillableText(
  language: Language,
  key: string,
  brand: string,
  vars: Record<string, unknown>,
  message: string,
): string | null {
  if ('count' in vars) return null;
  const text: unknown = i18n.getResource(language, 'email', key);
  if (typeof text !== 'string' || text.includes('$t(')) return null;
  return fill(text, key, brand, vars) === message ? text : null;
}

function fill(text: string, key: string, brand: string, vars: Record<string, unknown>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = name === 'brand' && !('brand' in vars) ? brand : vars[name];
    if (value === undefined) throw new Error(`E-mail message is missing a value: {{${name}}} in "${key}"`);
    return value === null ? '' : String(value);
  });
}

/** emailT bound to one language and brand, for templates. */
export function emailTranslator(
  language: Language,
  brand: string,
): (key: string, vars?: Record<string, unknown>) => string {
  return (key, vars) => emailT(language, brand, key, vars);
}

// Building an Intl formatter costs far more than using one (it was a third of an e-mail's render
// time in the RSD burst), so each is built once per language and reused.
function formatters(locale: string) {
  return {
    dateTime: new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }),
    number: new Intl.NumberFormat(locale),
  };
}
const FORMATTERS: Record<Language, ReturnType<typeof formatters>> = {
  en: formatters(INTL_LOCALES.en),
  it: formatters(INTL_LOCALES.it),
};

/** "2 December 2026 at 14:00 UTC" / "2 dicembre 2026 alle ore 14:00 UTC". */
export function formatEmailDateTime(language: Language, isoInstant: string): string {
  return FORMATTERS[language].dateTime.format(parseInstant(isoInstant));
}

/** "1,000" / "1.000". */
export function formatEmailNumber(language: Language, value: number): string {
  return FORMATTERS[language].number.format(value);
}

function parseInstant(isoInstant: string): Date {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) throw new Error(`Not an ISO instant: ${isoInstant}`);
  return date;
}
