import { detectorMeasureAr } from '@raqib/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type AlertView, api } from '../../api/endpoints.ts';
import { href, navigate } from '../../app/router.ts';
import { useSession } from '../../auth/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { AsyncState } from '../../ui/async-state.tsx';
import { AccountLabel, ScoreBadge, StatusBadge, TypologyTags } from '../../ui/badges.tsx';
import { EvidenceTable } from './evidence-table.tsx';
import { EvidenceTimeline } from './evidence-timeline.tsx';
import { NetworkGraph } from './network-graph.tsx';
import { ScreeningDetails } from './screening-details.tsx';

function totalsByCurrency(alert: AlertView): [string, number][] {
  const totals = new Map<string, number>();
  for (const e of alert.subgraph.edges) totals.set(e.currency, (totals.get(e.currency) ?? 0) + e.amount);
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Queue triage from the alert itself: mark it triaged, close it, or reopen it (each change is audited). */
function TriageActions({ alert }: { alert: AlertView }) {
  const { t } = useLocale();
  const { client } = useSession();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (status: AlertView['status']) => api.updateAlert(client, alert.id, { status }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['alert', alert.id] });
      await queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
  return (
    <span className="triage">
      {alert.status === 'new' && (
        <button type="button" disabled={update.isPending} onClick={() => update.mutate('triaged')}>
          {t('alert.triage.triaged')}
        </button>
      )}
      {alert.status !== 'closed' ? (
        <button type="button" disabled={update.isPending} onClick={() => update.mutate('closed')}>
          {t('alert.triage.close')}
        </button>
      ) : (
        <button type="button" disabled={update.isPending} onClick={() => update.mutate('triaged')}>
          {t('alert.triage.reopen')}
        </button>
      )}
      {update.error instanceof Error && <span className="error"> {update.error.message}</span>}
    </span>
  );
}

const SHOWN_ACCOUNTS = 6;

function AccountList({ accounts }: { accounts: AlertView['accounts'] }) {
  const { t } = useLocale();
  const [all, setAll] = useState(false);
  const shown = all ? accounts : accounts.slice(0, SHOWN_ACCOUNTS);
  return (
    <>
      {shown.map((a) => (
        <div key={`${a.bank}|${a.account}`}>
          <AccountLabel account={`${a.bank}|${a.account}`} />
        </div>
      ))}
      {!all && accounts.length > SHOWN_ACCOUNTS && (
        <button type="button" className="link" onClick={() => setAll(true)}>
          {t('alert.moreAccounts', { count: accounts.length - SHOWN_ACCOUNTS })}
        </button>
      )}
    </>
  );
}

