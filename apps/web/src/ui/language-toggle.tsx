import { useLocale } from '../i18n/locale.tsx';

/** Switches between English and Arabic; the label is the other language, written in that language. */
export function LanguageToggle() {
  const { t, locale, setLocale } = useLocale();
  return (
    <button
      type="button"
      className="ghost lang-toggle"
      data-testid="language-toggle"
      lang={locale === 'en' ? 'ar' : 'en'}
      onClick={() => setLocale(locale === 'en' ? 'ar' : 'en')}
    >
      {t('nav.language')}
    </button>
  );
}
