import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEuXml2016 } from './eu-xml.ts';
import { parseFtmJsonl } from './ftm-jsonl.ts';
import { parseGenericCsv } from './generic-csv.ts';
import { ListParseError } from './list-parse-error.ts';
import { decodeListBytes, detectListFormat, loadListPath } from './load-list.ts';
import { fixture, SANCTIONS_FIXTURES } from './test-fixtures.ts';
import { parseUkCsv } from './uk-csv.ts';
import { entryDocuments, UkDocumentReader } from './uk-documents.ts';
import { decodeXmlText } from './xml-text.ts';

describe('parseEuXml2016', () => {
  const list = parseEuXml2016(fixture('eu-2016-excerpt.xml'), 'eu.xml');
  it('reads entities, names in every language, births, citizenships', () => {
    expect(list.version).toBe('2016-02-11');
    expect(list.entries).toHaveLength(6);
    const mugabe = list.entries.find((e) => e.refId === '1');
    expect(mugabe?.names[0]?.text).toBe('Robert Gabriel Mugabe');
    expect(mugabe?.birthDates).toEqual(['1924-02-21']);
    expect(list.entries.find((e) => e.refId === '13')?.countries).toEqual(['IQ']);
    expect(list.entries.find((e) => e.refId === '201')?.kind).toBe('organisation');
  });
  it('keeps a citizenship code it cannot read (YUG, in the shared 2016 file) as text and notes it', () => {
    const citizen = '<CITIZEN Id="1" Entity_id="13"'; // the CITIZEN of Entity 13, its COUNTRY changed
    const xml = fixture('eu-2016-excerpt.xml');
    const at = xml.indexOf('<COUNTRY>IRQ</COUNTRY>', xml.indexOf(citizen));
    const l = parseEuXml2016(`${xml.slice(0, at)}<COUNTRY>YUG</COUNTRY>${xml.slice(at + 22)}`, 'eu.xml');
    expect(l.entries.find((e) => e.refId === '13')).toMatchObject({ countries: [], countryTexts: ['YUG'] });
    expect(l.notes).toEqual([
      "1 country name(s) not recognised, kept as text (not used in scoring): 'YUG' ×1",
    ]);
    expect(list.notes).toBeUndefined();
  });
  it('names the ENTITY on bad input', () => {
    expect(() =>
      parseEuXml2016(fixture('eu-2016-excerpt.xml').replace('Type="P"', 'Type="X"'), 'eu.xml'),
    ).toThrow(/eu\.xml: ENTITY #1 \(line 4\): Type "X"/);
  });
});

describe('parseUkCsv', () => {
  const text = decodeListBytes(Buffer.from(fixture('uk-conlist-excerpt.csv', 'latin1'), 'latin1'));
  const list = parseUkCsv(text, 'ConList.csv');
  it('groups rows by Group ID, with the header quirk and no preamble', () => {
    expect(list.entries.length).toBeGreaterThan(3);
    const farooq = list.entries.find((e) => e.refId === '13349');
    expect(farooq?.names[0]?.text).toContain('AL-QAHTANI');
    expect(farooq?.birthDates).toEqual(expect.arrayContaining(['1980', '1981']));
    // nationality "1) Saudi Arabia 2) Qatar" and address country "Afghanistan (since 2009)"
    expect(farooq?.countries).toEqual(['AF', 'QA', 'SA']);
    expect(list.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it('reads the address Country column as the other lists read address countries', () => {
    // Group ID 12871 writes "DPRK", 10657 "Iran", entities with no nationality
    expect(list.entries.find((e) => e.refId === '12871')?.countries).toEqual(['KP']);
    expect(list.entries.find((e) => e.refId === '10657')?.countries).toEqual(['IR']);
    expect(list.notes).toBeUndefined();
    // a country, not a nationality: an adjective there is kept as text and counted
    const odd = parseUkCsv(text.replaceAll('Afghanistan (since 2009)', 'Afghan'), 'ConList.csv');
    expect(odd.entries.find((e) => e.refId === '13349')).toMatchObject({
      countries: ['QA', 'SA'],
      countryTexts: ['Afghan'],
    });
    expect(odd.notes).toEqual([
      "1 country name(s) not recognised, kept as text (not used in scoring): 'Afghan' ×1",
    ]);
  });
  it('reads nationalities written as adjectives to their countries', () => {
    // the header and the rows of Group ID 7059 and 6923 of the shared 2020 ConList, unchanged (cp1252)
    const rows = decodeListBytes(
      Buffer.from(fixture('uk-conlist-nationality-excerpt.csv', 'latin1'), 'latin1'),
    );
    const l = parseUkCsv(rows, 'ConList.csv');
    // "(1) German (2) Moroccan" and "Iraqi"
    const abbattay = l.entries.find((e) => e.refId === '7059');
    expect(abbattay?.countries).toEqual(['DE', 'MA']);
    expect(abbattay?.countryTexts).toBeUndefined();
    expect(l.entries.find((e) => e.refId === '6923')?.countries).toEqual(['IQ']);
    expect(l.notes).toBeUndefined();
    // an ambiguous adjective is kept as text and counted, as an unknown name is
    const congolese = parseUkCsv(rows.replace('Iraqi', '"Congolese, Iraqi"'), 'ConList.csv');
    expect(congolese.entries.find((e) => e.refId === '6923')).toMatchObject({
      countries: [],
      countryTexts: ['Congolese, Iraqi'],
    });
    expect(congolese.notes).toEqual([
      "1 country name(s) not recognised, kept as text (not used in scoring): 'Congolese, Iraqi' ×1",
    ]);
  });
  it('reads Passport Details and NI Number as identifiers, with the issuing country the text names', () => {
    // "Passport No: 592667 (Qatari passport issued on 3 May 2007).", repeated on both of the group's rows
    expect(list.entries.find((e) => e.refId === '13349')?.identifiers).toEqual([
      { type: 'Passport', value: '592667', country: 'QA' },
    ]);
    expect(list.entries.find((e) => e.refId === '13562')?.identifiers).toEqual([
      { type: 'Passport', value: '836210029' },
    ]);
    const rows = decodeListBytes(
      Buffer.from(fixture('uk-conlist-nationality-excerpt.csv', 'latin1'), 'latin1'),
    );
    const l = parseUkCsv(rows, 'ConList.csv');
    // "(1) Provisional 28642163 (German) issued by the city of Hamburg (2) 954242 (Moroccan) …", "BPA 1336597587"
    expect(l.entries.find((e) => e.refId === '7059')?.identifiers).toEqual([
      { type: 'Passport', value: '28642163', country: 'DE' },
      { type: 'Passport', value: '954242', country: 'MA' },
      { type: 'National identifier', value: '1336597587' },
    ]);
    // NI Number "Ration card no. 0094195": the type the text names
    expect(l.entries.find((e) => e.refId === '6923')?.identifiers).toEqual([
      { type: 'Ration card', value: '0094195' },
    ]);
    // the rows of Group ID 6894, 10834, 11123, 13194, 11634 and 12999 of the shared 2020 ConList, unchanged
    const docs = parseUkCsv(
      decodeListBytes(Buffer.from(fixture('uk-conlist-documents-excerpt.csv', 'latin1'), 'latin1')),
      'ConList.csv',
    );
    const ids = (id: string) => docs.entries.find((e) => e.refId === id)?.identifiers;
    // "no 3603251708570001": no country named, none guessed
    expect(ids('6894')).toEqual([{ type: 'National identifier', value: '3603251708570001' }]);
    expect(ids('10834')).toEqual([
      { type: 'National identifier', value: '653225197110100533', country: 'CN' },
    ]);
    // "00344994 (Yemeni). Issued 3 July 1999 in Sanaa (b) 973406 (Yemeni national identification card, issued on
    // 03/07/1996)", the card repeated in NI Number: kept once; the date's "6)" is no numbering
    expect(ids('11123')).toEqual([
      { type: 'Passport', value: '00344994', country: 'YE' },
      { type: 'National identifier', value: '973406', country: 'YE' },
    ]);
    // "Jordanian passport numbers (1) K048787 (2) 486298": the lead read with each item
    expect(ids('13194')).toEqual([
      { type: 'Passport', value: 'K048787', country: 'JO' },
      { type: 'Passport', value: '486298', country: 'JO' },
      { type: 'National identifier', value: '28440000526', country: 'QA' },
    ]);
    // "… under name Said Jan 'Abd al-Salam …": a name is not read for a country; "(Kuwaiti Civil ID no)"
    expect(ids('11634')).toEqual([
      { type: 'Passport', value: 'OR801168', country: 'AF' },
      { type: 'Passport', value: '4117921', country: 'PK' },
      { type: 'National identifier', value: '281020505755', country: 'KW' },
    ]);
    // "(1) D00001184 (CAR passport) (2) no: P04838205 …" on nine rows: "CAR" is not read as a country
    expect(ids('12999')).toEqual([
      { type: 'Passport', value: 'D00001184' },
      { type: 'Passport', value: 'P04838205' },
      { type: 'National identifier', value: '202-2708-8368', country: 'SD' },
    ]);
  });
  it('counts a document text without a number in the load notes instead of dropping it silently', () => {
    const rows = decodeListBytes(
      Buffer.from(fixture('uk-conlist-nationality-excerpt.csv', 'latin1'), 'latin1'),
    ).replace('BPA 1336597587', 'BPA (see remarks)');
    const l = parseUkCsv(rows, 'ConList.csv');
    expect(l.entries.find((e) => e.refId === '7059')?.identifiers).toHaveLength(2);
    expect(l.notes).toEqual(["1 document text(s) without a number, not read: 'BPA (see remarks)' ×1"]);
    // a short number ("no. 1234") is none
    const short = parseUkCsv(text.replaceAll('Passport No. 836210029', 'Passport No. 1234'), 'ConList.csv');
    expect(short.entries.find((e) => e.refId === '13562')?.identifiers).toEqual([]);
    expect(short.notes).toEqual(["1 document text(s) without a number, not read: 'Passport No. 1234' ×1"]);
  });
  it('takes no date for a document number, and no country from a holder name (review)', () => {
    const docs = (cell: string) => {
      const into = entryDocuments();
      new UkDocumentReader().read(cell, 'Passport Details', into);
      return [...into.byKey.values()];
    };
    // before: 03/07/1996 and 2007-05-03 were read as the passport numbers, Chad as the issuing country
    expect(docs('Passport issued on 03/07/1996 no. 123456')).toEqual([{ type: 'Passport', value: '123456' }]);
    expect(docs('(Iraqi passport issued 2007-05-03)')).toEqual([]);
    expect(docs('Passport 654321 in the name of Omar Chad')).toEqual([{ type: 'Passport', value: '654321' }]);
  });
  it('fails on a date of birth it cannot read, naming the line and group', () => {
    expect(() => parseUkCsv(text.replace('00/00/1980', 'circa 1980'), 'ConList.csv')).toThrow(
      /ConList\.csv: line \d+: Group ID 13349: DOB "circa 1980" is not dd\/mm\/yyyy/,
    );
  });
  it('fails on a row with a wrong column count', () => {
    expect(() => parseUkCsv(`${text}X,Y\n`, 'ConList.csv')).toThrow(
      /ConList\.csv: line 13: expected 29 columns/,
    );
  });
});

describe('parseGenericCsv', () => {
  it('reads id,name,aliases,dob,country,type', () => {
    const l = parseGenericCsv(fixture('generic-pep.csv'), { list: 'PEP', version: '2026-11-01' }, 'pep.csv');
    expect(l.entries).toHaveLength(3);
    expect(l.entries[0]?.names.map((n) => n.text)).toEqual([
      'Khalid Abdulrahman Al-Faisal',
      'Khaled Abdelrahman Alfaisal',
      'خالد عبد الرحمن الفيصل',
    ]);
    expect(l.entries[2]).toMatchObject({ kind: 'organisation', countries: ['JO'] });
  });
  it('fails on a bad date, naming the line', () => {
    expect(() =>
      parseGenericCsv('id,name,dob\nA,Ali,1/2/1990\n', { list: 'X', version: 'v' }, 'x.csv'),
    ).toThrow('x.csv: line 2: id A: dob "1/2/1990" is not YYYY[-MM[-DD]]');
  });
  it('fails on a two-letter country that is no ISO code', () => {
    const pep = fixture('generic-pep.csv').replace('1974,JO,person', '1974,ZZ,person');
    expect(() => parseGenericCsv(pep, { list: 'PEP', version: '2026-11-01' }, 'pep.csv')).toThrow(
      'pep.csv: line 3: id PEP-002: country "ZZ" is not recognised',
    );
  });
  it('reads the country UK, in any case, as GB', () => {
    for (const uk of ['UK', 'uk']) {
      const pep = fixture('generic-pep.csv').replace('1974,JO,person', `1974,${uk},person`);
      const list = parseGenericCsv(pep, { list: 'PEP', version: '2026-11-01' }, 'pep.csv');
      expect(list.entries.find((e) => e.refId === 'PEP-002')?.countries).toEqual(['GB']);
    }
  });
  it('names the right line after an alias written over two lines of a CRLF file', () => {
    const pep = fixture('generic-pep.csv')
      .replace(
        'Khaled Abdelrahman Alfaisal;خالد عبد الرحمن الفيصل',
        '"Khaled Abdelrahman\nAlfaisal;خالد عبد الرحمن الفيصل"',
      )
      .replace(/\n/g, '\r\n')
      .replace('1974,JO', '1974-02-30,JO');
    expect(() => parseGenericCsv(pep, { list: 'PEP', version: '2026-11-01' }, 'pep.csv')).toThrow(
      'pep.csv: line 4: id PEP-002: dob "1974-02-30"',
    );
  });
  it('names the right line of a CSV syntax error after a CRLF inside a quoted field', () => {
    const pep = 'id,name\r\nPEP-001,"Fatima\r\nHaddad"\r\nPEP-002,"Khaled"Alfaisal\r\n';
    expect(() => parseGenericCsv(pep, { list: 'PEP', version: '2026-11-01' }, 'pep.csv')).toThrow(
      /^pep\.csv: line 4: Invalid Closing Quote: got "A" at line 4 /,
    );
  });
  it('fails on a column given twice', () => {
    const pep = 'id,name,aliases,aliases\nPEP-002,Fatima Yusuf Haddad,Fatimah Youssef Haddad,Fatma Haddad\n';
    expect(() => parseGenericCsv(pep, { list: 'PEP', version: '2026-11-01' }, 'pep.csv')).toThrow(
      'pep.csv: line 1: column "aliases" appears twice',
    );
  });
  it('reads a month or day of 00 as unknown, as lists write it', () => {
    for (const [zeros, stored] of [
      ['1961-00-00', '1961'],
      ['1961-05-00', '1961-05'],
    ] as const) {
      const pep = fixture('generic-pep.csv').replace('1961-05-02', zeros);
      const list = parseGenericCsv(pep, { list: 'PEP', version: '2026-11-01' }, 'pep.csv');
      expect(list.entries[0]?.birthDates).toEqual([stored]);
    }
    const pep = fixture('generic-pep.csv').replace('1961-05-02', '1961-13-00');
    expect(() => parseGenericCsv(pep, { list: 'PEP', version: '2026-11-01' }, 'pep.csv')).toThrow(
      'pep.csv: line 2: id PEP-001: dob "1961-13-00" is not a date of the calendar',
    );
  });
  it('fails on a date of birth that does not exist, naming the line', () => {
    const pep = fixture('generic-pep.csv').replace('1961-05-02', '1961-02-30');
    expect(() => parseGenericCsv(pep, { list: 'PEP', version: '2026-11-01' }, 'pep.csv')).toThrow(
      'pep.csv: line 2: id PEP-001: dob "1961-02-30" is not a date of the calendar',
    );
  });
});

describe('parseFtmJsonl', () => {
  it('reads persons and companies and reports what it did not load', () => {
    const l = parseFtmJsonl(fixture('ftm-sample.jsonl'), { list: 'DEMO', version: 'v' }, 'demo.jsonl');
    expect(l.entries.map((e) => e.kind)).toEqual(['person', 'organisation']);
    expect(l.entries[0]?.countries).toEqual(['JO']);
    expect(l.entries[0]?.identifiers).toEqual([{ type: 'passportNumber', value: 'K1234567' }]);
    expect(l.notes).toEqual(['1 Address object(s) are not list entries and were not loaded']);
  });
  it('skips a schema named like an Object property (constructor) as an unknown schema', () => {
    const l = parseFtmJsonl(
      '{"id":"p","schema":"Person","properties":{"name":["P"]}}\n{"id":"a","schema":"constructor","properties":{"name":["A"]}}\n{"id":"b","schema":"toString","properties":{"name":["B"]}}\n',
      { list: 'X', version: 'v' },
      'f.jsonl',
    );
    expect(l.entries.map((e) => e.refId)).toEqual(['p']);
    expect(l.notes).toEqual([
      '1 constructor object(s) are not list entries and were not loaded',
      '1 toString object(s) are not list entries and were not loaded',
    ]);
  });
  it('keeps the country values it cannot read as text and says which, and which dates it could not read', () => {
    const person = fixture('ftm-sample.jsonl')
      .split('\n')[0]
      ?.replace('"nationality":["jo"]', '"nationality":["jo","suhh","zz"]')
      .replace('"birthDate":["1970-03-01"]', '"birthDate":["1970-03-01","1970-03-01T00:00:00"]');
    const l = parseFtmJsonl(`${person}\n`, { list: 'X', version: 'v' }, 'f.jsonl');
    expect(l.entries[0]).toMatchObject({
      countries: ['JO'],
      countryTexts: ['suhh', 'zz'],
      birthDates: ['1970-03-01'],
    });
    expect(l.notes).toEqual([
      "2 country name(s) not recognised, kept as text (not used in scoring): 'suhh' ×1, 'zz' ×1",
      '1 birthDate value(s) not read and not loaded: 1970-03-01T00:00:00',
    ]);
  });
  it('fails on an empty id', () => {
    const person = fixture('ftm-sample.jsonl').split('\n')[0]?.replace('"id":"NK-demo-1"', '"id":""');
    expect(() => parseFtmJsonl(`${person}\n`, { list: 'X', version: 'v' }, 'f.jsonl')).toThrow(
      'f.jsonl: line 1: missing "id" or "schema"',
    );
  });
  it('fails on an id that appears twice, naming both lines', () => {
    const person = fixture('ftm-sample.jsonl').split('\n')[0];
    expect(() => parseFtmJsonl(`${person}\n${person}\n`, { list: 'X', version: 'v' }, 'f.jsonl')).toThrow(
      'f.jsonl: line 2: id "NK-demo-1" appears twice (first on line 1)',
    );
  });
  it('fails on a line that is not JSON', () => {
    expect(() =>
      parseFtmJsonl(
        '{"id":"a","schema":"Person","properties":{"name":["A"]}}\n{oops\n',
        { list: 'X', version: 'v' },
        'f.jsonl',
      ),
    ).toThrow(ListParseError);
  });
});

describe('decodeXmlText', () => {
  it('decodes the predefined entities and leaves any other name as written, constructor too', () => {
    expect(decodeXmlText('a &amp; b &#65;')).toBe('a & b A');
    expect(decodeXmlText('a &constructor; b &nbsp;')).toBe('a &constructor; b &nbsp;');
  });

  it('leaves a reference to no XML character as written instead of throwing', () => {
    expect(decodeXmlText('a &#x110000; b &#99999999999; c &#0; &#x1F600;')).toBe(
      'a &#x110000; b &#99999999999; c &#0; \u{1F600}',
    );
  });
});

describe('loadListPath', () => {
  it('detects formats', () => {
    expect(detectListFormat('a.xml', '<?xml?><CONSOLIDATED_LIST>')).toBe('un-xml');
    expect(detectListFormat('a.xml', '<WHOLE Date="1">')).toBe('eu-xml-2016');
    expect(detectListFormat('a.csv', 'id,name\n')).toBe('generic-csv');
    expect(detectListFormat('a.csv', ',Name 6,Name 1\n')).toBe('uk-ofsi-csv');
    expect(detectListFormat('a.xml', '<?xml?><sdnList xmlns="http://tempuri.org/sdnList.xsd">')).toBe(
      'ofac-xml',
    );
    expect(detectListFormat('content', '<export xmlns="http://eu.europa.ec/fpi/fsd/export">')).toBe(
      'eu-fsf-xml',
    );
    expect(detectListFormat('a.xml', '<?xml?><Designations>')).toBe('uk-sanctions-list-xml');
    expect(detectListFormat('a.xml', '<?xml?><other/>')).toBeUndefined();
  });
  it('loads a whole folder of fixtures', () => {
    const lists = loadListPath(SANCTIONS_FIXTURES, { version: '2026-11-01' });
    expect(lists.map((l) => `${l.list} ${l.format}`).sort()).toEqual([
      'EU eu-fsf-csv',
      'EU eu-fsf-xml',
      'EU eu-xml-2016',
      'FTM-SAMPLE ftm-jsonl',
      'GENERIC-PEP generic-csv',
      'OFAC-SDN ofac-csv',
      'OFAC-SDN ofac-csv',
      'OFAC-SDN ofac-xml',
      'UK uk-ofsi-csv',
      'UK uk-ofsi-csv',
      'UK uk-ofsi-csv',
      'UK uk-sanctions-list-xml',
      'UN un-xml',
      'UN un-xml',
    ]);
  });
  it('decodes a list in the encoding its XML declaration or byte-order mark names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-lists-'));
    const utf8 = fixture('un-excerpt.xml');
    const cp1256 = new Map(
      [...new TextDecoder('windows-1256').decode(Uint8Array.from({ length: 256 }, (_, i) => i))].map(
        (c, i) => [c, i],
      ),
    );
    const arabic = utf8
      .replace('encoding="UTF-8"', 'encoding="windows-1256"')
      .split('')
      .map((c) => cp1256.get(c) ?? -1);
    expect(arabic).not.toContain(-1);
    writeFileSync(join(dir, 'un-1256.xml'), Uint8Array.from(arabic));
    writeFileSync(
      join(dir, 'un-utf16.xml'),
      Buffer.from(`\ufeff${utf8.replace('UTF-8', 'UTF-16')}`, 'utf16le'),
    );
    for (const f of ['un-1256.xml', 'un-utf16.xml']) {
      const names = loadListPath(join(dir, f))[0]?.entries.find((e) => e.refId === 'IQi.001')?.names;
      expect(names?.map((n) => n.text)).toContain('صدام حسين التكريتي');
    }
    // a declaration readable as ASCII is no UTF-16 file (XML 1.0 Appendix F); a UTF-8 BOM outranks the label
    writeFileSync(join(dir, 'un-ascii16.xml'), utf8.replace('UTF-8', 'UTF-16'));
    writeFileSync(join(dir, 'un-bom.xml'), `\ufeff${utf8.replace('UTF-8', 'windows-1256')}`);
    for (const f of ['un-ascii16.xml', 'un-bom.xml']) {
      const names = loadListPath(join(dir, f))[0]?.entries.find((e) => e.refId === 'IQi.001')?.names;
      expect(names?.map((n) => n.text)).toContain('صدام حسين التكريتي');
    }
    writeFileSync(join(dir, 'un-x.xml'), utf8.replace('UTF-8', 'x-unknown'));
    expect(() => loadListPath(join(dir, 'un-x.xml'))).toThrow(
      /un-x\.xml: XML declaration: encoding "x-unknown"/,
    );
  });
  it('says which files an OFAC set was loaded without', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-lists-'));
    copyFileSync(join(SANCTIONS_FIXTURES, 'ofac-2021-07-07', 'sdn.csv'), join(dir, 'sdn.csv'));
    copyFileSync(join(SANCTIONS_FIXTURES, 'ofac-2021-07-07', 'add.csv'), join(dir, 'add.csv'));
    const [list] = loadListPath(dir, { version: '2021-07-07' });
    expect(list?.entries).toHaveLength(12);
    expect(list?.notes).toEqual([
      'no alt.csv beside sdn.csv: loaded without its aliases',
      'no sdn_comments.csv beside sdn.csv: loaded without its remarks continued from sdn.csv',
    ]);
    expect(loadListPath(join(SANCTIONS_FIXTURES, 'ofac-2021-07-07'))[0]?.notes).toBeUndefined();
  });
  it('loads both OFAC sets and the other lists of a folder, and the set a named file belongs to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-lists-'));
    const ofac = join(SANCTIONS_FIXTURES, 'ofac-2021-07-07');
    for (const f of ['sdn', 'alt', 'add', 'sdn_comments'])
      copyFileSync(join(ofac, `${f}.csv`), join(dir, `${f}.csv`));
    // the non-SDN list is published in the same columns under cons_*.csv names
    for (const [from, to] of [
      ['sdn', 'prim'],
      ['alt', 'alt'],
      ['add', 'add'],
      ['sdn_comments', 'comments'],
    ])
      copyFileSync(join(ofac, `${from}.csv`), join(dir, `cons_${to}.csv`));
    copyFileSync(join(SANCTIONS_FIXTURES, 'un-excerpt.xml'), join(dir, 'consolidated.xml'));
    const lists = loadListPath(dir, { version: '2021-07-07' });
    expect(lists.map((l) => `${l.list} ${l.entries.length}`).sort()).toEqual([
      'OFAC-CONS 12',
      'OFAC-SDN 12',
      'UN 26',
    ]);
    expect(loadListPath(join(dir, 'cons_prim.csv'), { version: '2021-07-07' }).map((l) => l.list)).toEqual([
      'OFAC-CONS',
    ]);
  });
  it('refuses a folder that gives one list twice, naming both files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-lists-'));
    const ofac = join(SANCTIONS_FIXTURES, 'ofac-2021-07-07');
    for (const f of ['sdn', 'alt', 'add', 'sdn_comments'])
      copyFileSync(join(ofac, `${f}.csv`), join(dir, `${f}.csv`));
    copyFileSync(join(SANCTIONS_FIXTURES, 'ofac-xml-2014-05-30', 'sdn.xml'), join(dir, 'sdn.xml'));
    expect(() => loadListPath(dir, { version: '2021-07-07' })).toThrow(
      `${dir}: folder: OFAC-SDN is given twice, by sdn.csv and by sdn.xml; load one of them`,
    );
  });
  it('skips the files OFAC publishes beside its CSV set (SDN.ZIP, sdn.pip) with a note naming them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'raqib-lists-'));
    const ofac = join(SANCTIONS_FIXTURES, 'ofac-2021-07-07');
    for (const f of ['sdn', 'alt', 'add', 'sdn_comments'])
      copyFileSync(join(ofac, `${f}.csv`), join(dir, `${f}.csv`));
    writeFileSync(join(dir, 'SDN.ZIP'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]));
    copyFileSync(join(ofac, 'sdn.csv'), join(dir, 'sdn.pip'));
    const lists = loadListPath(dir, { version: '2021-07-07' });
    expect(lists.map((l) => `${l.list} ${l.entries.length}`)).toEqual(['OFAC-SDN 12']);
    expect(lists[0]?.notes).toEqual(['not list files, skipped beside sdn.csv: SDN.ZIP, sdn.pip']);
    // with no list file at all, an unknown file still fails the load
    const bare = mkdtempSync(join(tmpdir(), 'raqib-lists-'));
    writeFileSync(join(bare, 'SDN.ZIP'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]));
    expect(() => loadListPath(bare)).toThrow(/SDN\.ZIP: file: format not recognised/);
  });
});
