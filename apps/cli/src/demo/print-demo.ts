import { type Alert, type CountForms, countPhrase } from '@raqib/core';

const BAR = '█';
const ACCOUNTS: CountForms = { one: '1 account', other: '{n} accounts' };
const TRANSACTIONS: CountForms = { one: '1 transaction', other: '{n} transactions' };

/** Alerts per typology as a bar chart in the terminal: a picture reads faster than a column of numbers. */
export function typologyChart(alerts: readonly Alert[]): string {
  const counts = new Map<string, { n: number; score: number }>();
  for (const a of alerts)
    for (const t of a.typologies) {
      const c = counts.get(t) ?? { n: 0, score: 0 };
      c.n++;
      c.score += a.score;
      counts.set(t, c);
    }
  const rows = [...counts.entries()].sort((a, b) => b[1].n - a[1].n);
  if (rows.length === 0) return '  (no alerts)\n';
  const max = Math.max(...rows.map(([, c]) => c.n));
  const width = 40;
  let out = `  ${'typology'.padEnd(18)}${'alerts'.padStart(7)}  ${'mean score'.padStart(10)}\n`;
  for (const [t, c] of rows) {
    const bar = BAR.repeat(Math.max(1, Math.round((c.n / max) * width)));
    out += `  ${t.padEnd(18)}${String(c.n).padStart(7)}  ${(c.score / c.n).toFixed(2).padStart(10)}  ${bar}\n`;
  }
  return out;
}

/** The highest-scoring alert of each typology, with its explanation in English and Arabic. */
export function topAlerts(alerts: readonly Alert[], howMany: number): string {
  const best = new Map<string, Alert>();
  for (const a of [...alerts].sort((x, y) => y.score - x.score)) {
    const key = a.typologies[0] ?? '';
    if (!best.has(key)) best.set(key, a);
  }
  const chosen = [...best.values()].sort((x, y) => y.score - x.score).slice(0, howMany);
  let out = '';
  for (const a of chosen) {
    const span = `${new Date(a.start).toISOString().slice(0, 16)} → ${new Date(a.end).toISOString().slice(0, 16)}`;
    out += `\n  [${a.typologies.join(';')}] score ${a.score.toFixed(2)} · ${countPhrase(a.accounts.length, ACCOUNTS, 'en')} · ${countPhrase(a.transactions.length, TRANSACTIONS, 'en')} · ${span} · ${a.id}\n`;
    out += `    EN  ${a.explanation.en}\n`;
    out += `    AR  ${a.explanation.ar}\n`;
  }
  return out;
}
