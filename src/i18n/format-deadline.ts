/**
 * A deadline as the exact instant it falls, with the time and the zone: "7 December 2026,
 * 00:00 UTC" / "7 dicembre 2026, 00:00 UTC". In UTC because the reader's zone is unknown; a
 * date alone made a contact west of UTC believe they had one more day.
 */
import { INTL_LOCALES, type Language } from '../domain/types.js';

// Built once per language: building an Intl formatter costs far more than using one.
function formatters(locale: string) {
  return {
    date: new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }),
    time: new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    }),
  };
}
const FORMATTERS: Record<Language, ReturnType<typeof formatters>> = {
  en: formatters(INTL_LOCALES.en),
  it: formatters(INTL_LOCALES.it),
};

export function formatDeadline(language: Language, instant: Date | string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`Not an instant: ${String(instant)}`);
  const f = FORMATTERS[language];
  return `${f.date.format(at)}, ${f.time.format(at)} UTC`;
}
