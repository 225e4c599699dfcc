import type { SubgraphEdge } from '@raqib/core';
import { currencyExponent } from '@raqib/core';
import { useMemo, useState } from 'react';
import { useLocale } from '../../i18n/locale.tsx';
import { useWidth } from '../../ui/use-width.ts';

const HEIGHT = 130;
const PAD_X = 28;
const AXIS_Y = 100;

/**
 * The evidence on a time axis: one mark per transaction, higher for larger amounts (log scale, so a
 * structuring run of just-below-threshold payments reads as a flat line). In Arabic the axis runs right to left.
 */
export function EvidenceTimeline({ edges }: { edges: readonly SubgraphEdge[] }) {
  const { fmt, dir } = useLocale();
  const [hover, setHover] = useState<SubgraphEdge | null>(null);
  const [box, WIDTH] = useWidth<HTMLDivElement>(760);
  const points = useMemo(() => {
    if (edges.length === 0) return [];
    const t0 = Math.min(...edges.map((e) => e.ts));
    const t1 = Math.max(...edges.map((e) => e.ts));
    const span = Math.max(1, t1 - t0);
    const logs = edges.map((e) => Math.log10(1 + e.amount / 10 ** currencyExponent(e.currency)));
    const lo = Math.min(...logs);
    const hi = Math.max(...logs);
    return edges.map((e, i) => {
      const fx = (e.ts - t0) / span;
      const x = PAD_X + (dir === 'rtl' ? 1 - fx : fx) * (WIDTH - 2 * PAD_X);
      const y = AXIS_Y - 14 - ((logs[i]! - lo) / Math.max(1e-9, hi - lo)) * 70;
      return { e, x, y };
    });
  }, [edges, dir, WIDTH]);
  if (points.length === 0) return null;
  const first = Math.min(...edges.map((e) => e.ts));
  const last = Math.max(...edges.map((e) => e.ts));
  // labels centred a little inside the ends: text-anchor start/end flip meaning under direction: rtl
  const inset = PAD_X + 64;
  const [startX, endX] = dir === 'rtl' ? [WIDTH - inset, inset] : [inset, WIDTH - inset];
  return (
    <div className="timeline" data-testid="evidence-timeline" ref={box}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label="timeline">
        <line x1={PAD_X} x2={WIDTH - PAD_X} y1={AXIS_Y} y2={AXIS_Y} className="axis" />
        {points.map(({ e, x, y }) => (
          <g key={e.txId} onPointerEnter={() => setHover(e)} onPointerLeave={() => setHover(null)}>
            <line x1={x} x2={x} y1={AXIS_Y} y2={y} className={`stem ${hover === e ? 'hot' : ''}`} />
            <circle cx={x} cy={y} r={hover === e ? 6 : 4.5} className={`mark ${hover === e ? 'hot' : ''}`} />
          </g>
        ))}
        <text x={startX} y={AXIS_Y + 20} textAnchor="middle" className="axis-label">
          {fmt.dateTime(first)}
        </text>
        <text x={endX} y={AXIS_Y + 20} textAnchor="middle" className="axis-label">
          {fmt.dateTime(last)}
        </text>
      </svg>
      <div className="graph-info">
        {hover ? (
          <span>
            <bdi dir="ltr">{hover.txId}</bdi> · {fmt.dateTime(hover.ts)} ·{' '}
            {fmt.money(hover.amount, hover.currency)}
          </span>
        ) : (
          <span className="muted">&nbsp;</span>
        )}
      </div>
    </div>
  );
}
