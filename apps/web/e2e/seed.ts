import { type Alert, accountKey, type ScoredTransaction, stableId, type Transaction } from '@raqib/core';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The data the end-to-end suite opens: two pattern instances, as the monitor would have stored them. */
export interface Seed {
  readonly alerts: readonly Alert[];
  readonly transactions: readonly ScoredTransaction[];
}

function tx(
  id: string,
  ts: number,
  from: [bank: string, account: string, country: string, name: string],
  to: [bank: string, account: string, country: string, name: string],
  amountPaid: number,
  currency: string,
): Transaction {
  return {
    id,
    row: -1,
    ts,
    fromBank: from[0],
    fromAccount: from[1],
    fromCountry: from[2],
    debtorName: from[3],
    toBank: to[0],
    toAccount: to[1],
    toCountry: to[2],
    creditorName: to[3],
    amountPaid,
    currencyPaid: currency,
    amountReceived: amountPaid,
    currencyReceived: currency,
    paymentFormat: 'Wire',
    purpose: 'family support',
  };
}

function alertOf(
  typologies: string[],
  score: number,
  txs: readonly Transaction[],
  createdAt: number,
  explanation: { en: string; ar: string },
  findings: Alert['findings'],
): Alert {
  const nodes = new Set<string>();
  for (const t of txs) {
    nodes.add(accountKey(t.fromBank, t.fromAccount));
    nodes.add(accountKey(t.toBank, t.toAccount));
  }
  return {
    id: stableId('al', [typologies.join('+'), ...txs.map((t) => t.id)]),
    source: 'monitoring',
    typologies,
    score,
    accounts: [...nodes].map((k) => ({ bank: k.split('|')[0]!, account: k.split('|')[1]! })),
    transactions: txs.map((t) => t.id),
    rows: [],
    subgraph: {
      nodes: [...nodes],
      edges: txs.map((t) => ({
        txId: t.id,
        from: accountKey(t.fromBank, t.fromAccount),
        to: accountKey(t.toBank, t.toAccount),
        amount: t.amountPaid,
        currency: t.currencyPaid,
        ts: t.ts,
      })),
    },
    start: Math.min(...txs.map((t) => t.ts)),
    end: Math.max(...txs.map((t) => t.ts)),
    explanation,
    findings,
    configVersion: 'e2e-1',
    createdAt,
    status: 'new',
  };
}

/**
 * A fan-out from a Dubai account to mules in Türkiye, Jordan and Syria just under the 55,000 AED reporting line
 * (one mule passes money on), and a four-account USD cycle. `now` anchors the dates so the queue shows ageing.
 */
export function buildSeed(now: number): Seed {
  const t0 = Date.UTC(2026, 9, 12, 8);
  const hub: [string, string, string, string] = [
    'ENBDAEAD',
    'AE070331234567890',
    'AE',
    'محمد بن عبدالله الهاشمي',
  ];
  const mules: [string, string, string, string][] = [
    ['ISBKTRIS', 'TR330006100519786457841326', 'TR', 'Yusuf Demir'],
    ['ARABJOAX', 'JO94CBJO0010000000000131000302', 'JO', 'خالد يوسف العمري'],
    ['CBSYSYDA', 'SY-4471-0092', 'SY', 'سامر حداد'],
    ['ISBKTRIS', 'TR120006200000000123456789', 'TR', 'Ayşe Kaya'],
    ['ARABJOAX', 'JO71CBJO0000000000001234567890', 'JO', 'ليلى حسن'],
  ];
  const fan = mules.map((m, i) =>
    tx(`E2E-FO-${i + 1}`, t0 + i * 5 * HOUR, hub, m, 5_400_000 - i * 37_500, 'AED'),
  );
  fan.push(tx('E2E-FO-6', t0 + 30 * HOUR, mules[2]!, mules[1]!, 2_100_000, 'AED'));
  fan.push(tx('E2E-FO-7', t0 + 2 * DAY, hub, mules[0]!, 5_350_000, 'AED'));

  const ring: [string, string, string, string][] = [
    ['CITIUS33', '4410092231', 'US', 'Blue Harbor Trading LLC'],
    ['HSBCHKHH', '808-221145-001', 'HK', 'Eastline Logistics Ltd'],
    ['DEUTDEFF', 'DE89370400440532013000', 'DE', 'Kessler Handels GmbH'],
    ['QNBAQAQA', 'QA58DOHB00001234567890ABCDEFG', 'QA', 'Gulf Pearl General Trading'],
  ];
  const t1 = Date.UTC(2026, 10, 3, 14);
  const cycle = ring.map((from, i) =>
    tx(
      `E2E-CY-${i + 1}`,
      t1 + i * 26 * HOUR,
      from,
      ring[(i + 1) % ring.length]!,
      24_800_000 - i * 310_000,
      'USD',
    ),
  );

  const alerts = [
    alertOf(
      ['FAN-OUT', 'TF-EXODUS'],
      0.91,
      fan,
      now - 9 * DAY,
      {
        en: 'One Dubai account paid 6 transfers of 53,000–54,000 AED to 5 new counterparties in Türkiye, Jordan and Syria within 2 days, each just below the 55,000 AED cash-reporting line; one recipient passed 21,000 AED on.',
        ar: 'حوّل حساب واحد في دبي 6 دفعات بين 53,000 و54,000 درهم إلى 5 أطراف جديدة في تركيا والأردن وسوريا خلال يومين، كل منها دون حد الإبلاغ البالغ 55,000 درهم بقليل؛ وحوّل أحد المستلمين 21,000 درهم إلى طرف آخر.',
      },
      [
        {
          detector: 'fan-out',
          version: '1.0.0',
          band: '.03',
          value: 5,
          unit: 'counterparties',
          detail: '5 new counterparties in 48 h',
        },
        {
          detector: 'below-threshold',
          version: '1.0.0',
          band: '.02',
          value: 0.98,
          unit: 'ratio',
          detail: 'amount / 55,000 AED',
        },
        {
          detector: 'high-risk-corridor',
          version: '1.0.0',
          band: '.03',
          value: 1,
          unit: 'count',
          detail: 'SY (conflict area)',
        },
      ],
    ),
    alertOf(
      ['CYCLE'],
      0.74,
      cycle,
      now - 2 * DAY,
      {
        en: 'USD 248,000 went round four companies in the US, Hong Kong, Germany and Qatar in 4 days and returned to its origin less 3.7%.',
        ar: 'دار مبلغ 248,000 دولار أمريكي على أربع شركات في الولايات المتحدة وهونغ كونغ وألمانيا وقطر خلال 4 أيام وعاد إلى مصدره منقوصًا 3.7%.',
      },
      [
        { detector: 'cycle', version: '1.0.0', band: '.03', value: 4, unit: 'hops' },
        { detector: 'amount-decay', version: '1.0.0', band: '.02', value: 0.037, unit: 'ratio' },
      ],
    ),
  ];
  const byTx = new Map<string, Alert>();
  for (const a of alerts) for (const id of a.transactions) byTx.set(id, a);
  const transactions = [...fan, ...cycle].map((t) => {
    const a = byTx.get(t.id)!;
    return { tx: t, score: a.score, typologies: a.typologies, alertIds: [a.id], receivedAt: t.ts };
  });
  return { alerts, transactions };
}
