import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useLocale } from '../i18n/locale.tsx';

interface QueryLike<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly isPending: boolean;
  readonly refetch: () => unknown;
}

/** Renders a query's loading and error states the same way everywhere; children render the data. */
export function AsyncState<T>({
  query,
  children,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useLocale();
  if (query.error) {
    const e = query.error;
    const message =
      e instanceof ApiError ? `${e.message} (${e.code})` : e instanceof Error ? e.message : String(e);
    return (
      <div className="panel error-panel" role="alert">
        <p>{t('common.error', { message })}</p>
        <button type="button" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (query.isPending || query.data === undefined) {
    return (
      <div className="panel loading" aria-busy="true">
        {t('common.loading')}
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
