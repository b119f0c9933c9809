/**
 * The message catalogue (i18next): namespace `app` for the product, `email` for e-mails.
 * Every user-visible string goes through `t`.
 */
import i18next from 'i18next';
import { isLanguage, type Language } from '../domain/types.js';
import { emailMessages } from '../email/index.js';
import { setupMessages } from '../web/setup/setup-messages.js';
import { workspaceMessages } from '../web/workspace/workspace-messages.js';
import { supportMessages } from '../web/support/support-messages.js';
import { accountMessages } from '../web/account/account-messages.js';
import { offerMessages } from '../web/operator/offer-messages.js';
import { operatorMessages } from '../web/operator/operator-messages.js';
import { peopleMessages } from '../web/people/people-messages.js';
import { tokenMessages } from '../web/tokens/token-messages.js';
import { messagesEn } from './messages-en.js';
import { messagesIt } from './messages-it.js';

import type { Widen } from './widen.js';
/** Every language has exactly the English keys. */
export type MessageShape = Widen<typeof messagesEn>;

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: 'en',
  fallbackLng: 'en',
  ns: ['app', 'email', 'workspace', 'setup', 'support', 'people', 'tokens', 'operator', 'offers', 'account'],
  defaultNS: 'app',
  resources: {
    en: {
      app: messagesEn,
      email: emailMessages.en,
      workspace: workspaceMessages.en,
      setup: setupMessages.en,
      support: supportMessages.en,
      people: peopleMessages.en,
      tokens: tokenMessages.en,
      operator: operatorMessages.en,
      offers: offerMessages.en,
      account: accountMessages.en,
    },
    it: {
      app: messagesIt,
      email: emailMessages.it,
      workspace: workspaceMessages.it,
      setup: setupMessages.it,
      support: supportMessages.it,
      people: peopleMessages.it,
      tokens: tokenMessages.it,
      operator: operatorMessages.it,
      offers: offerMessages.it,
      account: accountMessages.it,
    },
  },
  interpolation: { escapeValue: false },
});

export function t(language: Language, key: string, vars?: Record<string, unknown>): string {
  return i18n.t(key, { ...vars, lng: language });
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
