/** Strings of the operator's offer catalogue pages (namespace `offers`), English and Italian with the same keys. */
import type { Widen } from '../../i18n/widen.js';

const en = {
  title: 'Offers',
};

const it: Widen<typeof en> = {
  title: 'Offerte',
};

export const offerMessages = { en, it };
