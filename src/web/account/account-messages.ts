/** Strings of the password pages (forgot password, choose a password) (namespace `account`), English and Italian with the same keys. */
import type { Widen } from '../../i18n/widen.js';

const en = {
  title: 'Forgot your password?',
};

const it: Widen<typeof en> = {
  title: 'Password dimenticata?',
};

export const accountMessages = { en, it };
