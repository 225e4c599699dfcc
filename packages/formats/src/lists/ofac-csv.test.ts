import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ListParseError } from './list-parse-error.ts';
import { loadListPath } from './load-list.ts';
import { parseOfacCsv } from './ofac-csv.ts';
import { readOfacRemarks } from './ofac-remarks.ts';
import { fixture, SANCTIONS_FIXTURES, SHARED_SANCTIONS } from './test-fixtures.ts';

const f = (name: string) => ({ file: name, text: fixture(`ofac-2021-07-07/${name}`) });
const set = { primary: f('sdn.csv'), alt: f('alt.csv'), add: f('add.csv'), comments: f('sdn_comments.csv') };

describe('parseOfacCsv', () => {
  const list = parseOfacCsv(set, { list: 'OFAC-SDN', version: '2021-07-07' });

  it('joins sdn, alt, add and comments on ent_num, through CRLF, -0- and the Ctrl-Z byte', () => {
    expect(list.entries).toHaveLength(12);
    const ubl = list.entries.find((e) => e.refId === '6365');
    expect(ubl?.names[0]?.text).toBe('BIN LADIN, Usama bin Muhammad bin Awad');
    expect(ubl?.names.length).toBeGreaterThan(5);
    expect(ubl?.birthDates).toContain('1957-07-30');
    expect(ubl?.programmes).toEqual(['SDGT']);
    expect(list.entries.find((e) => e.refId === '4697')?.programmes).toEqual(['FTO', 'SDGT', 'SYRIA']);
  });

  it('types vessels, aircraft and entities', () => {
    expect(list.entries.find((e) => e.refId === '4234')?.kind).toBe('vessel');
    expect(list.entries.find((e) => e.refId === '15431')?.kind).toBe('aircraft');
    expect(list.entries.find((e) => e.refId === '306')?.kind).toBe('organisation');
  });

  it('appends the overflow remarks and reads weak a.k.a.s from them', () => {
    expect(list.entries.find((e) => e.refId === '12300')?.remarks).toMatch(/Linked To: R D I S\.A\./);
    expect(list.entries.find((e) => e.refId === '306')?.names).toContainEqual({
      text: 'BNC',
      type: 'weak-alias',
      quality: 'weak aka',
    });
  });

  it('fails loudly on a wrong column count, naming file and line', () => {
    const bad = { ...set, alt: { file: 'alt.csv', text: set.alt.text.replace(/\r\n/, ',"extra"\r\n') } };
    expect(() => parseOfacCsv(bad, { list: 'OFAC-SDN', version: 'x' })).toThrow(
      'alt.csv: line 1: expected 5 columns, found 6',
    );
  });

  it('refuses aliases of an ent_num the sdn file lacks unless asked to keep them', () => {
    const orphan = {
      ...set,
      alt: { file: 'alt.csv', text: `99999,1,"aka","GHOST",-0- \r\n${set.alt.text}` },
    };
    expect(() => parseOfacCsv(orphan, { list: 'OFAC-SDN', version: 'x' })).toThrow(ListParseError);
    const kept = parseOfacCsv(orphan, { list: 'OFAC-SDN', version: 'x', orphans: 'entries' });
    expect(kept.entries.find((e) => e.refId === '99999')?.names[0]?.text).toBe('GHOST');
  });

  it('is found as a set when loading the folder, dated by the folder name', () => {
    const [l] = loadListPath(join(SANCTIONS_FIXTURES, 'ofac-2021-07-07'));
    expect(l?.list).toBe('OFAC-SDN');
    expect(l?.version).toBe('2021-07-07');
    expect(l?.entries).toHaveLength(12);
  });

  const full = join(SHARED_SANCTIONS, 'ofac/2021-07-07');
  it.skipIf(!existsSync(full))(
    'reads the full consistent 2021-07-07 set (skips: ../shared/data/sanctions not present)',
    () => {
      const [l] = loadListPath(full);
      expect(l?.entries).toHaveLength(8976);
      expect(l?.entries.filter((e) => e.kind === 'person')).toHaveLength(4620);
    },
  );
});

describe('parseOfacCsv: country names', () => {
  // the sdn.csv and add.csv rows of six ent_nums of the shared 2021-07-07 set, unchanged (fixtures/sanctions/SOURCES.md)
  const g = (name: string) => ({ file: name, text: fixture(`ofac-2021-07-07-countries/${name}`) });
  const l = parseOfacCsv({ primary: g('sdn.csv'), add: g('add.csv') }, { list: 'OFAC-SDN', version: 'v' });
  const at = (ref: string) => l.entries.find((e) => e.refId === ref);

  it("reads OFAC's own spellings of nationalities and address countries (Turkey, Man, Isle of…)", () => {
    expect(at('10903')?.countries).toEqual(['AE', 'TR']);
    expect(at('20882')?.countries).toEqual(['MK', 'SY']);
    expect(at('27293')?.countries).toEqual(['IM']);
  });

  it('keeps the names it cannot read as text on the entry and counts them in the notes', () => {
    expect(at('7945')).toMatchObject({ countries: ['DE', 'JO'], countryTexts: ['possibly Palestinian'] });
    expect(at('7116')).toMatchObject({ countries: ['PS', 'US'], countryTexts: ['undetermined'] });
    expect(at('11018')).toMatchObject({
      countries: ['CD', 'CF', 'SD', 'UG'],
      countryTexts: ['Region: Kafia Kingi'],
    });
    expect(at('10903')?.countryTexts).toBeUndefined();
    expect(l.notes).toEqual([
      "3 country name(s) not recognised, kept as text (not used in scoring): 'possibly Palestinian' ×1, 'Region: Kafia Kingi' ×1, 'undetermined' ×1",
    ]);
  });
});

describe('readOfacRemarks', () => {
  it('reads dates, ranges, nationality and documents', () => {
    const r = readOfacRemarks(
      'DOB 19 Jun 1951; alt. DOB 1950 to 1952; POB Giza, Egypt; nationality Egypt; Passport 1084010 (Egypt).',
    );
    expect(r.birthDates).toEqual(['1951-06-19', '1950/1952']);
    expect(r.countryNames).toEqual(['Egypt']);
    expect(r.identifiers).toEqual([{ type: 'Passport', value: '1084010', countryName: 'Egypt' }]);
  });
});
