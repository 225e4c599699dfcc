import { describe, expect, it } from 'vitest';
import { fixedClock } from '../model/clock.ts';
import { explanationText } from './explanation.ts';
import type { ListEntry } from './list-entry.ts';
import { screenParties } from './party-screening.ts';
import { buildScreeningIndex, screenName } from './screening-index.ts';
import { personEntry } from './test-fixtures/list-entries.ts';

const base = { programmes: [], identifiers: [], countries: [], birthDates: [] } as const;
const entries: ListEntry[] = [
  {
    ...base,
    list: 'UN',
    listVersion: '2026-02-27',
    refId: 'QDe.115',
    kind: 'organisation',
    names: [
      { text: 'AL-QAIDA IN IRAQ', type: 'primary' },
      { text: 'Islamic State in Iraq and the Levant', type: 'alias', quality: 'a.k.a.' },
    ],
  },
  {
    ...base,
    list: 'UN',
    listVersion: '2026-02-27',
    refId: 'QDi.002',
    kind: 'person',
    names: [
      { text: 'USAMA MUHAMMED AWAD BIN LADIN', type: 'primary' },
      { text: 'أسامة محمد عوض بن لادن', type: 'original-script' },
    ],
    birthDates: ['1957-03-10'],
    countries: ['SA'],
  },
  {
    ...base,
    list: 'UN',
    listVersion: '2026-02-27',
    refId: 'IQi.001',
    kind: 'person',
    names: [
      { text: 'SADDAM HUSSEIN AL-TIKRITI', type: 'primary' },
      { text: 'Abu Ali', type: 'weak-alias', quality: 'Low' },
    ],
    birthDates: ['1937-04-28'],
    countries: ['IQ'],
  },
];
const index = buildScreeningIndex(entries);

describe('screenName', () => {
  it('reports a query with no word through onNoWords, and nothing else changes', () => {
    const seen: string[] = [];
    for (const q of ['!!!', '-- ? --', 'Islamic State in Iraq']) {
      const plain = screenName(index, q);
      const told = screenName(index, q, { onNoWords: () => seen.push(q) });
      expect(told).toEqual(plain);
    }
    expect(seen).toEqual(['!!!', '-- ? --']);
  });
  it('finds a compound written in one word in the list from its two Arabic-script words', () => {
    const ix = buildScreeningIndex([
      {
        ...base,
        list: 'UN',
        listVersion: '2026-02-27',
        refId: 'TAi.095',
        kind: 'person',
        names: [{ text: 'WALIJAN', type: 'primary' }],
      },
    ]);
    // neither word alone shares a key with the list name: only the joined key retrieves it
    expect(screenName(ix, 'ولی جان').map((m) => m.entry.refId)).toEqual(['TAi.095']);
  });

  it('finds a romanisation variant and explains token by token', () => {
    const [m] = screenName(index, 'Osama bin Laden');
    expect(m?.entry.refId).toBe('QDi.002');
    expect(m?.explanation.tokens.map((t) => [t.query, t.candidate])).toEqual([
      ['Osama', 'USAMA'],
      ['Laden', 'LADIN'],
    ]);
    expect(m?.explanation.unmatchedCandidate).toEqual(['MUHAMMED', 'AWAD']);
  });

  it('reaches the Latin name from Arabic script with no Arabic name in the index', () => {
    const latinOnly = buildScreeningIndex(entries, { excludeNameTypes: ['original-script'] });
    const [m] = screenName(latinOnly, 'صدام حسين التكريتي');
    expect(m?.entry.refId).toBe('IQi.001');
    expect(m?.explanation.tokens.every((t) => t.how === 'transliteration')).toBe(true);
  });

  it('links «داعش» to ISIL through the alias table and says so', () => {
    const [m] = screenName(index, 'داعش');
    expect(m?.entry.refId).toBe('QDe.115');
    expect(m?.explanation.aliasTable?.group).toBe('isil');
    expect(explanationText(m!.explanation)).toContain('alias table');
    expect(screenName(buildScreeningIndex(entries, { aliasTable: [] }), 'داعش')).toEqual([]);
  });

  it('lets date of birth and country raise or lower the score', () => {
    const plain = screenName(index, 'Saddam Hussein al-Tikriti')[0]?.score ?? 0;
    const same = screenName(index, 'Saddam Hussein al-Tikriti', { dob: '1937', country: 'IQ' })[0];
    const other = screenName(index, 'Saddam Hussein al-Tikriti', { dob: '1990', threshold: 0.5 })[0];
    expect(same?.score).toBeGreaterThan(plain - 0.001);
    expect(same?.explanation.attributes.map((a) => a.attribute)).toEqual(['dob', 'country']);
    expect(other?.score).toBeLessThan(plain);
  });

  it('filters by type and returns nothing below the threshold', () => {
    expect(screenName(index, 'Saddam Hussein al-Tikriti', { type: 'organisation' })).toEqual([]);
    expect(screenName(index, 'Jane Smith')).toEqual([]);
  });
});

