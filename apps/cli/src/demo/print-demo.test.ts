import type { Alert } from '@raqib/core';
import { describe, expect, it } from 'vitest';
import { topAlerts } from './print-demo.ts';

const alert = (
  id: string,
  typology: string,
  score: number,
  accounts: number,
  transactions: number,
): Alert => ({
  id,
  source: 'monitoring',
  typologies: [typology],
  score,
  accounts: Array.from({ length: accounts }, (_, i) => ({ bank: 'B1', account: `A${i}` })),
  transactions: Array.from({ length: transactions }, (_, i) => `${id}-t${i}`),
  rows: [],
  subgraph: { nodes: [], edges: [] },
  start: Date.UTC(2022, 8, 1, 10, 0),
  end: Date.UTC(2022, 8, 1, 12, 0),
  explanation: { en: `${typology} in English`, ar: `${typology} بالعربية` },
  findings: [],
  configVersion: 'test',
  createdAt: 0,
  status: 'new',
});

describe('topAlerts', () => {
  it('shows the best alert of each typology, highest first, with its counts in words that agree', () => {
    const out = topAlerts(
      [alert('a', 'T20', 1, 1, 0), alert('b', 'FAN-OUT', 0.8, 7, 6), alert('c', 'FAN-OUT', 0.7, 2, 1)],
      5,
    );
    expect(out).toContain(
      '[T20] score 1.00 · 1 account · 0 transactions · 2022-09-01T10:00 → 2022-09-01T12:00 · a',
    );
    expect(out).toContain('[FAN-OUT] score 0.80 · 7 accounts · 6 transactions');
    expect(out).not.toContain(' · c\n');
    expect(out.indexOf('[T20]')).toBeLessThan(out.indexOf('[FAN-OUT]'));
  });
});
