import type { SubgraphEdge, Transaction } from '@raqib/core';
import { useLocale } from '../../i18n/locale.tsx';
import { AccountLabel } from '../../ui/badges.tsx';

/**
 * The evidence transactions. The full records when the API sent them (channel, received leg, corridor);
 * otherwise the subgraph's edges, which every alert carries.
 */
export function EvidenceTable({
  transactions,
  edges,
}: {
  transactions: readonly Transaction[];
  edges: readonly SubgraphEdge[];
}) {
  const { t, fmt } = useLocale();
  if (transactions.length > 0) {
    const rows = [...transactions].sort((a, b) => a.ts - b.ts);
    return (
      <div className="table-wrap">
        <table className="data" data-testid="evidence-table">
          <thead>
            <tr>
              <th>{t('tx.time')}</th>
              <th>{t('tx.id')}</th>
              <th>{t('tx.from')}</th>
              <th>{t('tx.to')}</th>
              <th className="num">{t('tx.amount')}</th>
              <th className="num">{t('tx.received')}</th>
              <th>{t('tx.format')}</th>
              <th>{t('tx.corridor')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((tx) => (
              <tr key={tx.id}>
                <td className="nowrap">{fmt.dateTime(tx.ts)}</td>
                <td>
                  <bdi dir="ltr" className="mono">
                    {tx.id}
                  </bdi>
                </td>
                <td>
                  <AccountLabel account={`${tx.fromBank}|${tx.fromAccount}`} />
                  {tx.debtorName && <div className="muted small">{tx.debtorName}</div>}
                </td>
                <td>
                  <AccountLabel account={`${tx.toBank}|${tx.toAccount}`} />
                  {tx.creditorName && <div className="muted small">{tx.creditorName}</div>}
                </td>
                <td className="num nowrap">{fmt.money(tx.amountPaid, tx.currencyPaid)}</td>
                <td className="num nowrap">
                  {tx.currencyReceived !== tx.currencyPaid || tx.amountReceived !== tx.amountPaid
                    ? fmt.money(tx.amountReceived, tx.currencyReceived)
                    : '—'}
                </td>
                <td>{tx.paymentFormat}</td>
                <td dir="ltr">
                  {tx.fromCountry || tx.toCountry ? `${tx.fromCountry ?? '?'} → ${tx.toCountry ?? '?'}` : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const rows = [...edges].sort((a, b) => a.ts - b.ts);
  return (
    <div className="table-wrap">
      <table className="data" data-testid="evidence-table">
        <thead>
          <tr>
            <th>{t('tx.time')}</th>
            <th>{t('tx.id')}</th>
            <th>{t('tx.from')}</th>
            <th>{t('tx.to')}</th>
            <th className="num">{t('tx.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.txId}>
              <td className="nowrap">{fmt.dateTime(e.ts)}</td>
              <td>
                <bdi dir="ltr" className="mono">
                  {e.txId}
                </bdi>
              </td>
              <td>
                <AccountLabel account={e.from} />
              </td>
              <td>
                <AccountLabel account={e.to} />
              </td>
              <td className="num nowrap">{fmt.money(e.amount, e.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
