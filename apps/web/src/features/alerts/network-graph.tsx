import type { Subgraph } from '@raqib/core';
import { type PointerEvent as ReactPointerEvent, useMemo, useRef, useState, type WheelEvent } from 'react';
import { useLocale } from '../../i18n/locale.tsx';
import { useWidth } from '../../ui/use-width.ts';
import { type GraphLink, type GraphNode, layoutSubgraph } from './graph-layout.ts';

/** Taller pictures for bigger subgraphs, within a screen's reach. */
const heightFor = (nodes: number) => Math.min(680, Math.max(420, 260 + nodes * 16));
const RADIUS = 18;

interface View {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

const IDENTITY: View = { k: 1, x: 0, y: 0 };

type Drag =
  | { readonly kind: 'node'; readonly id: string; readonly pointer: number }
  | {
      readonly kind: 'pan';
      readonly startX: number;
      readonly startY: number;
      readonly view: View;
      readonly pointer: number;
    };

function fitView(nodes: readonly GraphNode[], WIDTH: number, HEIGHT: number): View {
  if (nodes.length === 0) return { k: 1, x: WIDTH / 2, y: HEIGHT / 2 };
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const minX = Math.min(...xs) - 70;
  const maxX = Math.max(...xs) + 70;
  const minY = Math.min(...ys) - 50;
  const maxY = Math.max(...ys) + 50;
  const k = Math.min(1.6, WIDTH / (maxX - minX), HEIGHT / (maxY - minY));
  return { k, x: WIDTH / 2 - ((minX + maxX) / 2) * k, y: HEIGHT / 2 - ((minY + maxY) / 2) * k };
}

function shortAccount(id: string): string {
  const account = id.slice(id.indexOf('|') + 1);
  return account.length > 12 ? `${account.slice(0, 5)}…${account.slice(-5)}` : account;
}

/** Path of a link between two node centres, stopping at the circles; reciprocal pairs bend apart. */
function linkPath(a: { x: number; y: number }, b: { x: number; y: number }, bend: boolean): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const sx = a.x + ux * RADIUS;
  const sy = a.y + uy * RADIUS;
  const ex = b.x - ux * (RADIUS + 6);
  const ey = b.y - uy * (RADIUS + 6);
  if (!bend) return `M${sx},${sy} L${ex},${ey}`;
  const off = Math.min(40, len * 0.18);
  const cx = (sx + ex) / 2 - uy * off;
  const cy = (sy + ey) / 2 + ux * off;
  return `M${sx},${sy} Q${cx},${cy} ${ex},${ey}`;
}

/**
 * The alert's subgraph as an interactive SVG network: accounts are circles coloured by role (mostly sends,
 * mostly receives, passes through), links are money flows with width by amount. Drag a node to move it,
 * drag the background to pan, scroll or use the buttons to zoom, click a node to focus its flows, and hover a
 * link for its transactions. Hand-written SVG over a d3-force layout (decision 0050).
 */
