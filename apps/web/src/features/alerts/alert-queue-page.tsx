import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { type AlertView, api } from '../../api/endpoints.ts';
import { href, navigate } from '../../app/router.ts';
import { useSession } from '../../auth/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { AsyncState } from '../../ui/async-state.tsx';
import { AccountLabel, ScoreBadge, StatusBadge, TypologyTags } from '../../ui/badges.tsx';
import {
  PAGE_SIZE,
  type QueueState,
  queueStateFromQuery,
  queueStateToQuery,
  requestFor,
  type SortKey,
  sortAlerts,
} from './alert-filters.ts';

const STATUSES = ['new', 'triaged', 'in-case', 'closed'] as const;

function go(state: QueueState) {
  navigate('/alerts', queueStateToQuery(state));
}

function Filters({ state }: { state: QueueState }) {
  const { t } = useLocale();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => {
      const v = String(data.get(name) ?? '').trim();
      return v === '' ? undefined : v;
    };
    const minScore = value('minScore');
    go({
      ...state,
      page: 1,
      filters: {
        typology: value('typology'),
        status: value('status'),
        minScore: minScore === undefined ? undefined : Number(minScore),
        assignee: value('assignee'),
        from: value('from'),
        to: value('to'),
      },
    });
  };
  const f = state.filters;
  // keyed on the URL state so that back/forward refills the form
  return (
    <form className="filters panel" onSubmit={submit} key={JSON.stringify(f)} data-testid="alert-filters">
      <label className="field">
        <span>{t('alerts.filter.typology')}</span>
        <input name="typology" defaultValue={f.typology ?? ''} dir="ltr" placeholder="FAN-OUT" />
      </label>
      <label className="field">
        <span>{t('alerts.filter.status')}</span>
        <select name="status" defaultValue={f.status ?? ''}>
          <option value="">{t('common.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field narrow">
        <span>{t('alerts.filter.minScore')}</span>
        <input name="minScore" type="number" min="0" max="1" step="0.05" defaultValue={f.minScore ?? ''} />
      </label>
      <label className="field">
        <span>{t('alerts.filter.assignee')}</span>
        <input name="assignee" defaultValue={f.assignee ?? ''} />
      </label>
      <label className="field">
        <span>{t('alerts.filter.from')}</span>
        <input name="from" type="date" defaultValue={f.from ?? ''} />
      </label>
      <label className="field">
        <span>{t('alerts.filter.to')}</span>
        <input name="to" type="date" defaultValue={f.to ?? ''} />
      </label>
      <div className="filter-actions">
        <button type="submit" className="primary">
          {t('common.apply')}
        </button>
        <button
          type="button"
          className="ghost"
          onClick={() => go({ filters: {}, sort: state.sort, page: 1 })}
        >
          {t('common.reset')}
        </button>
      </div>
    </form>
  );
}

function SortHeader({ state, column, label }: { state: QueueState; column: SortKey; label: MessageKey }) {
  const { t } = useLocale();
  const active = state.sort.key === column;
  const nextDir = active && state.sort.dir === 'desc' ? 'asc' : 'desc';
  return (
    <th aria-sort={active ? (state.sort.dir === 'desc' ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className={`sort ${active ? 'active' : ''}`}
        onClick={() => go({ ...state, page: 1, sort: { key: column, dir: nextDir } })}
      >
        {t(label)}
        <span aria-hidden="true">{active ? (state.sort.dir === 'desc' ? ' ▼' : ' ▲') : ' ↕'}</span>
      </button>
    </th>
  );
}

/** A case opened from several alerts is titled by their typologies, e.g. "FAN-OUT, CYCLE (3 alerts)". */
function caseTitleFor(alerts: readonly AlertView[], t: ReturnType<typeof useLocale>['t']): string {
  const typologies = [...new Set(alerts.flatMap((a) => a.typologies))].slice(0, 4).join(', ');
  return t('alerts.bulk.caseTitle', { typologies, count: alerts.length });
}

function BulkBar({ alerts, onDone }: { alerts: readonly AlertView[]; onDone: () => void }) {
  const selected = alerts.map((a) => a.id);
  const { t } = useLocale();
  const { client, identity } = useSession();
  const queryClient = useQueryClient();
  const [assignee, setAssignee] = useState(identity.name);
  const [notice, setNotice] = useState<string | null>(null);
  const assign = useMutation({
    mutationFn: () => api.assignAlerts(client, selected, assignee.trim() || null),
    onSuccess: async () => {
      setNotice(
        t('alerts.bulk.assigned', { count: selected.length, assignee: assignee || t('common.unassigned') }),
      );
      onDone();
      await queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
  const open = useMutation({
    mutationFn: () => api.createCase(client, { title: caseTitleFor(alerts, t), alertIds: selected }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      navigate(`/cases/${created.id}`);
    },
  });
  const error = assign.error ?? open.error;
  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <strong>{t('alerts.bulk.selected', { count: selected.length })}</strong>
      <label className="inline-field">
        <span>{t('alerts.bulk.assignTo')}</span>
        <input value={assignee} onChange={(e) => setAssignee(e.target.value)} name="bulkAssignee" />
      </label>
      <button
        type="button"
        className="primary"
        disabled={selected.length === 0 || assign.isPending}
        onClick={() => assign.mutate()}
      >
        {t('alerts.bulk.assign')}
      </button>
      <button type="button" disabled={selected.length === 0 || open.isPending} onClick={() => open.mutate()}>
        {t('alerts.bulk.createCase')}
      </button>
      {notice !== null && <span className="notice">{notice}</span>}
      {error instanceof Error && <span className="error">{error.message}</span>}
    </div>
  );
}

function QueueTable({ state, alerts }: { state: QueueState; alerts: readonly AlertView[] }) {
  const { t, fmt } = useLocale();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => sortAlerts(alerts, state.sort), [alerts, state.sort]);
  const allSelected = rows.length > 0 && rows.every((a) => selected.has(a.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  if (rows.length === 0) return <p className="panel empty">{t('alerts.empty')}</p>;
  return (
    <>
      <BulkBar alerts={rows.filter((a) => selected.has(a.id))} onDone={() => setSelected(new Set())} />
      <div className="table-wrap panel">
        <table className="data" data-testid="alert-table">
          <thead>
            <tr>
              <th className="check">
                <input
                  type="checkbox"
                  aria-label={t('alerts.selectAll')}
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((a) => a.id)))}
                />
              </th>
              <SortHeader state={state} column="score" label="alerts.col.score" />
              <th>{t('alerts.col.typologies')}</th>
              <th>{t('alerts.col.accounts')}</th>
              <SortHeader state={state} column="transactions" label="alerts.col.transactions" />
              <SortHeader state={state} column="start" label="alerts.col.window" />
              <SortHeader state={state} column="createdAt" label="alerts.col.created" />
              <th>{t('alerts.col.status')}</th>
              <th>{t('alerts.col.assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} className={selected.has(a.id) ? 'selected' : undefined}>
                <td className="check">
                  <input
                    type="checkbox"
                    aria-label={t('alerts.select', { id: a.id })}
                    checked={selected.has(a.id)}
                    onChange={() => toggle(a.id)}
                  />
                </td>
                <td>
                  <ScoreBadge score={a.score} />
                </td>
                <td>
                  <a href={href(`/alerts/${a.id}`)} className="row-link" data-testid="alert-link">
                    <TypologyTags typologies={a.typologies} />
                  </a>
                </td>
                <td>
                  {a.accounts.slice(0, 2).map((acc) => (
                    <div key={`${acc.bank}|${acc.account}`}>
                      <AccountLabel account={`${acc.bank}|${acc.account}`} />
                    </div>
                  ))}
                  {a.accounts.length > 2 && (
                    <span className="muted">+{fmt.number(a.accounts.length - 2)}</span>
                  )}
                </td>
                <td className="num">{fmt.number(a.transactions.length)}</td>
                <td className="nowrap">
                  {fmt.date(a.start)} – {fmt.date(a.end)}
                </td>
                <td className="nowrap">{fmt.dateTime(a.createdAt)}</td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
                <td>
                  {a.assignee === undefined ? (
                    <span className="muted">—</span>
                  ) : (
                    (a.assignee ?? <span className="muted">{t('common.unassigned')}</span>)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function AlertQueuePage({ query }: { query: URLSearchParams }) {
  const { t, fmt } = useLocale();
  const { client } = useSession();
  const state = queueStateFromQuery(query);
  const request = requestFor(state);
  const alerts = useQuery({
    queryKey: ['alerts', request],
    queryFn: () => api.listAlerts(client, request),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((alerts.data?.total ?? 0) / PAGE_SIZE));
  return (
    <section className="page">
      <div className="page-head">
        <div>
          <h1>{t('alerts.title')}</h1>
          {alerts.data && <p className="muted">{t('alerts.subtitle', { count: alerts.data.total })}</p>}
        </div>
      </div>
      <Filters state={state} />
      <AsyncState query={alerts}>
        {(page) => (
          <>
            <QueueTable key={JSON.stringify(request)} state={state} alerts={page.items} />
            <div className="pager">
              <button
                type="button"
                disabled={state.page <= 1}
                onClick={() => go({ ...state, page: state.page - 1 })}
              >
                {t('common.previous')}
              </button>
              <span>{t('common.pageOf', { page: fmt.number(state.page), pages: fmt.number(pages) })}</span>
              <button
                type="button"
                disabled={state.page >= pages}
                onClick={() => go({ ...state, page: state.page + 1 })}
              >
                {t('common.next')}
              </button>
            </div>
          </>
        )}
      </AsyncState>
    </section>
  );
}
