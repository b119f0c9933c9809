import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { t } from '../../src/i18n/i18n.js';
import { catalogue } from '../../src/i18n/locales/catalogue.js';

const setupMessages = { en: catalogue.en.setup, it: catalogue.it.setup };

const SETUP_DIR = join(import.meta.dirname, '../../src/web/setup');

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

describe('setup wizard messages (en, it)', () => {
  it('English and Italian have the same keys and no empty string', () => {
    expect(keys(setupMessages.it).sort()).toEqual(keys(setupMessages.en).sort());
    for (const lang of ['en', 'it'] as const)
      for (const key of keys(setupMessages[lang])) expect(t(lang, `setup:${key}`).trim()).not.toBe('');
  });

  it('every literal setup: key the pages use exists (plurals by their base)', () => {
    const known = new Set(keys(setupMessages.en).map((k) => k.replace(/_(one|other)$/, '')));
    const used = readdirSync(SETUP_DIR)
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((f) =>
        [...readFileSync(join(SETUP_DIR, f), 'utf8').matchAll(/'setup:([\w.]+)'/g)].map((m) => m[1]!),
      );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it('speaks Italian with plurals and interpolation', () => {
    expect(t('it', 'setup:dead.retryAfter', { count: 1 })).toBe('Riprovi tra 1 minuto.');
    expect(t('it', 'setup:dead.retryAfter', { count: 5 })).toBe('Riprovi tra 5 minuti.');
    expect(t('it', 'setup:region.Europe')).toBe('Europa');
    expect(t('en', 'setup:done.heading')).toBe('Thank you. Your order has been mapped correctly.');
  });
});
