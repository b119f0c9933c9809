/**
 * An AppError in the reader's language: the code's message, or a more helpful one when the
 * details say whom to ask, which area is closed to the reader, which rule refused and when to
 * come back. Every message names the rule and the next step (test/i18n/error-catalogue.test.ts).
 */
import { DEFAULT_BRAND_NAME } from '../domain/display-name.js';
import { type AppError, asKnown, type ErrorDetails, messageKeyOf } from '../domain/errors.js';
import type { Language } from '../domain/types.js';
import { translator } from './i18n.js';

type T = ReturnType<typeof translator>;

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
    if (reason === 'only partner users place orders') return t('errors.NO_ACCESS_PARTNERS_ONLY');
    if (area) return t(`errors.NO_ACCESS_${area.toUpperCase()}`);
  }
  if (error.code === 'UNAUTHENTICATED' && error.details.credential === 'webhook_secret')
    return t('errors.UNAUTHENTICATED_WEBHOOK_SECRET');
  if (error.code === 'PAST_PONR' && error.details.action === 'cancel')
    return t('errors.PAST_PONR_CANCEL', error.details);
  if (error.code === 'INVALID_TRANSITION') return invalidTransition(t, language, error.details);
  if (error.code === 'RATE_LIMITED') return rateLimited(t, language, error.details);
  if (error.code === 'SSO_FAILED') {
    const { reason, provider } = error.details;
    // Without a sign-in of this browser there is no provider to name.
    if (provider === undefined)
      return t(reason === 'state' ? 'errors.SSO_FAILED_NO_SIGN_IN' : 'errors.SSO_FAILED');
    return t(`errors.SSO_FAILED_${reason.toUpperCase()}`, { provider });
  }
  return t(messageKeyOf(error.code), error.details);
}

function invalidTransition(t: T, language: Language, d: ErrorDetails['INVALID_TRANSITION']): string {
  const label = t(`status.${d.from}`);
  const state = language === 'en' ? label.toLowerCase() : label;
  const action = t(`lineAction.${d.command}`);
  const allowed = (d.allowed ?? []).map((a) => t(`lineAction.${a}`));
  if (allowed.length === 0) return t('errors.INVALID_TRANSITION_NOTHING', { state, action });
  const list = new Intl.ListFormat(language, { type: 'disjunction' }).format(allowed);
  return t('errors.INVALID_TRANSITION', { state, action, allowed: list });
}

/** "in 5 minutes" / "tra 5 minuti": seconds under 90 s, minutes under 2 h, hours beyond. */
export function retryWhen(seconds: number, language: Language): string {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  if (seconds < 90) return format.format(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 7200) return format.format(Math.ceil(seconds / 60), 'minute');
  return format.format(Math.ceil(seconds / 3600), 'hour');
}

/** "1 hour" / "15 minutes" in the reader's language. */
function windowLength(seconds: number, language: Language): string {
  const [value, unit] =
    seconds % 3600 === 0
      ? [seconds / 3600, 'hour']
      : seconds % 60 === 0
        ? [seconds / 60, 'minute']
        : [seconds, 'second'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

function rateLimited(t: T, language: Language, d: ErrorDetails['RATE_LIMITED']): string {
  if (!d.retryAfterSeconds) return t('errors.RATE_LIMITED');
  const when = retryWhen(d.retryAfterSeconds, language);
  if (d.limit && d.windowSeconds)
    return t('errors.RATE_LIMITED_LIMIT', {
      limit: d.limit,
      window: windowLength(d.windowSeconds, language),
      when,
    });
  return t('errors.RATE_LIMITED_RETRY', { when });
}
