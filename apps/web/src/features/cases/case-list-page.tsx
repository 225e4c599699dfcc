import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import { href } from '../../app/router.ts';
import { useSession } from '../../auth/session.tsx';
import { useLocale } from '../../i18n/locale.tsx';
import { AsyncState } from '../../ui/async-state.tsx';
import { StatusBadge } from '../../ui/badges.tsx';

export function CaseListPage() {
  const { t, fmt } = useLocale();
  const { client } = useSession();
  const cases = useQuery({
    queryKey: ['cases', 'list'],
    queryFn: () => api.listCases(client, { limit: 200 }),
  });
  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('cases.title')}</h1>
      </div>
      <AsyncState query={cases}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="panel empty">{t('cases.empty')}</p>
          ) : (
            <div className="table-wrap panel">
              <table className="data" data-testid="case-table">
                <thead>
                  <tr>
                    <th>{t('cases.col.id')}</th>
                    <th>{t('cases.col.title')}</th>
                    <th>{t('cases.col.status')}</th>
                    <th className="num">{t('cases.col.alerts')}</th>
                    <th>{t('cases.col.assignee')}</th>
                    <th>{t('cases.col.str')}</th>
                    <th>{t('cases.col.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...page.items]
                    .sort((a, b) => b.updatedAt - a.updatedAt)
                    .map((c) => (
                      <tr key={c.id}>
                        <td>
                          <a href={href(`/cases/${c.id}`)} className="mono" dir="ltr">
                            {c.id}
                          </a>
                        </td>
                        <td>{c.title}</td>
                        <td>
                          <StatusBadge status={c.status} />
                        </td>
                        <td className="num">{fmt.number(c.alertIds.length)}</td>
                        <td>{c.assignee ?? <span className="muted">{t('common.unassigned')}</span>}</td>
                        <td>
                          {c.draft === undefined ? (
                            <span className="muted">—</span>
                          ) : c.approval?.documentHash === c.draft.documentHash ? (
                            <span className="badge status-reported">{t('cases.str.approved')}</span>
                          ) : (
                            <span className="badge status-escalated">{t('cases.str.draft')}</span>
                          )}
                        </td>
                        <td className="nowrap">{fmt.dateTime(c.updatedAt)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )
        }
      </AsyncState>
    </section>
  );
}
