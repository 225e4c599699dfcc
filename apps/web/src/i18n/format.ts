import { type CountForms, countForm, currencyExponent } from '@raqib/core';

export const LOCALES = ['en', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * BCP 47 tags handed to Intl. Arabic asks for Arabic-Indic digits explicitly (`-u-nu-arab`): CLDR's default for
 * plain `ar` changed to Latin digits in recent ICU versions, and the workbench should not depend on the browser's.
 */
const INTL_TAG: Readonly<Record<Locale, string>> = { en: 'en-GB', ar: 'ar-u-nu-arab' };

export function intlTag(locale: Locale): string {
  return INTL_TAG[locale];
}

export function isRtl(locale: Locale): boolean {
  return locale === 'ar';
}

/** Formatters for one locale; built once per locale because Intl constructors are costly. */
export interface Formatters {
  readonly number: (value: number, fractionDigits?: number) => string;
  readonly percent: (value: number) => string;
  /** Integer minor units of `currency` (raqib's amount representation) as a localised currency string. */
  readonly money: (minor: number, currency: string) => string;
  readonly compactMoney: (major: number, currency: string) => string;
  readonly dateTime: (epochMs: number) => string;
  readonly date: (epochMs: number) => string;
  readonly day: (epochMs: number) => string;
  readonly relative: (epochMs: number, now: number) => string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function makeFormatters(locale: Locale): Formatters {
  const tag = intlTag(locale);
  const numberCache = new Map<number, Intl.NumberFormat>();
  const moneyCache = new Map<string, Intl.NumberFormat>();
  const compactCache = new Map<string, Intl.NumberFormat>();
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });

  const moneyFormat = (currency: string, cache: Map<string, Intl.NumberFormat>, compact: boolean) => {
    let f = cache.get(currency);
    if (f === undefined) {
      const exponent = currencyExponent(currency);
      try {
        f = new Intl.NumberFormat(tag, {
          style: 'currency',
          currency,
          currencyDisplay: 'code',
          ...(compact
            ? { notation: 'compact', maximumFractionDigits: 1 }
            : { minimumFractionDigits: Math.min(exponent, 2), maximumFractionDigits: exponent }),
        });
      } catch {
        // a code Intl refuses (not three letters): a plain number with the code beside it
        f = new Intl.NumberFormat(tag, { maximumFractionDigits: compact ? 1 : exponent });
      }
      cache.set(currency, f);
    }
    return f;
  };

  const withCode = (f: Intl.NumberFormat, value: number, currency: string) => {
    const text = f.format(value);
    return f.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
  };

  return {
    number: (value, fractionDigits = 0) => {
      let f = numberCache.get(fractionDigits);
      if (f === undefined) {
        f = new Intl.NumberFormat(tag, { maximumFractionDigits: fractionDigits });
        numberCache.set(fractionDigits, f);
      }
      return f.format(value);
    },
    percent: (value) => percent.format(value),
    money: (minor, currency) =>
      withCode(moneyFormat(currency, moneyCache, false), minor / 10 ** currencyExponent(currency), currency),
    compactMoney: (major, currency) => withCode(moneyFormat(currency, compactCache, true), major, currency),
    dateTime: (ms) => dateTime.format(ms),
    date: (ms) => date.format(ms),
    day: (ms) => day.format(ms),
    relative: (ms, now) => {
      const diff = ms - now;
      const abs = Math.abs(diff);
      if (abs < HOUR) return relative.format(Math.round(diff / MINUTE), 'minute');
      if (abs < DAY) return relative.format(Math.round(diff / HOUR), 'hour');
      return relative.format(Math.round(diff / DAY), 'day');
    },
  };
}

/** Replaces `{name}` placeholders; unknown placeholders stay visible so that a missing value is noticed. */
export function interpolate(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A UI string: plain, or one form per plural category where a number decides the grammar (Arabic has six:
 * "تنبيه واحد", "تنبيهان", "3 تنبيهات", "11 تنبيهًا", "100 تنبيه"). A counted message's number is `{count}`.
 */
export type Message = string | CountForms;

/**
 * Fills a message: a counted one takes the form its `count` asks for in `locale`; a numeric `count` is shown with
 * the locale's digits and grouping (`number`).
 */
export function renderMessage(
  message: Message,
  locale: Locale,
  number: (value: number) => string,
  params?: Readonly<Record<string, string | number>>,
): string {
  const raw = params?.count;
  // counts are whole: the form is chosen for the number shown, not for a fraction the display rounds away
  const count = typeof raw === 'number' ? Math.round(raw) : raw;
  const filled = typeof count === 'number' ? { ...params, count: number(count) } : params;
  if (typeof message === 'string') return interpolate(message, filled);
  if (typeof count !== 'number') throw new Error(`a counted message needs a numeric count: ${message.other}`);
  return interpolate(countForm(count, message, intlTag(locale)), filled);
}

/**
 * The message of `key`, or, for a key the table lacks (a code a newer server sends, built into a key such as
 * `screening.kind.<kind>`), the code itself: the page shows it raw rather than failing.
 */
export function messageOrCode<K extends string>(table: Readonly<Record<K, Message>>, key: K): Message {
  return table[key] ?? key.slice(key.lastIndexOf('.') + 1);
}
