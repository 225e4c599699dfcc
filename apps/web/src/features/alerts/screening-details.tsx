import type { MatchExplanation } from '@raqib/core';
import { useLocale } from '../../i18n/locale.tsx';
import { Highlighted, TokenPairs } from '../screening/match-explanation.tsx';

/** The `details` a screening alert carries: the party, the list entry it may be, and the match explanation. */
interface ScreeningAlertDetails {
  readonly party?: { readonly name?: string; readonly role?: string };
  readonly list?: string;
  readonly listVersion?: string;
  readonly refId?: string;
  readonly entryKind?: string;
  readonly programmes?: readonly string[];
  readonly explanation?: MatchExplanation;
}

function asScreening(details: unknown): ScreeningAlertDetails | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const d = details as ScreeningAlertDetails;
  return d.explanation && Array.isArray(d.explanation.tokens) ? d : undefined;
}

/** A screening alert's evidence: who was screened, against which listed name, and why it matched. */
export function ScreeningDetails({ details }: { details: unknown }) {
  const { t } = useLocale();
  const d = asScreening(details);
  if (d === undefined || d.explanation === undefined) return null;
  const ex = d.explanation;
  return (
    <article className="panel" data-testid="screening-details">
      <h2>{t('alert.screening')}</h2>
      <dl className="meta">
        <dt>{t('alert.screening.party')}</dt>
        <dd>
          <Highlighted text={ex.queryName} tokens={ex.tokens.map((tk) => tk.query)} />
          {d.party?.role && <span className="muted small"> · {d.party.role}</span>}
        </dd>
        <dt>{t('screening.col.name')}</dt>
        <dd>
          <Highlighted text={ex.matchedName} tokens={ex.tokens.map((tk) => tk.candidate)} />
          <span className="muted small"> · {ex.matchedNameType}</span>
        </dd>
        <dt>{t('screening.col.list')}</dt>
        <dd dir="ltr">
          <span className="tag">{d.list}</span> {d.refId}{' '}
          {d.listVersion && <span className="muted">({d.listVersion})</span>}
          {d.programmes && d.programmes.length > 0 && (
            <span className="muted"> · {d.programmes.join(', ')}</span>
          )}
        </dd>
        <dt>{t('screening.col.why')}</dt>
        <dd>
          <TokenPairs explanation={ex} />
        </dd>
      </dl>
    </article>
  );
}
