/** Strings of the API tokens page (namespace `tokens`), English and Italian with the same keys. */
import type { Widen } from '../../i18n/widen.js';

const en = {
  title: 'API tokens',
};

const it: Widen<typeof en> = {
  title: 'Token API',
};

export const tokenMessages = { en, it };
