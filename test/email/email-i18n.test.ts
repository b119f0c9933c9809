/**
 * emailT fills a message's values in itself once i18next has shown, on the message's first use,
 * that filling in gives the same text. Every e-mail message with values, in both languages:
 * the filled-in text equals i18next's, with values that look like placeholders or markup, and a
 * missing value still throws.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';

import { emailT } from '../../src/email/email-i18n.js';
import { catalogue } from '../../src/i18n/locales/catalogue.js';

const LANGUAGES = ['en', 'it'] as const;
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/;
/** The names a message's placeholders ask for, other than the brand. */
const namesIn = (text: string) =>
  [...text.matchAll(new RegExp(PLACEHOLDER, 'g'))].map((m) => m[1]!).filter((n) => n !== 'brand');

/** Every message of the e-mail catalogue: key path and text. */
function messagesOf(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : messagesOf(v as object, `${prefix}${k}.`),
  );
}

const reference = i18next.createInstance();
await reference.init({
  initAsync: false,
  fallbackLng: false,
  ns: ['email'],
  defaultNS: 'email',
  resources: { en: { email: catalogue.en.email }, it: { email: catalogue.it.email } },
  interpolation: { escapeValue: false },
});

describe('e-mail messages filled in without i18next', () => {
  for (const language of LANGUAGES) {
    const withValues = messagesOf(catalogue[language].email).filter(
      ([key, text]) => PLACEHOLDER.test(text) && !/_(one|other|many|zero|two|few)$/.test(key),
    );

    it(`${language}: every message with values reads as i18next renders it`, () => {
      expect(withValues.length).toBeGreaterThan(20);
      for (const [key, text] of withValues) {
        const names = namesIn(text);
        const first = Object.fromEntries(names.map((n) => [n, `first ${n}`]));
        // Values that look like placeholders or markup are left as they are, never interpreted.
        const tricky = Object.fromEntries(names.map((n) => [n, `{{${n}}} <b>&amp;</b> $t(x) ${n}`]));
        emailT(language, 'Brandy', key, first);
        for (const vars of [first, tricky]) {
          const expected = reference.t(key, { brand: 'Brandy', ...vars, lng: language });
          expect(emailT(language, 'Brandy', key, vars), key).toBe(expected);
        }
      }
    });

    it(`${language}: a missing value throws, also once the message is filled in directly`, () => {
      const [key, text] = withValues.find(([, t]) => /\{\{(?!brand)/.test(t))!;
      const names = namesIn(text);
      emailT(language, 'Brandy', key, Object.fromEntries(names.map((n) => [n, 'x'])));
      expect(() => emailT(language, 'Brandy', key, {})).toThrow(/missing a value/);
    });
  }
});
