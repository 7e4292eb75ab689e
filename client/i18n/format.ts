import { useTranslation } from 'react-i18next';
import { formatDuration } from '#shared/metrics/formatDuration';

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string, opts: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const k = `${locale}|${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, opts);
    cache.set(k, f);
  }
  return f;
}

/** Date and number formatting in one locale, built on Intl (cached formatters). */
export interface Formatters {
  locale: string;
  /** "14:05" */
  time(ts: number): string;
  /** "3 Mar 2026, 14:05" */
  dateTime(ts: number): string;
  /** "Tuesday, 3 March" (with the year when it is not this year). */
  day(ts: number): string;
  /** "3 Mar" */
  shortDate(ts: number): string;
  /** Compact duration: "2h 5m". */
  duration(ms: number): string;
  /** Wall-clock time in another time zone ("21:05"), or null for an unknown zone. */
  zoneTime(ts: number, timeZone: string): string | null;
  /** A language's name in this locale ("Thai"), falling back to the code. */
  language(code: string): string;
}

/** Formatters for a locale (pure; for components use useFormat). */
export function formattersFor(locale: string): Formatters {
  return {
    locale,
    time: (ts) => dtf(locale, { hour: 'numeric', minute: '2-digit' }, 'time').format(ts),
    dateTime: (ts) => dtf(locale, { dateStyle: 'medium', timeStyle: 'short' }, 'dateTime').format(ts),
    day: (ts) => {
      const sameYear = new Date(ts).getFullYear() === new Date().getFullYear();
      return sameYear
        ? dtf(locale, { weekday: 'long', day: 'numeric', month: 'long' }, 'day').format(ts)
        : dtf(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, 'dayYear').format(ts);
    },
    shortDate: (ts) => dtf(locale, { day: 'numeric', month: 'short' }, 'short').format(ts),
    duration: (ms) => formatDuration(ms, locale),
    zoneTime: (ts, timeZone) => {
      try {
        return dtf(locale, { hour: 'numeric', minute: '2-digit', timeZone }, `zone:${timeZone}`).format(ts);
      } catch {
        return null;
      }
    },
    language: (code) => {
      try {
        return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}

const byLocale = new Map<string, Formatters>();

/** Formatters in the agent's current UI language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.language || 'en';
  let f = byLocale.get(locale);
  if (!f) {
    f = formattersFor(locale);
    byLocale.set(locale, f);
  }
  return f;
}

/** The IANA time zones this browser knows (none where Intl cannot list them, e.g. Safari before 15.4). */
export function browserTimeZones(): string[] {
  return 'supportedValuesOf' in Intl ? Intl.supportedValuesOf('timeZone') : [];
}