describe('screenParties', () => {
  it('turns a hit into one T20 alert per party and entry, with every transaction that named it', () => {
    const account = { bank: '001', account: 'A1' };
    const alerts = screenParties(
      index,
      [
        { name: 'Usama bin Ladin', role: 'debtor', account, txId: 't1', row: 4, ts: 10 },
        { name: 'Usama bin Ladin', role: 'debtor', account, txId: 't2', row: 9, ts: 20 },
        { name: 'Jane Smith', role: 'creditor', txId: 't2', row: 9, ts: 20 },
      ],
      { clock: fixedClock(1000) },
    );
    expect(alerts).toHaveLength(1);
    const [a] = alerts;
    expect(a?.source).toBe('screening');
    expect(a?.typologies).toEqual(['T20']);
    expect(a?.transactions).toEqual(['t1', 't2']);
    expect(a?.rows).toEqual([4, 9]);
    expect([a?.start, a?.end]).toEqual([10, 20]);
    expect(a?.details?.refId).toBe('QDi.002');
    expect(a?.explanation.en).toContain('Usama');
  });
});

describe('screenName, third round', () => {
  const osama: ListEntry = {
    ...base,
    list: 'OFAC-SDN',
    listVersion: '2021-07-07',
    refId: '6365',
    kind: 'person',
    names: [
      { text: 'BIN LADIN, Usama', type: 'alias' },
      { text: 'BIN LADEN, Osama', type: 'alias' },
    ],
    birthDates: ['1957'],
  };

  it('shows the nearest of an entry’s names when a date of birth caps several at 1', () => {
    for (const names of [osama.names, [...osama.names].reverse()]) {
      const index = buildScreeningIndex([{ ...osama, names }], { aliasTable: [] });
      const m = screenName(index, 'Osama bin Laden', { dob: '1957' });
      expect(m[0]?.score).toBe(1);
      expect(m[0]?.matchedName.text).toBe('BIN LADEN, Osama');
    }
  });

  it('finds a list name held in brackets in another script, and explains it on that name', () => {
    const entry: ListEntry = {
      ...base,
      list: 'UN',
      listVersion: '2026-02-27',
      refId: 'TAi.154',
      kind: 'person',
      names: [{ text: 'حاجى مالك نورزى (Hajji Malik Noorzai; Haji Malek Noorzai)', type: 'alias' }],
    };
    const m = screenName(buildScreeningIndex([entry], { aliasTable: [] }), 'Malik Noorzai');
    expect(m[0]?.score).toBeGreaterThanOrEqual(0.95);
    expect(m[0]?.explanation.matchedName).toBe('Hajji Malik Noorzai');
    expect(m[0]?.explanation.tokens.map((t) => t.candidate)).toEqual(['Malik', 'Noorzai']);
  });
});

describe('screenName memo of token similarities', () => {
  it("scores a name the same whichever names were scored before it (an abbreviated 'Sok.' is not Sok)", () => {
    const person = (refId: string, text: string) => personEntry(refId, text, 'OFAC', '2024-05-03');
    // "Sok." marked as shortened meets Sokchul as an abbreviation; the plain Sok of another name must not inherit it
    const alone = buildScreeningIndex([person('2', 'KIM, Sok Chol')]);
    const both = buildScreeningIndex([person('1', 'KIM, Sok. Nam'), person('2', 'KIM, Sok Chol')]);
    const scoreIn = (index: ReturnType<typeof buildScreeningIndex>) =>
      screenName(index, 'Kim Sokchul', { threshold: 0.3, limit: 10 }).find((m) => m.entry.refId === '2')
        ?.score;
    expect(scoreIn(alone)).toBeDefined();
    expect(scoreIn(both)).toBe(scoreIn(alone));
  });
});
