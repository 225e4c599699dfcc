import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useSession } from '../../auth/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { AsyncState } from '../../ui/async-state.tsx';
import { HorizontalBars, PALETTE, StackedColumns } from '../../ui/charts.tsx';
import {
  alertsPerTypology,
  amountsByCorridor,
  flowsFromEdges,
  flowsFromTransactions,
  mainCurrency,
  queueAgeing,
} from './aggregate.ts';

/** How many alerts (the queue's first page, highest score first) the dashboard summarises, and how many of them it opens for corridor amounts. */
const SAMPLE = 500;
const CORRIDOR_SAMPLE = 40;

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="kpi">
      <div className="kpi-value">{value}</div>
      <div className="kpi-label">{label}</div>
    </div>
  );
}

function Corridors({ alertIds }: { alertIds: readonly string[] }) {
  const { t, fmt } = useLocale();
  const { client } = useSession();
  const details = useQueries({
    queries: alertIds.map((id) => ({ queryKey: ['alert', id], queryFn: () => api.getAlert(client, id) })),
  });
  const loaded = details.filter((d) => d.data !== undefined);
  const corridors = amountsByCorridor(
    loaded.flatMap((d) =>
      d.data === undefined
        ? []
        : d.data.transactions.length > 0
          ? flowsFromTransactions(d.data.transactions)
          : flowsFromEdges(d.data.alert.subgraph.edges),
    ),
  );
  const currencies = [...new Set(corridors.map((c) => c.currency))];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const currency = chosen ?? mainCurrency(corridors);
  if (loaded.length < details.length && corridors.length === 0)
    return <p className="muted">{t('common.loading')}</p>;
  if (currency === undefined) return <p className="muted">{t('dashboard.noData')}</p>;
  const rows = corridors.filter((c) => c.currency === currency).slice(0, 10);
  return (
    <>
      <div className="chart-head">
        <p className="muted small">{t('dashboard.corridorsNote', { currency })}</p>
        {currencies.length > 1 && (
          <select value={currency} onChange={(e) => setChosen(e.target.value)} aria-label="currency">
            {currencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        )}
      </div>
      <HorizontalBars
        color={PALETTE[2]}
        data={rows.map((c) => ({
          label: c.label,
          value: c.amount,
          display: fmt.compactMoney(c.amount, c.currency),
          note: `· ${fmt.number(c.count)} tx`,
        }))}
      />
    </>
  );
}

export function DashboardPage() {
  const { t, fmt } = useLocale();
  const { client } = useSession();
  const alerts = useQuery({
    queryKey: ['alerts', { dashboard: SAMPLE }],
    queryFn: () => api.listAlerts(client, { limit: SAMPLE }),
  });
  const cases = useQuery({
    queryKey: ['cases', 'list'],
    queryFn: () => api.listCases(client, { limit: 200 }),
  });
  // the dashboard's "now" is fixed per visit so that ageing does not shift while the page is open
  const [now] = useState(() => Date.now());
  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('dashboard.title')}</h1>
          {alerts.data && (
            <p className="muted">
              {t('dashboard.subtitle', {
                count: fmt.number(alerts.data.items.length),
                total: fmt.number(alerts.data.total),
              })}
            </p>
          )}
        </div>
      </div>
      <AsyncState query={alerts}>
        {(page) => {
          const items = page.items;
          const open = items.filter((a) => a.status !== 'closed');
          // activity time is meaningful for monitoring alerts only; a screening alert's time is when it ran
          const perTypology = alertsPerTypology(items.filter((a) => a.source === 'monitoring'));
          const ageing = queueAgeing(items, now);
          const oldest = open.length > 0 ? Math.min(...open.map((a) => a.createdAt)) : undefined;
          const openCases = cases.data?.items.filter(
            (c) => c.status !== 'reported' && c.status !== 'closed',
          ).length;
          // alerts with money flows only (a screening alert has none)
          const withFlows = items
            .filter((a) => a.subgraph.edges.length > 0)
            .sort((a, b) => b.score - a.score)
            .slice(0, CORRIDOR_SAMPLE)
            .map((a) => a.id);
          return (
            <>
              <div className="kpis">
                <Kpi label={t('dashboard.kpi.open')} value={fmt.number(open.length)} />
                <Kpi
                  label={t('dashboard.kpi.highScore')}
                  value={fmt.number(items.filter((a) => a.score >= 0.8).length)}
                />
                <Kpi
                  label={t('dashboard.kpi.cases')}
                  value={openCases === undefined ? '…' : fmt.number(openCases)}
                />
                <Kpi
                  label={t('dashboard.kpi.oldest')}
                  value={oldest === undefined ? '—' : fmt.relative(oldest, now)}
                />
              </div>
              <div className="grid-2">
                <article className="panel">
                  <h2>{t('dashboard.perTypology')}</h2>
                  <p className="muted small">{t('dashboard.perTypologyNote')}</p>
                  {perTypology.series.length === 0 ? (
                    <p className="muted">{t('dashboard.noData')}</p>
                  ) : (
                    <StackedColumns
                      labels={perTypology.buckets.map((b) => fmt.day(b))}
                      series={perTypology.series
                        .slice(0, 8)
                        .map((s) => ({ name: s.typology, values: s.counts }))}
                    />
                  )}
                </article>
                <article className="panel">
                  <h2>{t('dashboard.ageing')}</h2>
                  <HorizontalBars
                    color={PALETTE[1]}
                    data={ageing.map((n, i) => ({
                      label: t(`dashboard.age.${i}` as MessageKey),
                      value: n,
                      display: fmt.number(n),
                    }))}
                  />
                </article>
              </div>
              <article className="panel" data-testid="corridor-chart">
                <h2>{t('dashboard.corridors')}</h2>
                <Corridors alertIds={withFlows} />
              </article>
            </>
          );
        }}
      </AsyncState>
    </section>
  );
}
