import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useLocale } from '../i18n/locale.tsx';
import { LanguageToggle } from '../ui/language-toggle.tsx';
import { useSessionState } from './session.tsx';

export function LoginPage() {
  const { t } = useLocale();
  const { signIn } = useSessionState();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(key.trim());
    } catch (e) {
      setError(
        e instanceof ApiError
          ? t('login.rejected', { code: e.code })
          : t('login.unreachable', { message: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <div className="login-card">
        <div className="login-brand">
          <span className="logo" aria-hidden="true" />
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tag">{t('app.tagline')}</div>
          </div>
          <LanguageToggle />
        </div>
        <h1>{t('login.title')}</h1>
        <p className="muted">
          {t('login.intro')
            .split('`')
            .map((part, i) =>
              i % 2 === 1 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed split of a constant string
                <code key={i} dir="ltr">
                  {part}
                </code>
              ) : (
                part
              ),
            )}
        </p>
        <form onSubmit={(e) => void submit(e)}>
          <label className="field">
            <span>{t('login.key')}</span>
            <input
              name="apiKey"
              type="password"
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
              value={key}
              onChange={(e) => setKey(e.target.value)}
              required
            />
          </label>
          {error !== null && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button className="primary wide" type="submit" disabled={busy || key.trim() === ''}>
            {busy ? t('login.checking') : t('login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
