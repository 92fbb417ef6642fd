export interface DateOptions {
  /** BCP 47 locale for dates (VS Code's display language); `en-GB` when not given. */
  readonly locale?: string;
  readonly now?: Date;
}

/** `14:22` today, `14 Mar` this year, `14 Mar 2024` otherwise; an unreadable value as it came. */
export function shortDate(iso: string | null | undefined, options: DateOptions = {}): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const now = options.now ?? new Date();
  const locale = options.locale ?? 'en-GB';
  if (
    date.getDate() === now.getDate() &&
    date.getMonth() === now.getMonth() &&
    date.getFullYear() === now.getFullYear()
  ) {
    return formatDate(date, locale, 'time', date.getHours() * 60 + date.getMinutes());
  }
  if (date.getFullYear() === now.getFullYear())
    return formatDate(date, locale, 'dayMonth', date.getMonth() * 32 + date.getDate());
  return formatDate(date, locale, 'dayMonthYear', (date.getFullYear() * 12 + date.getMonth()) * 32 + date.getDate());
}

/** Date and time in the locale's medium style (`14 Mar 2025, 14:22`); an unreadable value as it came. */
export function dateTime(iso: string, locale = 'en-GB'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatDate(date, locale, 'dateTime', Math.floor(date.getTime() / 60_000));
}

/** Date and time followed by the value as received: `14 Mar 2025, 14:22 (2025-03-14T13:22:00Z)`; `—` when absent. */
export function longDate(iso: string | null | undefined, options: DateOptions = {}): string {
  if (!iso) return '—';
  const text = dateTime(iso, options.locale);
  return text === iso ? iso : `${text} (${iso})`;
}

const DATE_STYLES = {
  time: { hour: '2-digit', minute: '2-digit' },
  dayMonth: { day: 'numeric', month: 'short' },
  dayMonthYear: { day: 'numeric', month: 'short', year: 'numeric' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const dateFormats = new Map<
  string,
  { readonly format: Intl.DateTimeFormat | undefined; readonly texts: Map<number, string> }
>();

/**
 * `date` in one of the styles, `key` naming what the text depends on (the local minute or day). toLocale…String
 * builds a new Intl.DateTimeFormat on every call (tens of µs), and a page of tree items formats thousands of dates
 * that share a few days, so both the formats and their texts are kept. A locale Intl rejects gives ISO text.
 */
function formatDate(date: Date, locale: string, style: keyof typeof DATE_STYLES, key: number): string {
  const name = `${style} ${locale}`;
  let cached = dateFormats.get(name);
  if (!cached) dateFormats.set(name, (cached = { format: dateFormat(locale, style), texts: new Map() }));
  if (!cached.format) return date.toISOString();
  let text = cached.texts.get(key);
  if (text === undefined) {
    if (cached.texts.size >= 5_000) cached.texts.clear();
    cached.texts.set(key, (text = cached.format.format(date)));
  }
  return text;
}

function dateFormat(locale: string, style: keyof typeof DATE_STYLES): Intl.DateTimeFormat | undefined {
  try {
    return new Intl.DateTimeFormat(locale, DATE_STYLES[style]);
  } catch {
    return undefined;
  }
}
