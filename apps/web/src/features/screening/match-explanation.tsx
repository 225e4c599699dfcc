import type { MatchExplanation } from '@raqib/core';
import { useLocale } from '../../i18n/locale.tsx';
import { highlightSegments } from './highlight.ts';

/** Arabic script anywhere in a string decides its direction, so mixed lists read naturally in both UIs. */
export const hasArabic = (text: string) => /[\u0600-\u06FF\u0750-\u077F]/.test(text);

/** A name with the given tokens marked; pair colours match the token-pair list. */
export function Highlighted({ text, tokens }: { text: string; tokens: readonly string[] }) {
  return (
    <bdi dir={hasArabic(text) ? 'rtl' : 'ltr'} className="name">
      {highlightSegments(text, tokens).map((s, i) =>
        s.pair < 0 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder
          <span key={i}>{s.text}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder
          <mark key={i} className={`hl hl-${s.pair % 6}`}>
            {s.text}
          </mark>
        ),
      )}
    </bdi>
  );
}

/** Which query token met which listed token, how, and how closely; then what stayed unmatched. */
export function TokenPairs({ explanation: ex }: { explanation: MatchExplanation }) {
  const { t, fmt } = useLocale();
  return (
    <ul className="why">
      {ex.tokens.map((tk, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: token pairs are positional
        <li key={i}>
          <mark className={`hl hl-${i % 6}`}>
            <bdi>{tk.query}</bdi>
          </mark>{' '}
          ↔{' '}
          <mark className={`hl hl-${i % 6}`}>
            <bdi>{tk.candidate}</bdi>
          </mark>{' '}
          <span className="muted">
            {t(`screening.how.${tk.how}`)} · {fmt.percent(tk.similarity)}
          </span>
        </li>
      ))}
      {ex.unmatchedQuery.length > 0 && (
        <li className="muted">
          ∅ <bdi>{ex.unmatchedQuery.join(' ')}</bdi>
        </li>
      )}
      {ex.aliasTable && (
        <li className="muted">{t('screening.aliasTable', { group: ex.aliasTable.group })}</li>
      )}
    </ul>
  );
}
