/** Strings of the operator's organization pages (namespace `operator`), English and Italian with the same keys. */
import type { Widen } from '../../i18n/widen.js';

const en = {
  title: 'Organizations',
};

const it: Widen<typeof en> = {
  title: 'Organizzazioni',
};

export const operatorMessages = { en, it };
