import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, type ScreeningHit } from '../../api/endpoints.ts';
import { navigate } from '../../app/router.ts';
import { useSession } from '../../auth/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { ScoreBadge } from '../../ui/badges.tsx';
import { Highlighted, hasArabic, TokenPairs } from './match-explanation.tsx';

function MatchRow({ match, rank }: { match: ScreeningHit; rank: number }) {
  const { t, fmt } = useLocale();
  const ex = match.explanation;
  const primary = match.primaryName || ex.matchedName;
  return (
    <tr data-testid="screening-match">
      <td className="num">{fmt.number(rank)}</td>
      <td>
        <ScoreBadge score={match.score} />
      </td>
      <td>
        <Highlighted text={ex.matchedName} tokens={ex.tokens.map((tk) => tk.candidate)} />
        {primary !== ex.matchedName && (
          <div className="muted small">
            <bdi dir={hasArabic(primary) ? 'rtl' : 'ltr'}>{primary}</bdi>
          </div>
        )}
        <div className="muted small">{t(`screening.nameType.${ex.matchedNameType}`)}</div>
      </td>
      <td>
        <span className="tag" dir="ltr">
          {match.list}
        </span>
        <div className="muted small" dir="ltr">
          {match.refId}
        </div>
        {match.programmes.length > 0 && (
          <div className="muted small" dir="ltr">
            {match.programmes.join(', ')}
          </div>
        )}
      </td>
      <td>{t(`screening.kind.${match.kind}`)}</td>
      <td className="small">
        <TokenPairs explanation={ex} />
      </td>
    </tr>
  );
}

export function ScreeningPage({ query }: { query: URLSearchParams }) {
  const { t } = useLocale();
  const { client } = useSession();
  const [name, setName] = useState(query.get('name') ?? '');
  const screen = useMutation({ mutationFn: (text: string) => api.screen(client, text) });
  // a shared link (#/screening?name=…) screens on arrival
  const initial = useRef(query.get('name')?.trim() ?? '');
  const { mutate } = screen;
  useEffect(() => {
    if (initial.current !== '') mutate(initial.current);
  }, [mutate]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = name.trim();
    if (text === '') return;
    navigate('/screening', { name: text });
    screen.mutate(text);
  };
  const matches = screen.data?.matches ?? [];
  const queryName = screen.variables ?? '';
  const matchedQueryTokens = matches[0]?.explanation.tokens.map((tk) => tk.query) ?? [];
  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('screening.title')}</h1>
          <p className="muted">{t('screening.intro')}</p>
        </div>
      </div>
      <form className="panel screen-form" onSubmit={submit}>
        <label className="field grow">
          <span>{t('screening.name')}</span>
          <input
            name="screenName"
            value={name}
            dir={hasArabic(name) ? 'rtl' : 'auto'}
            placeholder={t('screening.placeholder')}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
          />
        </label>
        <button type="submit" className="primary" disabled={screen.isPending || name.trim() === ''}>
          {t('screening.submit')}
        </button>
      </form>
      {screen.error instanceof Error && (
        <p className="panel error" role="alert">
          {screen.error.message}
        </p>
      )}
      {screen.isSuccess && (
        <article className="panel">
          <h2>
            {t('screening.results', { count: matches.length })}
            {matches.length > 0 && (
              <>
                {' · '}
                <Highlighted text={queryName} tokens={matchedQueryTokens} />
              </>
            )}
          </h2>
          {matches.length === 0 ? (
            <p className="empty">{t('screening.noMatch')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data" data-testid="screening-results">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>{t('screening.col.score')}</th>
                    <th>{t('screening.col.name')}</th>
                    <th>{t('screening.col.list')}</th>
                    <th>{t('screening.col.type')}</th>
                    <th>{t('screening.col.why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {matches.map((m, i) => (
                    <MatchRow key={`${m.list}:${m.refId}:${m.matchedName.text}`} match={m} rank={i + 1} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </article>
      )}
    </section>
  );
}
