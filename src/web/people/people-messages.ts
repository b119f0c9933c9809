/** Strings of the users and invitations pages and the accept page (namespace `people`), English and Italian with the same keys. */
import type { Widen } from '../../i18n/widen.js';

const en = {
  title: 'Users',
};

const it: Widen<typeof en> = {
  title: 'Utenti',
};

export const peopleMessages = { en, it };
