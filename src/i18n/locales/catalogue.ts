/**
 * Every message catalogue, by language and i18next namespace. English defines the keys; each other
 * language is typed to have exactly them (see widen.ts).
 */
import { accountEn } from './en/account.js';
import { messagesEn } from './en/app.js';
import { emailEn } from './en/email.js';
import { offerEn } from './en/offers.js';
import { operatorEn } from './en/operator.js';
import { peopleEn } from './en/people.js';
import { portalEn } from './en/portal.js';
import { setupEn } from './en/setup.js';
import { ssoEn } from './en/sso.js';
import { supportEn } from './en/support.js';
import { tokenEn } from './en/tokens.js';
import { workspaceEn } from './en/workspace.js';
import { accountIt } from './it/account.js';
import { messagesIt } from './it/app.js';
import { emailIt } from './it/email.js';
import { offerIt } from './it/offers.js';
import { operatorIt } from './it/operator.js';
import { peopleIt } from './it/people.js';
import { portalIt } from './it/portal.js';
import { setupIt } from './it/setup.js';
import { ssoIt } from './it/sso.js';
import { supportIt } from './it/support.js';
import { tokenIt } from './it/tokens.js';
import { workspaceIt } from './it/workspace.js';

export const catalogue = {
  en: {
    app: messagesEn,
    email: emailEn,
    workspace: workspaceEn,
    setup: setupEn,
    support: supportEn,
    people: peopleEn,
    tokens: tokenEn,
    operator: operatorEn,
    offers: offerEn,
    account: accountEn,
    portal: portalEn,
    sso: ssoEn,
  },
  it: {
    app: messagesIt,
    email: emailIt,
    workspace: workspaceIt,
    setup: setupIt,
    support: supportIt,
    people: peopleIt,
    tokens: tokenIt,
    operator: operatorIt,
    offers: offerIt,
    account: accountIt,
    portal: portalIt,
    sso: ssoIt,
  },
} as const;

export type Namespace = keyof (typeof catalogue)['en'];
export const NAMESPACES = Object.keys(catalogue.en) as Namespace[];
