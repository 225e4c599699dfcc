import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  type Formatters,
  isRtl,
  LOCALES,
  type Locale,
  makeFormatters,
  messageOrCode,
  renderMessage,
} from './format.ts';
import { ar, en, type MessageKey } from './messages.ts';

const STORAGE_KEY = 'raqib.locale';

export interface LocaleContextValue {
  readonly locale: Locale;
  readonly dir: 'ltr' | 'rtl';
  readonly setLocale: (locale: Locale) => void;
  readonly t: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;
  readonly fmt: Formatters;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : 'en';
}

/** Holds the UI language; switching it flips the document direction so that the whole layout mirrors. */
export function LocaleProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(fixed ?? initialLocale);
  const dir = isRtl(locale) ? 'rtl' : 'ltr';

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
  }, [locale, dir]);

  const setLocale = useCallback((next: Locale) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);

  const value = useMemo<LocaleContextValue>(() => {
    const table = locale === 'ar' ? ar : en;
    const fmt = makeFormatters(locale);
    const number = (n: number) => fmt.number(n);
    return {
      locale,
      dir,
      setLocale,
      t: (key, params) => renderMessage(messageOrCode(table, key), locale, number, params),
      fmt,
    };
  }, [locale, dir, setLocale]);

  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (value === null) throw new Error('useLocale() outside <LocaleProvider>');
  return value;
}
