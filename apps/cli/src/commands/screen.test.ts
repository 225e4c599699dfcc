import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqlScreeningStore } from '@raqib/store-sql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../main.ts';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/sanctions');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    out += String(c);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    err += String(c);
    return true;
  });
  const code = await main(['node', 'raqib', ...args]);
  vi.restoreAllMocks();
  return { code, out, err };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'raqib-screen-'));
}

/** A fresh folder, and a database in it with the UN excerpt loaded. */
async function unExcerptDb(): Promise<{ dir: string; db: string }> {
  const dir = tmp();
  const db = join(dir, 'r.db');
  await run('lists', 'load', join(FIXTURES, 'un-excerpt.xml'), '--db', db);
  return { dir, db };
}

describe('raqib screen / lists / screen-pairs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says how to load a list when none is loaded', async () => {
    const db = join(tmp(), 'r.db');
    const r = await run('screen', 'Usama bin Ladin', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('raqib lists load fixtures/sanctions/un-excerpt.xml');
    expect(existsSync(db)).toBe(false);
  });

  it('loads lists, screens a name with explanations, and reports the delta of a reload', async () => {
    const db = join(tmp(), 'r.db');
    const load = await run(
      'lists',
      'load',
      join(FIXTURES, 'un-excerpt.xml'),
      join(FIXTURES, 'ofac-2021-07-07'),
      '--db',
      db,
    );
    expect(load.code).toBe(0);
    expect(load.out).toContain('UN 2026-02-27: 26 entries (first version loaded)');
    expect(load.out).toContain('OFAC-SDN 2021-07-07: 12 entries');
    const r = await run('screen', 'Osama bin Laden', '--dob', '1957', '--json', '--db', db);
    const matches = JSON.parse(r.out) as {
      list: string;
      refId: string;
      score: number;
      matchedName: string;
      explanation: { tokens: { how: string }[] };
    }[];
    // of the entry's names (BIN LADIN, Usama; BIN LADEN, Osama; …) all capped at 1 by the date of birth, the
    // nearest is shown, spelled as the query
    expect(matches[0]).toMatchObject({ list: 'OFAC-SDN', refId: '6365', matchedName: 'BIN LADEN, Osama' });
    expect(matches[0]?.explanation.tokens.map((t) => t.how)).toEqual(['exact', 'exact']);
    const isil = await run('screen', 'داعش', '--db', db);
    expect(isil.out).toMatch(/UN QDe\.115/);
    expect(isil.out).toContain('via raqib alias table [isil]');
    const reload = await run('lists', 'load', join(FIXTURES, 'un-excerpt.xml'), '--db', db);
    expect(reload.out).toContain('since 2026-02-27: +0 added, -0 removed, ~0 changed, 26 unchanged');
  });

  it('refuses a --list-version that is not a date ("yesterday" sorted after every real version)', async () => {
    const db = join(tmp(), 'r.db');
    for (const version of ['yesterday', '2026-02-30']) {
      const r = await run(
        'lists',
        'load',
        join(FIXTURES, 'generic-pep.csv'),
        '--list-version',
        version,
        '--db',
        db,
      );
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--list-version must be a date YYYY-MM-DD, got "${version}"`);
    }
    const ok = await run(
      'lists',
      'load',
      join(FIXTURES, 'generic-pep.csv'),
      '--list-version',
      '2026-11-01',
      '--db',
      db,
    );
    expect(ok.out).toContain('GENERIC-PEP 2026-11-01: 3 entries (first version loaded)');
  });

  it('fails on a folder it cannot walk with the path and reason, storing nothing', async () => {
    const dir = tmp();
    const db = join(dir, 'r.db');
    const lists = join(dir, 'lists');
    mkdirSync(lists);
    copyFileSync(join(FIXTURES, 'generic-pep.csv'), join(lists, 'pep.csv'));
    symlinkSync(lists, join(lists, 'loop'));
    const r = await run('lists', 'load', lists, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^raqib: cannot read .*loop\/loop.*: ELOOP: too many symbolic links/);
    expect((await run('lists', 'show', '--db', db)).out).toBe('no list loaded\n');
  });

  it('fails on a folder with no list file in it', async () => {
    const dir = tmp();
    const empty = join(dir, 'un');
    mkdirSync(empty);
    const r = await run('lists', 'load', join(FIXTURES, 'un-excerpt.xml'), empty, '--db', join(dir, 'r.db'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`raqib: list not loaded: no list file in ${empty}\n`);
  });

  it('refuses a malformed list and stores nothing', async () => {
    const dir = tmp();
    const db = join(dir, 'r.db');
    const bad = join(dir, 'bad.xml');
    writeFileSync(
      bad,
      readFileSync(join(FIXTURES, 'un-excerpt.xml'), 'utf8').replace(
        '<REFERENCE_NUMBER>IQi.002</REFERENCE_NUMBER>',
        '',
      ),
    );
    const r = await run('lists', 'load', bad, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /list not loaded: .*bad\.xml: INDIVIDUAL #3 \(line \d+\): REFERENCE_NUMBER is missing/,
    );
    const show = await run('lists', 'show', '--db', db);
    expect(show.out).toBe('no list loaded\n');
  });

  it('screens a customers file, remembers a false-positive decision, and re-screens on reload', async () => {
    const dir = tmp();
    const db = join(dir, 'r.db');
    await run('lists', 'load', join(FIXTURES, 'ofac-2021-07-07'), '--db', db);
    const customers = join(dir, 'customers.csv');
    writeFileSync(
      customers,
      'id,name,dob,country,type\nC1,Osama bin Laden,1957,SA,person\nC2,Jane Smith,,,\n',
    );
    const out = join(dir, 'hits.csv');
    const r = await run('screen', '--file', customers, '--out', out, '--db', db);
    expect(r.code).toBe(0);
    const hits = readFileSync(out, 'utf8').trim().split('\n');
    expect(hits[0]).toBe('id,name,score,list,ref_id,matched_name,primary_name,explanation');
    expect(hits).toHaveLength(2);
    expect(hits[1]).toMatch(/^C1,Osama bin Laden,1\.000,OFAC-SDN,6365,/);
    const d = await run(
      'lists',
      'decide',
      '--customer',
      'C1',
      '--list',
      'OFAC-SDN',
      '--ref',
      '6365',
      '--decision',
      'false-positive',
      '--analyst',
      'rana',
      '--db',
      db,
    );
    expect(d.code).toBe(0);
    const again = await run('lists', 'load', join(FIXTURES, 'ofac-2021-07-07'), '--db', db);
    expect(again.out).toContain(
      're-screened 2 stored customers: 0 with hits, 1 hit(s) hidden by false-positive decisions',
    );
  });

  it('sets a bad customers row aside with its line and reason, and screens and stores the others', async () => {
    const { dir, db } = await unExcerptDb();
    const customers = join(dir, 'c.csv');
    writeFileSync(
      customers,
      'id,name,dob\nC1,Saddam Hussein Al-Tikriti,1937\nC2,Omar,12/1990\n,Nobody,\nC1,Again,\nC3,Ali\nC4,Jane Smith,\n',
    );
    const shown = await run('screen', '--file', customers, '--db', db);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^id,name,score,.*\nC1,Saddam Hussein Al-Tikriti,1\.000,UN,IQi\.001,/);
    expect(shown.err).toContain('c.csv: line 3: dob must be YYYY or YYYY-MM-DD, got "12/1990"\n');
    expect(shown.err).toContain('read 6 customers: 2 accepted, 4 quarantined (above)\n');
    const out = join(dir, 'hits.csv');
    const r = await run('screen', '--file', customers, '--out', out, '--db', db);
    expect(r.code).toBe(0);
    const quarantine = join(dir, 'hits.quarantine.jsonl');
    expect(r.err).toContain(`read 6 customers: 2 accepted, 4 quarantined (see ${quarantine})`);
    expect(
      readFileSync(quarantine, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { line: 3, id: 'C2', reason: 'dob must be YYYY or YYYY-MM-DD, got "12/1990"', raw: 'C2,Omar,12/1990' },
      { line: 4, reason: 'id is empty', raw: ',Nobody,' },
      { line: 5, id: 'C1', reason: 'id "C1" appears twice (first on line 2)', raw: 'C1,Again,' },
      { line: 6, reason: 'expected 3 columns, found 2', raw: 'C3,Ali' },
    ]);
    expect(readFileSync(out, 'utf8')).toMatch(/\nC1,Saddam Hussein Al-Tikriti,1\.000,UN,IQi\.001,/);
    const reload = await run('lists', 'load', join(FIXTURES, 'un-excerpt.xml'), '--db', db);
    expect(reload.out).toContain('re-screened 2 stored customers');
    // a clean run empties the quarantine file an earlier run left
    writeFileSync(customers, 'id,name\nC1,Saddam Hussein Al-Tikriti\n');
    const clean = await run('screen', '--file', customers, '--out', out, '--db', db);
    expect(clean.err).toContain('read 1 customer: 1 accepted, 0 quarantined\n');
    expect(readFileSync(quarantine, 'utf8')).toBe('');
  });

  it('refuses a date of birth that does not exist, on the command line and in a customers file', async () => {
    const { dir, db } = await unExcerptDb();
    const r = await run('screen', 'Saddam Hussein Al-Tikriti', '--dob', '1937-02-30', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--dob "1937-02-30" is not a date of the calendar');
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, 'id,name,dob\nC1,Saddam Hussein Al-Tikriti,1937-13-28\n');
    const f = await run('screen', '--file', customers, '--db', db);
    expect(f.code).toBe(0);
    expect(f.err).toContain('c.csv: line 2: dob "1937-13-28" is not a date of the calendar');
    expect(f.err).toContain('read 1 customer: 0 accepted, 1 quarantined (above)');
  });

  it('reads a month or day of 00 as unknown, on the command line and in a customers file', async () => {
    const { dir, db } = await unExcerptDb();
    for (const [zeros, known] of [
      ['1937-00-00', '1937'],
      ['1937-04-00', '1937-04'],
    ] as const) {
      const want = await run('screen', 'Saddam Hussein Al-Tikriti', '--dob', known, '--db', db);
      const r = await run('screen', 'Saddam Hussein Al-Tikriti', '--dob', zeros, '--db', db);
      expect(r.code).toBe(0);
      expect(r.out).toBe(want.out);
    }
    const bad = await run('screen', 'Saddam Hussein Al-Tikriti', '--dob', '1937-13-00', '--db', db);
    expect(bad.err).toContain('--dob "1937-13-00" is not a date of the calendar');
    const customers = join(dir, 'c.csv');
    const out = join(dir, 'hits.csv');
    writeFileSync(customers, 'id,name,dob\nC1,Saddam Hussein Al-Tikriti,1937-00-00\n');
    const f = await run('screen', '--file', customers, '--out', out, '--db', db);
    expect(f.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/\nC1,.*,1\.000,/);
  });

  it('refuses a country that is two letters but no ISO code', async () => {
    const { db } = await unExcerptDb();
    for (const country of ['ZZ', 'U1']) {
      const r = await run('screen', 'Saddam Hussein Al-Tikriti', '--country', country, '--db', db);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--country must be a two-letter ISO country code, got "${country}"`);
    }
    const iq = await run('screen', 'Saddam Hussein Al-Tikriti', '--country', 'iq', '--db', db);
    expect(iq.out).toMatch(/^1\.000 {2}UN IQi\.001/);
  });

  it('reads the country UK as GB, on the command line and in a customers file', async () => {
    const dir = tmp();
    const db = join(dir, 'r.db');
    const list = join(dir, 'pep.csv');
    writeFileSync(list, 'id,name,dob,country\nP1,Harold Wilberforce Pemberton,1950,UK\n');
    await run(
      'lists',
      'load',
      list,
      '--format',
      'generic-csv',
      '--list',
      'PEP',
      '--list-version',
      '2026-11-01',
      '--db',
      db,
    );
    const gb = await run('screen', 'Harold Wilberforce Pemberton', '--country', 'GB', '--db', db);
    expect(gb.out).toMatch(/^1\.000 {2}PEP P1/);
    for (const country of ['UK', 'uk', 'Uk']) {
      const r = await run('screen', 'Harold Wilberforce Pemberton', '--country', country, '--db', db);
      expect(r.code).toBe(0);
      expect(r.out).toBe(gb.out);
    }
    const customers = join(dir, 'c.csv');
    const out = join(dir, 'hits.csv');
    writeFileSync(customers, 'id,name,country\nC1,Harold Wilberforce Pemberton,uk\n');
    const f = await run('screen', '--file', customers, '--out', out, '--db', db);
    expect(f.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/\nC1,.*,1\.000,/);
  });

  it('fails on a customers file with a column given twice', async () => {
    const { dir, db } = await unExcerptDb();
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, 'id,name,dob,dob\nC1,Saddam Hussein Al-Tikriti,1990,1937\n');
    const r = await run('screen', '--file', customers, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('c.csv: line 1: column "dob" appears twice');
  });

  it('refuses an empty --threshold rather than reading it as 0', async () => {
    const { db } = await unExcerptDb();
    for (const t of ['', ' ', '0x1']) {
      const r = await run('screen', 'Saddam Hussein Al-Tikriti', '--threshold', t, '--db', db);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--threshold must be a number from 0 to 1, got "${t}"`);
    }
    for (const t of ['.95', '8e-1', '+0.8']) {
      const ok = await run('screen', 'Saddam Hussein Al-Tikriti', '--threshold', t, '--db', db);
      expect(ok.out).toMatch(/^1\.000 {2}UN IQi\.001/);
    }
  });

  it('fails on a customers file that is not UTF-8, naming the line', async () => {
    const { dir, db } = await unExcerptDb();
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, Buffer.from('id,name\nC1,Jane Smith\nC2,Jürgen Müller\n', 'latin1'));
    const r = await run('screen', '--file', customers, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('c.csv: line 3: not UTF-8 (byte 0xFC at byte offset 26); save the file as UTF-8');
  });

  it('names the line of the first bad byte, not of an earlier U+FFFD the file writes as UTF-8', async () => {
    const { dir, db } = await unExcerptDb();
    const customers = join(dir, 'c.csv');
    // an ISO-8859-1 row after a UTF-8 one that holds U+FFFD (EF BF BD): the old reader said line 2
    writeFileSync(
      customers,
      Buffer.concat([
        Buffer.from('id,name\nC1,Caf\ufffd Bar\n', 'utf8'),
        Buffer.from('C2,Jürgen Müller\n', 'latin1'),
      ]),
    );
    const r = await run('screen', '--file', customers, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('c.csv: line 3: not UTF-8 (byte 0xFC at byte offset 26); save the file as UTF-8');
  });

  it('says a UTF-16 customers file is UTF-16', async () => {
    const { dir, db } = await unExcerptDb();
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, Buffer.from('\ufeffid,name\nC1,Jane Smith\n', 'utf16le'));
    const r = await run('screen', '--file', customers, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'c.csv: line 1: UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8; save the file as UTF-8',
    );
  });

  it('refuses a name with no word to screen rather than reporting no match', async () => {
    const { dir, db } = await unExcerptDb();
    const r = await run('screen', '!!!', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"!!!" has no word to screen');
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, 'id,name,type\nC1,Saddam Hussein Al-Tikriti,person\nC2,-- ? --,org\n');
    const f = await run('screen', '--file', customers, '--db', db);
    expect(f.code).toBe(0);
    expect(f.err).toContain('c.csv: line 3: "-- ? --" has no word to screen');
    expect(f.err).toContain('read 2 customers: 1 accepted, 1 quarantined (above)');
  });

  it('refuses a --lists code that is not loaded, even beside one that is', async () => {
    const { db } = await unExcerptDb();
    for (const lists of ['UN,OFAC-SND', 'OFAC-SND']) {
      const r = await run('screen', 'Saddam Hussein Al-Tikriti', '--lists', lists, '--db', db);
      expect(r.code).toBe(2);
      expect(r.err).toBe('raqib: --lists: OFAC-SND not loaded (loaded: UN)\n');
    }
    const un = await run('screen', 'Saddam Hussein Al-Tikriti', '--lists', 'UN', '--db', db);
    expect(un.out).toMatch(/^1\.000 {2}UN IQi\.001/);
  });

  it('shows with --json the countries of a match and the country names kept as text', async () => {
    const db = join(tmp(), 'r.db');
    const load = await run('lists', 'load', join(FIXTURES, 'un-countries-excerpt.xml'), '--db', db);
    expect(load.code).toBe(0);
    const r = await run('screen', 'Doku Khamatovich Umarov', '--json', '--db', db);
    const matches = JSON.parse(r.out) as { refId: string; countries: string[]; countryTexts?: string[] }[];
    expect(matches[0]).toMatchObject({
      refId: 'QDi.290',
      countries: ['RU'],
      countryTexts: ['former Soviet Union'],
    });
  });

  it('refuses --country and the other one-name flags with --file rather than ignoring them', async () => {
    const { dir, db } = await unExcerptDb();
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, 'id,name\nC1,Saddam Hussein Al-Tikriti\n');
    const r = await run('screen', '--file', customers, '--country', 'IQ', '--json', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--country, --json cannot be used with --file');
  });

  it('fails on an --out it cannot write, before storing the customers', async () => {
    const { dir, db } = await unExcerptDb();
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, 'id,name\nC1,Saddam Hussein Al-Tikriti\n');
    const out = join(dir, 'missing', 'hits.csv');
    const r = await run('screen', '--file', customers, '--out', out, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`cannot write ${out}: ENOENT`);
    const reload = await run('lists', 'load', join(FIXTURES, 'un-excerpt.xml'), '--db', db);
    expect(reload.out).not.toContain('re-screened');
  });

  it('removes the temporary hits file when the quarantine file beside it cannot be reserved', async () => {
    const { dir, db } = await unExcerptDb();
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, 'id,name\nC1,Saddam Hussein Al-Tikriti\n');
    // a folder where the quarantine's temporary file would go: reserving it fails after the hits' one succeeded
    mkdirSync(join(dir, `.hits.quarantine.jsonl.${process.pid}.tmp`));
    const r = await run('screen', '--file', customers, '--out', join(dir, 'hits.csv'), '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`cannot write ${join(dir, 'hits.quarantine.jsonl')}`);
    expect(readdirSync(dir).filter((f) => f.startsWith('.hits.csv'))).toEqual([]);
  });

  it('leaves an existing --out as it was when the run fails, and no temporary file beside it', async () => {
    const { dir, db } = await unExcerptDb();
    const customers = join(dir, 'c.csv');
    writeFileSync(customers, 'id,name\nC1,Saddam Hussein Al-Tikriti\n');
    const out = join(dir, 'hits.csv');
    writeFileSync(out, 'yesterday\n');
    // the store failing after screening (a full disk, a locked database)
    vi.spyOn(SqlScreeningStore.prototype, 'upsertCustomers').mockRejectedValue(new Error('SQLITE_FULL'));
    const r = await run('screen', '--file', customers, '--out', out, '--db', db);
    expect(r.code).not.toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('yesterday\n');
    expect(readdirSync(dir).filter((f) => f.includes('hits'))).toEqual(['hits.csv']);
    const ok = await run('screen', '--file', customers, '--out', out, '--db', db);
    expect(ok.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^id,name,score,.*\nC1,/);
    // the quarantine file (empty: every row was accepted) is written with the hits, never by a failed run
    expect(readdirSync(dir).filter((f) => f.includes('hits'))).toEqual(['hits.csv', 'hits.quarantine.jsonl']);
  });

  it('scores pairs as row,score', async () => {
    const dir = tmp();
    const input = join(dir, 'pairs.csv');
    const out = join(dir, 'scores.csv');
    writeFileSync(
      input,
      'name_a,name_b,type\nMuhammad bin Salman,Mohammed bin Salman,person\nSalman bin Muhammad,Muhammad bin Salman,person\n',
    );
    const r = await run('screen-pairs', '--input', input, '--out', out, '--uniform');
    expect(r.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('row,score');
    const [, s1, s2] = rows.map((l) => Number(l.split(',')[1]));
    expect(s1).toBeGreaterThanOrEqual(0.9);
    expect(s2).toBeLessThan(0.6);
  });

  it('fails on a pair with an empty name, naming its line', async () => {
    const dir = tmp();
    const input = join(dir, 'pairs.csv');
    writeFileSync(input, 'name_a,name_b\nMuhammad bin Salman,Mohammed bin Salman\n,\n');
    const r = await run('screen-pairs', '--input', input, '--out', join(dir, 'scores.csv'), '--uniform');
    expect(r.code).toBe(2);
    expect(r.err).toContain('pairs.csv: line 3: name_a is empty');
  });

  it('screen-pairs skips blank lines and numbers rows by data record, as csv-parse and pandas do', async () => {
    const dir = tmp();
    const input = join(dir, 'pairs.csv');
    const scores = join(dir, 'scores.csv');
    for (const text of [
      'name_a,name_b\n\nA B,A B\n\nX Y,Q R\n\n',
      'name_a,name_b\r\n\r\n"A\r\nB",A B\r\n\r\nX Y,Q R\r\n',
    ]) {
      writeFileSync(input, text);
      const r = await run('screen-pairs', '--input', input, '--out', scores, '--uniform');
      expect(r.code).toBe(0);
      expect(readFileSync(scores, 'utf8')).toMatch(/^row,score\n1,1\.000\n2,0\.\d{3}\n$/);
    }
  });

  it('screen-pairs fails on a file that is not UTF-8, naming the line', async () => {
    const dir = tmp();
    const input = join(dir, 'pairs.csv');
    writeFileSync(input, Buffer.from('name_a,name_b\nJürgen Müller,Juergen Mueller\n', 'latin1'));
    const r = await run('screen-pairs', '--input', input, '--out', join(dir, 'scores.csv'), '--uniform');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'pairs.csv: line 2: not UTF-8 (byte 0xFC at byte offset 15); save the file as UTF-8',
    );
  });

  it('screen-pairs fails with a one-line error on an --out it cannot write', async () => {
    const dir = tmp();
    const input = join(dir, 'pairs.csv');
    writeFileSync(input, 'name_a,name_b\nMuhammad bin Salman,Mohammed bin Salman\n');
    const out = join(dir, 'missing', 'scores.csv');
    const r = await run('screen-pairs', '--input', input, '--out', out, '--uniform');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`raqib: cannot write ${out}: ENOENT: no such file or directory, open '${out}'\n`);
  });

  it('screen-pairs fails on an --out it cannot write before scoring, and keeps an existing one on failure', async () => {
    const dir = tmp();
    const input = join(dir, 'pairs.csv');
    writeFileSync(input, 'name_a,name_b\nMuhammad bin Salman,\n');
    const missing = join(dir, 'missing', 'scores.csv');
    const r = await run('screen-pairs', '--input', input, '--out', missing, '--uniform');
    expect(r.err).toBe(
      `raqib: cannot write ${missing}: ENOENT: no such file or directory, open '${missing}'\n`,
    );
    const out = join(dir, 'scores.csv');
    writeFileSync(out, 'row,score\n1,0.900\n');
    const bad = await run('screen-pairs', '--input', input, '--out', out, '--uniform');
    expect(bad.err).toContain('pairs.csv: line 2: name_b is empty');
    expect(readFileSync(out, 'utf8')).toBe('row,score\n1,0.900\n');
    expect(readdirSync(dir).sort()).toEqual(['pairs.csv', 'scores.csv']);
  });

  it('lists update fetches from the publishers (a local server standing in for them)', async () => {
    const files: Record<string, string> = {
      '/un/UN_consolidated.xml': join(FIXTURES, 'un-excerpt.xml'),
      '/ofac/sdn.csv': join(FIXTURES, 'ofac-2021-07-07/sdn.csv'),
      '/ofac/alt.csv': join(FIXTURES, 'ofac-2021-07-07/alt.csv'),
      '/ofac/add.csv': join(FIXTURES, 'ofac-2021-07-07/add.csv'),
      '/ofac/sdn_comments.csv': join(FIXTURES, 'ofac-2021-07-07/sdn_comments.csv'),
      '/bad/UN_consolidated.xml': join(FIXTURES, 'ofac-2021-07-07/sdn.csv'),
    };
    const server = createServer((req, res) => {
      const f = files[req.url ?? ''];
      if (!f) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200).end(readFileSync(f));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // the downloads' temporary folders land here, to see which are left behind
    const downloads = tmp();
    const db = join(tmp(), 'r.db');
    const tmpBefore = process.env.TMPDIR;
    process.env.TMPDIR = downloads;
    try {
      const r = await run(
        'lists',
        'update',
        '--only',
        'UN,OFAC-SDN',
        '--source',
        `UN=${base}/un/`,
        '--source',
        `OFAC-SDN=${base}/ofac/`,
        '--db',
        db,
      );
      expect(r.code).toBe(0);
      expect(r.out).toContain('UN 2026-02-27: 26 entries');
      expect(r.out).toMatch(/OFAC-SDN \d{4}-\d{2}-\d{2}: 12 entries/);
      expect(readdirSync(downloads)).toEqual([]);
      const missing = await run(
        'lists',
        'update',
        '--only',
        'UN',
        '--source',
        `UN=${base}/nope/`,
        '--db',
        db,
      );
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('HTTP 404');
      expect(readdirSync(downloads)).toEqual([]);
      // a download that is read but not stored is kept, and the run says where
      const wrong = await run('lists', 'update', '--only', 'UN', '--source', `UN=${base}/bad/`, '--db', db);
      expect(wrong.code).toBe(2);
      const kept = readdirSync(downloads);
      expect(kept).toHaveLength(1);
      expect(wrong.err).toContain(`the downloads are kept in ${join(downloads, kept[0]!)}`);
    } finally {
      if (tmpBefore === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpBefore;
      server.close();
    }
  });
});
