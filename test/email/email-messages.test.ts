import { describe, expect, it } from 'vitest';

import { catalogue } from '../../src/i18n/locales/catalogue.js';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') entries.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) entries.set(k, v);
  }
  return entries;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const en = flatten(catalogue.en.email);
const it_ = flatten(catalogue.it.email);
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('emailMessages', () => {
  it('has the same keys in English and Italian (plural forms aside)', () => {
    const base = (keys: Map<string, string>) =>
      [...new Set([...keys.keys()].map((k) => k.replace(PLURAL, '')))].sort();
    expect(base(it_)).toEqual(base(en));
  });

  it('uses the same variables in both languages', () => {
    for (const [key, text] of en) {
      if (PLURAL.test(key)) continue;
      expect(variables(it_.get(key) ?? ''), key).toEqual(variables(text));
    }
  });

  it('has every plural form each language needs', () => {
    for (const [language, messages] of [
      ['en', en],
      ['it', it_],
    ] as const) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const pluralKeys = new Set(
        [...messages.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')),
      );
      for (const key of pluralKeys) {
        for (const category of categories)
          expect(messages.has(`${key}_${category}`), `${language} ${key}_${category}`).toBe(true);
      }
    }
  });

  it('has no empty message', () => {
    for (const text of [...en.values(), ...it_.values()]) expect(text.trim()).not.toBe('');
  });
});
