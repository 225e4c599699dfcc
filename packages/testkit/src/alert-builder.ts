import { type Alert, stableId } from '@raqib/core';

/** Builds a valid monitoring alert; override any field. */
export function buildAlert(overrides: Partial<Alert> = {}): Alert {
  const transactions = overrides.transactions ?? ['t1', 't2'];
  const typologies = overrides.typologies ?? ['FAN-OUT'];
  return {
    id: stableId('AL', [...typologies, ...transactions]),
    source: 'monitoring',
    typologies,
    score: 0.8,
    accounts: [
      { bank: '001', account: 'A1' },
      { bank: '002', account: 'B1' },
    ],
    transactions,
    rows: [0, 1],
    subgraph: {
      nodes: ['001|A1', '002|B1'],
      edges: [
        { txId: 't1', from: '001|A1', to: '002|B1', amount: 10_000, currency: 'USD', ts: 1_700_000_000_000 },
      ],
    },
    start: 1_700_000_000_000,
    end: 1_700_000_360_000,
    explanation: { en: 'test alert', ar: 'تنبيه اختباري' },
    findings: [{ detector: 'fan-out', version: '1.0.0', band: '.03', value: 12, unit: 'counterparties' }],
    configVersion: '1.0.0',
    createdAt: 1_700_000_400_000,
    status: 'new',
    ...overrides,
  };
}
