import type { AuditEntry, Case, CaseResolution, CaseStatus } from '@raqib/core';
import { CASE_RESOLUTIONS, CASE_STATUSES, CASE_TRANSITIONS } from '@raqib/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { href } from '../../app/router.ts';
import { useSession } from '../../auth/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { AsyncState } from '../../ui/async-state.tsx';
import { StatusBadge } from '../../ui/badges.tsx';
import { changedFields } from './audit-diff.ts';
import { StrPanel } from './str-panel.tsx';

function useCaseMutation<A>(id: string, fn: (arg: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['case', id] });
      await queryClient.invalidateQueries({ queryKey: ['audit', id] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

const rank = (s: CaseStatus) => CASE_STATUSES.indexOf(s);

function StatusForm({ current }: { current: Case }) {
  const { t } = useLocale();
  const { client } = useSession();
  const allowed = CASE_TRANSITIONS[current.status];
  // offer the next step forward first (escalated → reported), closing and stepping back stay one click away
  const forward = [...allowed].filter((s) => s !== 'closed').sort((a, b) => rank(b) - rank(a))[0];
  const [to, setTo] = useState<CaseStatus | ''>(forward ?? allowed[0] ?? '');
  const [reason, setReason] = useState('');
  const [resolution, setResolution] = useState<CaseResolution>('false-positive');
  const change = useCaseMutation(current.id, () =>
    api.changeStatus(client, current.id, {
      status: to as CaseStatus,
      reason: reason.trim(),
      ...(to === 'closed' ? { resolution } : {}),
    }),
  );
  if (allowed.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(undefined, { onSuccess: () => setReason('') });
  };
  return (
    <form className="stack" onSubmit={submit} data-testid="status-form">
      <label className="field">
        <span>{t('case.moveTo')}</span>
        <select name="statusTo" value={to} onChange={(e) => setTo(e.target.value as CaseStatus)}>
          {allowed.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {to === 'closed' && (
        <label className="field">
          <span>{t('case.resolution')}</span>
          <select value={resolution} onChange={(e) => setResolution(e.target.value as CaseResolution)}>
            {CASE_RESOLUTIONS.map((r) => (
              <option key={r} value={r}>
                {t(`resolution.${r}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t('case.reason')}</span>
        <input name="statusReason" value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <button
        type="submit"
        className="primary"
        disabled={change.isPending || reason.trim() === '' || to === ''}
      >
        {t('case.changeStatus')}
      </button>
      {change.error instanceof Error && <p className="error">{change.error.message}</p>}
    </form>
  );
}

function AssignForm({ current }: { current: Case }) {
  const { t } = useLocale();
  const { client } = useSession();
  const [assignee, setAssignee] = useState(current.assignee ?? '');
  const assign = useCaseMutation(current.id, () =>
    api.assignCase(client, current.id, assignee.trim() || null),
  );
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        assign.mutate(undefined);
      }}
    >
      <label className="field grow">
        <span>{t('case.assignee')}</span>
        <input name="caseAssignee" value={assignee} onChange={(e) => setAssignee(e.target.value)} />
      </label>
      <button type="submit" disabled={assign.isPending}>
        {t('case.assign')}
      </button>
      {assign.error instanceof Error && <p className="error">{assign.error.message}</p>}
    </form>
  );
}

function Notes({ current }: { current: Case }) {
  const { t, fmt } = useLocale();
  const { client } = useSession();
  const [text, setText] = useState('');
  const add = useCaseMutation(current.id, () => api.addNote(client, current.id, text.trim()));
  const notes = current.timeline.filter((e) => e.kind === 'note').reverse();
  return (
    <div className="stack">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(undefined, { onSuccess: () => setText('') });
        }}
      >
        <textarea
          name="note"
          rows={3}
          value={text}
          placeholder={t('case.notePlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="primary" disabled={add.isPending || text.trim() === ''}>
          {t('case.addNote')}
        </button>
        {add.error instanceof Error && <p className="error">{add.error.message}</p>}
      </form>
      <ul className="notes" data-testid="case-notes">
        {notes.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: notes are append-only; position plus time is stable
          <li key={`${n.at}-${i}`}>
            <div className="note-head">
              <strong>{n.actor}</strong> <span className="muted">{fmt.dateTime(n.at)}</span>
            </div>
            <p dir="auto">{n.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Timeline({ current }: { current: Case }) {
  const { t, fmt, dir } = useLocale();
  // "from → to" reads right to left in Arabic, so the arrow turns with it
  const arrow = dir === 'rtl' ? '←' : '→';
  return (
    <ol className="case-timeline" data-testid="case-timeline">
      {[...current.timeline].reverse().map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is append-only
        <li key={`${e.at}-${i}`} className={`ev ev-${e.kind}`}>
          <span className="ev-dot" aria-hidden="true" />
          <div>
            <div>
              <strong>{e.actor}</strong> {t(`event.${e.kind}` as MessageKey)}
              {e.kind === 'status' && e.from && e.to && (
                <>
                  {' '}
                  <StatusBadge status={e.from} /> {arrow} <StatusBadge status={e.to} />
                </>
              )}
              {e.kind === 'assigned' && (
                <>
                  {' '}
                  {arrow} {e.assignee ?? t('common.unassigned')}
                </>
              )}
              {e.resolution && <> · {t(`resolution.${e.resolution}` as MessageKey)}</>}
            </div>
            {e.text && e.kind !== 'note' && (
              <div className="muted" dir="auto">
                {e.text}
              </div>
            )}
            {e.documentHash && (
              <div className="muted small mono" dir="ltr">
                sha256 {e.documentHash.slice(0, 16)}…
              </div>
            )}
            <div className="muted small">{fmt.dateTime(e.at)}</div>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** A before/after value in a few characters: a draft or approval is named by the document hash it is about. */
const show = (v: unknown): string => {
  if (v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && 'documentHash' in v) {
    const o = v as { documentHash: unknown; by?: unknown };
    return `${String(o.by ?? '')} sha256 ${String(o.documentHash).slice(0, 12)}…`.trim();
  }
  return JSON.stringify(v);
};

function AuditTrail({ id }: { id: string }) {
  const { t, fmt } = useLocale();
  const { client } = useSession();
  const audit = useQuery({
    queryKey: ['audit', id],
    queryFn: () => api.caseAudit(client, id),
  });
  return (
    <AsyncState query={audit}>
      {(page) => (
        <div className="table-wrap">
          <table className="data compact" data-testid="audit-trail">
            <thead>
              <tr>
                <th>#</th>
                <th>{t('case.audit.at')}</th>
                <th>{t('case.audit.actor')}</th>
                <th>{t('case.audit.action')}</th>
                <th>{t('case.audit.change')}</th>
                <th>{t('case.audit.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {[...page.items]
                .sort((a: AuditEntry, b: AuditEntry) => b.seq - a.seq)
                .map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{fmt.number(e.seq)}</td>
                    <td className="nowrap">{fmt.dateTime(e.at)}</td>
                    <td>{e.actor}</td>
                    <td dir="ltr" className="mono">
                      {e.action}
                    </td>
                    <td className="small" dir="ltr">
                      {changedFields(e.before, e.after)
                        .slice(0, 4)
                        .map((c) => (
                          <div key={c.field}>
                            <span className="mono">{c.field}</span>: {show(c.from).slice(0, 40)} →{' '}
                            {show(c.to).slice(0, 40)}
                          </div>
                        ))}
                    </td>
                    <td className="mono small" dir="ltr" title={e.hash}>
                      {e.hash.slice(0, 12)}…
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </AsyncState>
  );
}

export function CasePage({ id }: { id: string }) {
  const { t, fmt } = useLocale();
  const { client } = useSession();
  const current = useQuery({ queryKey: ['case', id], queryFn: () => api.getCase(client, id) });
  return (
    <section className="page">
      <a className="back" href={href('/cases')}>
        {t('common.back')}
      </a>
      <AsyncState query={current}>
        {(c) => (
          <>
            <div className="page-head">
              <div>
                <h1>
                  <bdi data-testid="case-title">{c.title}</bdi>
                </h1>
                <div className="head-meta">
                  <span className="mono" dir="ltr">
                    {t('case.title', { id: c.id })}
                  </span>
                  <StatusBadge status={c.status} />
                  {c.resolution && <span>{t(`resolution.${c.resolution}` as MessageKey)}</span>}
                  <span>
                    {t('case.assignee')}: {c.assignee ?? t('common.unassigned')}
                  </span>
                  <span className="muted">{fmt.dateTime(c.createdAt)}</span>
                </div>
              </div>
            </div>
            <div className="grid-3">
              <article className="panel">
                <h2>{t('case.status')}</h2>
                {c.status === 'reported' || c.status === 'closed' ? (
                  <p className="muted">
                    {t('case.final', { status: t(`status.${c.status}` as MessageKey) })}
                  </p>
                ) : (
                  <>
                    <StatusForm key={`${c.status}-${c.updatedAt}`} current={c} />
                    <hr />
                    <AssignForm key={`a-${c.assignee}`} current={c} />
                  </>
                )}
                <h3>{t('case.alerts')}</h3>
                <ul className="plain">
                  {c.alertIds.map((a) => (
                    <li key={a}>
                      <a href={href(`/alerts/${a}`)} className="mono" dir="ltr">
                        {a}
                      </a>
                    </li>
                  ))}
                </ul>
              </article>
              <article className="panel">
                <h2>{t('case.notes')}</h2>
                <Notes current={c} />
              </article>
              <article className="panel">
                <h2>{t('case.timeline')}</h2>
                <Timeline current={c} />
              </article>
            </div>
            <article className="panel">
              <h2>{t('case.str')}</h2>
              <StrPanel current={c} />
            </article>
            <article className="panel">
              <h2>{t('case.audit')}</h2>
              <AuditTrail id={c.id} />
            </article>
          </>
        )}
      </AsyncState>
    </section>
  );
}
