import { describe, expect, it } from 'vitest';
import type { ListEntry } from './list-entry.ts';
import { buildScreeningIndex, type ScreeningMatch, screenName } from './screening-index.ts';

// Retrieval keeps per-index scratch (stamped slots a name, a bit set of the query tokens met) across queries: a
// query must get the same answer whatever ran before it on the same index, and names longer than 31 tokens (the
// bit set's sign bit) must be met like any other.
const base = { programmes: [], identifiers: [], countries: [], birthDates: [] } as const;
const givenNames = ['Ahmad', 'Yusuf', 'Khalid', 'Omar', 'Tariq', 'Bilal', 'Hamza', 'Idris', 'Zayd', 'Salim'];
const families = ['al-Rawi', 'Haddad', 'al-Ani', 'Qureshi', 'Barzani', 'al-Tikriti', 'Nasser', 'Darwish'];
const longName = Array.from({ length: 34 }, (_, k) => `Tok${String.fromCharCode(97 + (k % 26))}${k}x`).join(
  ' ',
);

const entries: ListEntry[] = [
  ...givenNames.flatMap((g, i) =>
    families.map(
      (f, j): ListEntry => ({
        ...base,
        list: 'TEST',
        listVersion: '1',
        refId: `P${i}-${j}`,
        kind: 'person',
        names: [{ text: `${g} bin ${givenNames[(i + j + 1) % givenNames.length]} ${f}`, type: 'primary' }],
      }),
    ),
  ),
  {
    ...base,
    list: 'TEST',
    listVersion: '1',
    refId: 'LONG',
    kind: 'organisation',
    names: [{ text: longName, type: 'primary' }],
  },
];

const queries = [
  ...givenNames.map((g, i) => `${g} ${families[i % families.length]}`),
  ...families.map(
    (f, j) =>
      `${givenNames[(j + 3) % givenNames.length]} bin ${givenNames[(j + 4) % givenNames.length]} ${f}`,
  ),
  longName,
  longName.split(' ').slice(1).join(' '),
  longName.split(' ').slice(0, 33).join(' '),
  'Unrelated Person Name',
];

const answer = (m: readonly ScreeningMatch[]) => m.map((x) => `${x.entry.refId}:${x.score}:${x.matchedName}`);

describe('screening scratch reuse', () => {
  it('answers each query the same on a fresh index and after any other queries, forwards and backwards', () => {
    const fresh = queries.map((q) =>
      answer(screenName(buildScreeningIndex(entries), q, { threshold: 0.6, limit: 50 })),
    );
    const shared = buildScreeningIndex(entries);
    for (let round = 0; round < 3; round++) {
      const order =
        round % 2 === 0 ? queries.map((_, i) => i) : queries.map((_, i) => queries.length - 1 - i);
      for (const i of order) {
        expect(answer(screenName(shared, queries[i]!, { threshold: 0.6, limit: 50 })), queries[i]).toEqual(
          fresh[i],
        );
      }
    }
    expect(fresh.filter((a) => a.length > 0).length).toBeGreaterThan(queries.length / 2);
  });

  it('meets a name of more than 31 tokens in full and with a token left out', () => {
    const index = buildScreeningIndex(entries);
    const whole = screenName(index, longName);
    expect(whole[0]?.entry.refId).toBe('LONG');
    expect(whole[0]?.score).toBeGreaterThan(0.99);
    const lastLeftOut = screenName(index, longName.split(' ').slice(0, 33).join(' '), { threshold: 0.5 });
    expect(lastLeftOut[0]?.entry.refId).toBe('LONG');
    expect(lastLeftOut[0]?.score).toBeLessThan(whole[0]!.score);
  });
});