function CreateCase({ alert }: { alert: AlertView }) {
  const { t } = useLocale();
  const { client } = useSession();
  const queryClient = useQueryClient();
  const first = alert.accounts[0];
  const [title, setTitle] = useState(
    t('alert.defaultCaseTitle', {
      typology: alert.typologies.join(', '),
      account: first ? `${first.bank}/${first.account}` : alert.id,
    }),
  );
  const create = useMutation({
    mutationFn: () => api.createCase(client, { title: title.trim(), alertIds: [alert.id] }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await queryClient.invalidateQueries({ queryKey: ['alerts'] });
      navigate(`/cases/${created.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="create-case" onSubmit={submit} data-testid="create-case">
      <label className="field grow">
        <span>{t('alert.caseTitle')}</span>
        <input name="caseTitle" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <button type="submit" className="primary" disabled={create.isPending || title.trim() === ''}>
        {t('alert.createCase')}
      </button>
      {create.error instanceof Error && <p className="error">{create.error.message}</p>}
    </form>
  );
}

export function AlertPage({ id }: { id: string }) {
  const { t, fmt, locale } = useLocale();
  const { client } = useSession();
  const detail = useQuery({ queryKey: ['alert', id], queryFn: () => api.getAlert(client, id) });
  return (
    <section className="page">
      <a className="back" href={href('/alerts')}>
        {t('common.back')}
      </a>
      <AsyncState query={detail}>
        {({ alert, transactions, cases }) => (
          <>
            <div className="page-head">
              <div>
                <h1>
                  <TypologyTags typologies={alert.typologies} />{' '}
                  <span className="muted small" dir="ltr">
                    {t('alert.title', { id: alert.id })}
                  </span>
                </h1>
                <div className="head-meta">
                  <ScoreBadge score={alert.score} />
                  <StatusBadge status={alert.status} />
                  <TriageActions alert={alert} />
                  <span>
                    {t('alert.meta.window')}: {fmt.dateTime(alert.start)} – {fmt.dateTime(alert.end)}
                  </span>
                  {alert.subgraph.edges.length > 0 && (
                    <span>
                      {t('alert.meta.total')}:{' '}
                      {totalsByCurrency(alert)
                        .map(([c, v]) => fmt.money(v, c))
                        .join(' + ')}
                    </span>
                  )}
                </div>
              </div>
            </div>
            <div className="grid-2">
              <article className="panel">
                <h2>{t('alert.explanation')}</h2>
                <p className="explanation" data-testid="alert-explanation" lang={locale}>
                  {locale === 'ar' ? alert.explanation.ar : alert.explanation.en}
                </p>
                <dl className="meta">
                  <dt>{t('alert.meta.source')}</dt>
                  <dd>{t(`alert.source.${alert.source}`)}</dd>
                  <dt>{t('alert.meta.config')}</dt>
                  <dd dir="ltr">{alert.configVersion}</dd>
                  <dt>{t('alerts.col.accounts')}</dt>
                  <dd>
                    <AccountList accounts={alert.accounts} />
                  </dd>
                </dl>
                {cases.length > 0 && (
                  <div className="alert-cases">
                    <h3>{t('alert.cases')}</h3>
                    <ul className="plain">
                      {cases.map((c) => (
                        <li key={c.id}>
                          <a href={href(`/cases/${c.id}`)}>{c.title}</a> <StatusBadge status={c.status} />
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <CreateCase alert={alert} />
              </article>
              <article className="panel">
                <h2>{t('alert.findings')}</h2>
                <table className="data compact">
                  <thead>
                    <tr>
                      <th>{t('alert.finding.detector')}</th>
                      <th>{t('alert.finding.band')}</th>
                      <th className="num">{t('alert.finding.value')}</th>
                      <th>{t('alert.finding.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {alert.findings.map((f) => (
                      <tr key={`${f.detector}@${f.version}`}>
                        <td>
                          <div>
                            <bdi dir="ltr" className="mono">
                              {f.detector}
                            </bdi>
                          </div>
                          {/* the measure in the analyst's language where the engine names it (the unit is English) */}
                          {locale === 'ar' && detectorMeasureAr(f.detector) && (
                            <div className="muted small">{detectorMeasureAr(f.detector)}</div>
                          )}
                        </td>
                        <td>
                          <span className={`band band-${f.band.replace('.', '')}`}>{f.band}</span>
                        </td>
                        <td className="num nowrap">
                          {fmt.number(f.value, 2)} <span className="muted">{f.unit}</span>
                        </td>
                        <td className="small">{f.detail ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </article>
            </div>
            <ScreeningDetails details={alert.details} />
            {alert.subgraph.edges.length > 0 && (
              <>
                <article className="panel">
                  <h2>{t('alert.network')}</h2>
                  <NetworkGraph subgraph={alert.subgraph} />
                </article>
                <article className="panel">
                  <h2>{t('alert.timeline')}</h2>
                  <EvidenceTimeline edges={alert.subgraph.edges} />
                </article>
              </>
            )}
            {(transactions.length > 0 || alert.subgraph.edges.length > 0) && (
              <article className="panel">
                <h2>{t('alert.evidence')}</h2>
                <EvidenceTable transactions={transactions} edges={alert.subgraph.edges} />
              </article>
            )}
          </>
        )}
      </AsyncState>
    </section>
  );
}
