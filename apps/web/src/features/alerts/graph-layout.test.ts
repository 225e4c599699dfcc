import type { Subgraph } from '@raqib/core';
import { describe, expect, it } from 'vitest';
import { layoutSubgraph, roleOf } from './graph-layout.ts';

// a fan-out: one account pays four mules, one mule pays back (reciprocal pair)
const fanOut: Subgraph = {
  nodes: ['B1|hub', 'B2|m1', 'B2|m2', 'B3|m3', 'B3|m4'],
  edges: [
    { txId: 't1', from: 'B1|hub', to: 'B2|m1', amount: 950_000, currency: 'USD', ts: 1_000 },
    { txId: 't2', from: 'B1|hub', to: 'B2|m2', amount: 940_000, currency: 'USD', ts: 2_000 },
    { txId: 't3', from: 'B1|hub', to: 'B3|m3', amount: 930_000, currency: 'USD', ts: 3_000 },
    { txId: 't4', from: 'B1|hub', to: 'B3|m4', amount: 920_000, currency: 'USD', ts: 4_000 },
    { txId: 't5', from: 'B1|hub', to: 'B2|m1', amount: 100_000, currency: 'EUR', ts: 500 },
    { txId: 't6', from: 'B2|m1', to: 'B1|hub', amount: 5_000, currency: 'USD', ts: 5_000 },
  ],
};

describe('layoutSubgraph', () => {
  it('groups parallel transactions into one link with per-currency totals in major units', () => {
    const layout = layoutSubgraph(fanOut);
    expect(layout.nodes).toHaveLength(5);
    expect(layout.links).toHaveLength(5);
    const hubToM1 = layout.links.find((l) => l.from === 'B1|hub' && l.to === 'B2|m1')!;
    expect(hubToM1.edges.map((e) => e.txId)).toEqual(['t5', 't1']);
    expect(hubToM1.totals).toEqual({ USD: 9_500, EUR: 1_000 });
    expect(hubToM1.reciprocal).toBe(true);
    expect(layout.links.find((l) => l.to === 'B3|m4')!.reciprocal).toBe(false);
  });

  it('classifies the hub as a source and mules as sinks', () => {
    const byId = new Map(layoutSubgraph(fanOut).nodes.map((n) => [n.id, n]));
    expect(byId.get('B1|hub')!.role).toBe('source');
    expect(byId.get('B2|m2')!.role).toBe('sink');
    expect(byId.get('B1|hub')!.degree).toBe(5);
    expect(roleOf({ USD: 100 }, { USD: 90 })).toBe('through');
  });

  it('is deterministic and keeps accounts apart', () => {
    const a = layoutSubgraph(fanOut);
    const b = layoutSubgraph(fanOut);
    expect(a.nodes.map((n) => [n.x, n.y])).toEqual(b.nodes.map((n) => [n.x, n.y]));
    for (const n of a.nodes) {
      for (const m of a.nodes) {
        if (n.id < m.id) expect(Math.hypot(n.x - m.x, n.y - m.y)).toBeGreaterThan(40);
      }
    }
  });

  it('adds accounts that appear only on edges', () => {
    const layout = layoutSubgraph({ nodes: [], edges: [fanOut.edges[0]!] });
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(['B1|hub', 'B2|m1']);
  });
});