export function NetworkGraph({ subgraph }: { subgraph: Subgraph }) {
  const { t, fmt } = useLocale();
  const layout = useMemo(() => layoutSubgraph(subgraph), [subgraph]);
  const [positions, setPositions] = useState<ReadonlyMap<string, { x: number; y: number }>>(
    () => new Map(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y }])),
  );
  const [box, WIDTH] = useWidth<HTMLDivElement>(760);
  // the fitted view follows the panel's width; the analyst's pan and zoom apply on top of it
  const HEIGHT = heightFor(layout.nodes.length);
  const fit = useMemo(() => fitView(layout.nodes, WIDTH, HEIGHT), [layout, WIDTH, HEIGHT]);
  const [view, setView] = useState<View>(IDENTITY);
  const [focus, setFocus] = useState<string | null>(null);
  const [hover, setHover] = useState<GraphLink | null>(null);
  const drag = useRef<Drag | null>(null);
  const moved = useRef(false);
  const svg = useRef<SVGSVGElement>(null);

  const toGraph = (clientX: number, clientY: number) => {
    const rect = svg.current?.getBoundingClientRect();
    const sx = rect ? clientX - rect.left : 0;
    const sy = rect ? clientY - rect.top : 0;
    const ux = (sx - view.x) / view.k;
    const uy = (sy - view.y) / view.k;
    return { x: (ux - fit.x) / fit.k, y: (uy - fit.y) / fit.k, sx, sy };
  };

  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (d === null || d.pointer !== e.pointerId) return;
    moved.current = true;
    const p = toGraph(e.clientX, e.clientY);
    if (d.kind === 'node') {
      setPositions((prev) => new Map(prev).set(d.id, { x: p.x, y: p.y }));
    } else {
      setView({ ...d.view, x: d.view.x + (p.sx - d.startX), y: d.view.y + (p.sy - d.startY) });
    }
  };

  const zoom = (factor: number, cx = WIDTH / 2, cy = HEIGHT / 2) =>
    setView((v) => {
      const k = Math.min(4, Math.max(0.3, v.k * factor));
      return { k, x: cx - ((cx - v.x) * k) / v.k, y: cy - ((cy - v.y) * k) / v.k };
    });

  const onWheel = (e: WheelEvent<SVGSVGElement>) => {
    const p = toGraph(e.clientX, e.clientY);
    zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, p.sx, p.sy);
  };

  const pos = (id: string) => positions.get(id) ?? { x: 0, y: 0 };
  const maxWeight = Math.max(1, ...layout.links.map((l) => l.weight));
  const related = (l: GraphLink) => focus === null || l.from === focus || l.to === focus;
  const totals = (values: Readonly<Record<string, number>>) =>
    Object.entries(values)
      .map(([currency, amount]) => fmt.compactMoney(amount, currency))
      .join(' + ');

  return (
    <div className="graph" data-testid="network-graph" ref={box}>
      <div className="graph-toolbar">
        <button type="button" className="icon" onClick={() => zoom(1.25)} aria-label={t('graph.zoomIn')}>
          +
        </button>
        <button type="button" className="icon" onClick={() => zoom(0.8)} aria-label={t('graph.zoomOut')}>
          −
        </button>
        <button
          type="button"
          className="ghost"
          onClick={() => {
            setView(IDENTITY);
            setFocus(null);
            setPositions(new Map(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y }])));
          }}
        >
          {t('graph.reset')}
        </button>
        <span className="legend">
          <span className="dot role-source" /> {t('graph.legend.source')}
          <span className="dot role-sink" /> {t('graph.legend.sink')}
          <span className="dot role-through" /> {t('graph.legend.through')}
        </span>
      </div>
      <svg
        ref={svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={t('alert.network')}
        className="graph-canvas"
        direction="ltr"
        onWheel={onWheel}
        onPointerDown={(e) => {
          moved.current = false;
          const p = toGraph(e.clientX, e.clientY);
          drag.current = { kind: 'pan', startX: p.sx, startY: p.sy, view, pointer: e.pointerId };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={onPointerMove}
        onPointerUp={() => {
          // the pointer is captured by the svg, so a click on an account ends here too
          const d = drag.current;
          if (d !== null && !moved.current) {
            if (d.kind === 'pan') setFocus(null);
            else setFocus((f) => (f === d.id ? null : d.id));
          }
          drag.current = null;
        }}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerUnits="userSpaceOnUse"
            markerWidth="11"
            markerHeight="11"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
          </marker>
          <marker
            id="arrow-hot"
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerUnits="userSpaceOnUse"
            markerWidth="11"
            markerHeight="11"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="arrow-head hot" />
          </marker>
        </defs>
        <g transform={`translate(${view.x},${view.y}) scale(${view.k})`}>
          <g transform={`translate(${fit.x},${fit.y}) scale(${fit.k})`}>
            {layout.links.map((l) => {
              const hot = hover?.id === l.id || (focus !== null && related(l));
              return (
                <path
                  key={l.id}
                  d={linkPath(pos(l.from), pos(l.to), l.reciprocal)}
                  className={`link ${hot ? 'hot' : ''} ${related(l) ? '' : 'dim'}`}
                  strokeWidth={1.5 + (4.5 * l.weight) / maxWeight}
                  markerEnd={hot ? 'url(#arrow-hot)' : 'url(#arrow)'}
                  onPointerEnter={() => setHover(l)}
                  onPointerLeave={() => setHover(null)}
                  data-testid="graph-link"
                />
              );
            })}
            {layout.nodes.map((n) => {
              const p = pos(n.id);
              const dim =
                focus !== null &&
                focus !== n.id &&
                !layout.links.some((l) => related(l) && (l.from === n.id || l.to === n.id));
              return (
                // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it is keyboard-operable
                <g
                  key={n.id}
                  role="button"
                  tabIndex={0}
                  aria-pressed={focus === n.id}
                  aria-label={n.id}
                  className={`node role-${n.role} ${focus === n.id ? 'focused' : ''} ${dim ? 'dim' : ''}`}
                  transform={`translate(${p.x},${p.y})`}
                  data-testid="graph-node"
                  onPointerDown={(e) => {
                    e.stopPropagation();
                    moved.current = false;
                    drag.current = { kind: 'node', id: n.id, pointer: e.pointerId };
                    svg.current?.setPointerCapture(e.pointerId);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') setFocus(focus === n.id ? null : n.id);
                  }}
                >
                  <circle r={RADIUS + Math.min(8, n.degree)} />
                  <text y={RADIUS + Math.min(8, n.degree) + 14} textAnchor="middle" className="node-label">
                    {shortAccount(n.id)}
                  </text>
                </g>
              );
            })}
          </g>
        </g>
      </svg>
      <div className="graph-info" aria-live="polite">
        {hover !== null ? (
          <div>
            <strong dir="ltr">
              {shortAccount(hover.from)} → {shortAccount(hover.to)}
            </strong>{' '}
            · {totals(hover.totals)} · {fmt.number(hover.edges.length)} tx
            <ul className="graph-tx">
              {hover.edges.slice(0, 6).map((e) => (
                <li key={e.txId}>
                  {fmt.dateTime(e.ts)} · {fmt.money(e.amount, e.currency)}
                </li>
              ))}
            </ul>
          </div>
        ) : focus !== null ? (
          (() => {
            const n = layout.nodes.find((x) => x.id === focus);
            return (
              <div>
                {t('graph.focused', { account: focus })}
                {n && (
                  <>
                    {' '}
                    · {t('graph.inflow')}: {totals(n.inflow) || '0'} · {t('graph.outflow')}:{' '}
                    {totals(n.outflow) || '0'}
                  </>
                )}
              </div>
            );
          })()
        ) : (
          <span className="muted">{t('alert.networkHelp')}</span>
        )}
      </div>
    </div>
  );
}
