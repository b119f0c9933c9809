/**
 * The message catalogue (i18next): namespace `app` for the product, `email` for e-mails.
 * Every user-visible string goes through `t`. Messages name the product as {{brand}}: a page's
 * translator (`translator`) fills in the installation's BRAND_NAME; a bare `t` the default.
 */
import i18next from 'i18next';

import { DEFAULT_BRAND_NAME } from '../domain/display-name.js';
import { isLanguage, type Language } from '../domain/types.js';
import { catalogue, NAMESPACES } from './locales/catalogue.js';

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: 'en',
  fallbackLng: 'en',
  ns: NAMESPACES,
  defaultNS: 'app',
  resources: catalogue,
  interpolation: { escapeValue: false, defaultVariables: { brand: DEFAULT_BRAND_NAME } },
});

export function t(language: Language, key: string, vars?: Record<string, unknown>): string {
  return i18n.t(key, { ...vars, lng: language });
}

/** `t` bound to one language and brand: what a page or an API answer speaks with. */
export function translator(
  language: Language,
  brand: string,
): (key: string, vars?: Record<string, unknown>) => string {
  return (key, vars) => i18n.t(key, { brand, ...vars, lng: language });
}

/** Picks a language we speak from an Accept-Language header (q-values honoured); English by default. */
export function languageFromHeader(header: string | undefined | null): Language {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find(isLanguage) ?? 'en';
}
