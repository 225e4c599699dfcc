import type { Subgraph, SubgraphEdge } from '@raqib/core';
import { currencyExponent } from '@raqib/core';
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationNodeDatum,
} from 'd3-force';

export const NODE_ROLES = ['source', 'sink', 'through'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

export interface GraphNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  /** Major units per currency, so mixed-currency flows are never added together. */
  readonly inflow: Readonly<Record<string, number>>;
  readonly outflow: Readonly<Record<string, number>>;
  readonly degree: number;
  readonly role: NodeRole;
}

/** All transactions from one account to another, drawn as one link. */
export interface GraphLink {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly edges: readonly SubgraphEdge[];
  /** Total per currency in major units. */
  readonly totals: Readonly<Record<string, number>>;
  /** Sum over currencies of log10(1 + major amount): a scale-free weight for the stroke width. */
  readonly weight: number;
  /** Whether a link in the opposite direction exists (it is then drawn curved to keep both visible). */
  readonly reciprocal: boolean;
}

export interface GraphLayout {
  readonly nodes: readonly GraphNode[];
  readonly links: readonly GraphLink[];
  readonly bounds: {
    readonly minX: number;
    readonly minY: number;
    readonly maxX: number;
    readonly maxY: number;
  };
}

const major = (e: SubgraphEdge) => e.amount / 10 ** currencyExponent(e.currency);

function add(target: Record<string, number>, currency: string, amount: number) {
  target[currency] = (target[currency] ?? 0) + amount;
}

function sum(values: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const v of Object.values(values)) total += v;
  return total;
}

/** Role by the share of money that leaves versus enters: the reader sees who collects and who disperses. */
export function roleOf(
  inflow: Readonly<Record<string, number>>,
  outflow: Readonly<Record<string, number>>,
): NodeRole {
  const i = sum(inflow);
  const o = sum(outflow);
  if (o > 0 && o >= 3 * i) return 'source';
  if (i > 0 && i >= 3 * o) return 'sink';
  return 'through';
}

/**
 * Lays a subgraph out with a force simulation run to rest synchronously. d3-force seeds its start positions
 * and jiggle deterministically, so the same alert always draws the same picture (analysts compare screenshots).
 */
export function layoutSubgraph(subgraph: Subgraph, iterations = 300): GraphLayout {
  const nodeIds = new Set(subgraph.nodes);
  for (const e of subgraph.edges) {
    nodeIds.add(e.from);
    nodeIds.add(e.to);
  }
  const inflow = new Map<string, Record<string, number>>();
  const outflow = new Map<string, Record<string, number>>();
  const degree = new Map<string, number>();
  const grouped = new Map<string, SubgraphEdge[]>();
  for (const id of nodeIds) {
    inflow.set(id, {});
    outflow.set(id, {});
    degree.set(id, 0);
  }
  for (const e of subgraph.edges) {
    const key = `${e.from}\u0000${e.to}`;
    const list = grouped.get(key);
    if (list) list.push(e);
    else grouped.set(key, [e]);
    add(outflow.get(e.from)!, e.currency, major(e));
    add(inflow.get(e.to)!, e.currency, major(e));
  }
  const links: GraphLink[] = [];
  for (const [key, edges] of grouped) {
    const first = edges[0]!;
    const totals: Record<string, number> = {};
    for (const e of edges) add(totals, e.currency, major(e));
    let weight = 0;
    for (const v of Object.values(totals)) weight += Math.log10(1 + v);
    links.push({
      id: key,
      from: first.from,
      to: first.to,
      edges: [...edges].sort((a, b) => a.ts - b.ts),
      totals,
      weight,
      reciprocal: grouped.has(`${first.to}\u0000${first.from}`),
    });
    degree.set(first.from, (degree.get(first.from) ?? 0) + 1);
    degree.set(first.to, (degree.get(first.to) ?? 0) + 1);
  }

  type SimNode = SimulationNodeDatum & { id: string };
  const simNodes: SimNode[] = [...nodeIds].sort().map((id) => ({ id }));
  const simLinks = links.map((l) => ({ source: l.from, target: l.to }));
  const simulation = forceSimulation(simNodes)
    .force(
      'link',
      forceLink<SimNode, { source: string | SimNode; target: string | SimNode }>(simLinks)
        .id((d) => d.id)
        .distance(130),
    )
    .force('charge', forceManyBody().strength(-520))
    .force('center', forceCenter(0, 0))
    .force('collide', forceCollide(46))
    .stop();
  simulation.tick(iterations);

  const nodes: GraphNode[] = simNodes.map((n) => {
    const i = inflow.get(n.id)!;
    const o = outflow.get(n.id)!;
    return {
      id: n.id,
      x: n.x ?? 0,
      y: n.y ?? 0,
      inflow: i,
      outflow: o,
      degree: degree.get(n.id) ?? 0,
      role: roleOf(i, o),
    };
  });
  return { nodes, links, bounds: boundsOf(nodes) };
}

export function boundsOf(nodes: readonly { x: number; y: number }[]): GraphLayout['bounds'] {
  if (nodes.length === 0) return { minX: -100, minY: -100, maxX: 100, maxY: 100 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x);
    minY = Math.min(minY, n.y);
    maxX = Math.max(maxX, n.x);
    maxY = Math.max(maxY, n.y);
  }
  return { minX, minY, maxX, maxY };
}
