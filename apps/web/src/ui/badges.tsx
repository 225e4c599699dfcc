import { useLocale } from '../i18n/locale.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** Score as a bar and a number; colour bands match the detectors' low/medium/high bands. */
export function ScoreBadge({ score }: { score: number }) {
  const { fmt } = useLocale();
  const band = score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : 'low';
  return (
    <span className={`score score-${band}`} title={String(score)}>
      <span className="score-bar" aria-hidden="true">
        <span style={{ inlineSize: `${Math.round(Math.min(1, Math.max(0, score)) * 100)}%` }} />
      </span>
      <span className="score-num">{fmt.number(score, 2)}</span>
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useLocale();
  const key = `status.${status}` as MessageKey;
  return <span className={`badge status-${status}`}>{t(key)}</span>;
}

export function TypologyTags({ typologies }: { typologies: readonly string[] }) {
  return (
    <span className="tags">
      {typologies.map((name) => (
        <span key={name} className="tag" dir="ltr">
          {name}
        </span>
      ))}
    </span>
  );
}

/** An account key (`bank|account`) shown as bank · account, always left-to-right. */
export function AccountLabel({ account }: { account: string }) {
  const bar = account.indexOf('|');
  const bank = bar < 0 ? '' : account.slice(0, bar);
  const id = bar < 0 ? account : account.slice(bar + 1);
  return (
    <bdi className="account" dir="ltr">
      {bank !== '' && <span className="account-bank">{bank}</span>}
      <span className="account-id">{id}</span>
    </bdi>
  );
}
