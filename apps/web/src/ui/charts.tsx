import { useState } from 'react';
import { useLocale } from '../i18n/locale.tsx';

/** Categorical palette, colour-blind safe (Okabe–Ito order, first eight). */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#8C6D1F',
  '#555555',
] as const;

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(value));
  const m = value / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

export interface StackedSeries {
  readonly name: string;
  readonly values: readonly number[];
}

/**
 * Stacked columns over time (alerts per typology). Hand-written SVG (decision 0051): in Arabic the time axis
 * runs right to left like the text around it.
 */
export function StackedColumns({
  labels,
  series,
  height = 240,
}: {
  labels: readonly string[];
  series: readonly StackedSeries[];
  height?: number;
}) {
  const { fmt, dir } = useLocale();
  const [hover, setHover] = useState<number | null>(null);
  const width = 720;
  const pad = { top: 12, bottom: 34, side: 40 };
  const totals = labels.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotW = width - 2 * pad.side;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / Math.max(1, labels.length);
  const barW = Math.max(2, Math.min(36, slot * 0.7));
  const xOf = (i: number) => {
    const x = pad.side + slot * i + (slot - barW) / 2;
    return dir === 'rtl' ? width - x - barW : x;
  };
  const yOf = (v: number) => pad.top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(labels.length / 8);
  const axisX = dir === 'rtl' ? width - pad.side + 6 : pad.side - 6;
  return (
    <div className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label="stacked columns">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={pad.side}
              x2={width - pad.side}
              y1={yOf(max * f)}
              y2={yOf(max * f)}
              className="grid-line"
            />
            <text x={axisX} y={yOf(max * f) + 4} textAnchor="end" className="axis-label" direction="ltr">
              {fmt.number(max * f)}
            </text>
          </g>
        ))}
        {labels.map((label, i) => {
          let acc = 0;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: buckets are positional
            <g key={i} onPointerEnter={() => setHover(i)} onPointerLeave={() => setHover(null)}>
              <rect
                x={xOf(i) - 2}
                y={pad.top}
                width={barW + 4}
                height={plotH}
                className={hover === i ? 'hover-band' : 'hit'}
              />
              {series.map((s, k) => {
                const v = s.values[i] ?? 0;
                const y = yOf(acc + v);
                const h = yOf(acc) - y;
                acc += v;
                return v > 0 ? (
                  <rect
                    key={s.name}
                    x={xOf(i)}
                    y={y}
                    width={barW}
                    height={h}
                    fill={PALETTE[k % PALETTE.length]}
                    rx="1.5"
                  />
                ) : null;
              })}
              {i % labelEvery === 0 && (
                <text x={xOf(i) + barW / 2} y={height - 12} textAnchor="middle" className="axis-label">
                  {label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <div className="chart-legend">
        {series.map((s, k) => (
          <span key={s.name}>
            <span className="swatch" style={{ background: PALETTE[k % PALETTE.length] }} />
            <bdi dir="ltr">{s.name}</bdi>
            {hover !== null && <strong> {fmt.number(s.values[hover] ?? 0)}</strong>}
          </span>
        ))}
        {hover !== null && <span className="muted">· {labels[hover]}</span>}
      </div>
    </div>
  );
}

export interface BarDatum {
  readonly label: string;
  readonly value: number;
  readonly display: string;
  readonly note?: string | undefined;
}

/** Horizontal bars with value labels; bars grow from the reading start (right in Arabic) via CSS logical sizes. */
export function HorizontalBars({ data, color = PALETTE[0] }: { data: readonly BarDatum[]; color?: string }) {
  const max = Math.max(0, ...data.map((d) => d.value)) || 1;
  return (
    <ul className="hbars">
      {data.map((d) => (
        <li key={d.label}>
          <span className="hbar-label">
            <bdi dir="ltr">{d.label}</bdi>
            {d.note && <span className="muted small"> {d.note}</span>}
          </span>
          <span className="hbar-track">
            <span
              className="hbar-fill"
              style={{ inlineSize: `${(d.value / max) * 100}%`, background: color }}
            />
          </span>
          <span className="hbar-value">{d.display}</span>
        </li>
      ))}
    </ul>
  );
}
