/**
 * An AppError in the reader's language: the code's message, or a more helpful one when the
 * details say whom to ask or which area is closed to the reader.
 */
import { DEFAULT_BRAND_NAME } from '../domain/display-name.js';
import { type AppError, asKnown, messageKeyOf } from '../domain/errors.js';
import type { Language } from '../domain/types.js';
import { translator } from './i18n.js';

export function errorMessage(appError: AppError, language: Language, brand = DEFAULT_BRAND_NAME): string {
  const t = translator(language, brand);
  const error = asKnown(appError);
  if (error.code === 'NO_ACCESS') {
    const { orderPlacedBy: placer, organizationAdmins: admins, reason, area } = error.details;
    if (placer && admins?.length)
      return t('errors.NO_ACCESS_ASK_ADMINS', {
        ...placer,
        admins: admins.map((a) => `${a.name} <${a.email}>`).join(', '),
      });
    if (placer) return t('errors.NO_ACCESS_ASK_PLACER', placer);
    if (reason === 'read_only_token') return t('errors.NO_ACCESS_READ_ONLY_TOKEN');
    if (area) return t(`errors.NO_ACCESS_${area.toUpperCase()}`);
  }
  return t(messageKeyOf(error.code), error.details);
}
