/**
 * Strings of the setup wizard and admin portal (namespace `setup`), English and Italian with the
 * same keys (the type of `it` insists). Italian addresses the reader formally (Lei).
 */
import { setupEn } from './setup-messages-en.js';
import { setupIt } from './setup-messages-it.js';

export const setupMessages = { en: setupEn, it: setupIt } as const;
