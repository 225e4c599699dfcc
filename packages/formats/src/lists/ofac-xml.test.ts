import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectListFormat, loadListPath } from './load-list.ts';
import { parseOfacCsv } from './ofac-csv.ts';
import { parseOfacXml } from './ofac-xml.ts';
import { fixture, SANCTIONS_FIXTURES, SHARED_SANCTIONS } from './test-fixtures.ts';

const XML = fixture('ofac-xml-2014-05-30/sdn.xml');

describe('parseOfacXml (sdn.xml, real 2014-05-30 excerpt)', () => {
  const list = parseOfacXml(XML, 'sdn.xml');

  it('reads the publication date and every sdnEntry through CRLF and the tempuri namespace', () => {
    expect(list).toMatchObject({ list: 'OFAC-SDN', version: '2014-05-30', format: 'ofac-xml' });
    expect(list.entries.map((e) => e.refId)).toEqual(['10', '15', '25', '36', '39']);
  });

  it('reads names as OFAC prints them, aliases with their type and category, programmes and countries', () => {
    const abdelnur = list.entries.find((e) => e.refId === '15');
    expect(abdelnur).toMatchObject({
      kind: 'person',
      names: [{ text: 'ABDELNUR, Nury de Jesus', type: 'primary' }],
      programmes: ['CUBA'],
      countries: ['PA'],
    });
    expect(list.entries.find((e) => e.refId === '10')).toMatchObject({
      kind: 'organisation',
      names: [
        { text: 'ABASTECEDORA NAVAL Y INDUSTRIAL, S.A.', type: 'primary' },
        { text: 'ANAINSA', type: 'alias', quality: 'a.k.a. strong' },
      ],
      countries: ['PA'],
    });
    expect(list.entries.find((e) => e.refId === '25')?.countries).toEqual(['MT']);
  });

  it('agrees with the same entry in the 2021-07-07 CSV set (uid 36: name, alias, programme, address country)', () => {
    const csv = parseOfacCsv(
      {
        primary: {
          file: 'sdn.csv',
          text: '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n',
        },
        alt: { file: 'alt.csv', text: '36,12,"aka","AERO-CARIBBEAN",-0- \r\n' },
        add: { file: 'add.csv', text: '36,25,-0- ,"Havana","Cuba",-0- \r\n' },
      },
      { list: 'OFAC-SDN', version: '2021-07-07' },
    ).entries[0];
    const xml = list.entries.find((e) => e.refId === '36');
    expect(xml?.names.map((n) => n.text)).toEqual(csv?.names.map((n) => n.text));
    expect(xml?.programmes).toEqual(csv?.programmes);
    expect(xml?.countries).toEqual(csv?.countries);
    expect(xml?.kind).toBe(csv?.kind);
  });

  const shared = join(SHARED_SANCTIONS, 'ofac/2021-07-07/sdn.csv');
  it.skipIf(!existsSync(shared))(
    'the CSV rows used above are the shared 2021-07-07 set, byte for byte',
    () => {
      expect(readFileSync(shared, 'latin1')).toContain(
        '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n',
      );
      expect(readFileSync(join(SHARED_SANCTIONS, 'ofac/2021-07-07/alt.csv'), 'latin1')).toContain(
        '36,12,"aka","AERO-CARIBBEAN",-0- \r\n',
      );
    },
  );

  it('reads dates of birth, nationalities, documents and weak a.k.a.s where an entry has them', () => {
    // the real excerpt has none of these lists: uid 15 gets the elements of the published schema added
    const richer = XML.replace(
      '<sdnType>Individual</sdnType>',
      '<sdnType>Individual</sdnType><idList><id><uid>1</uid><idType>Passport</idType><idNumber>B123</idNumber><idCountry>Cuba</idCountry></id><id><uid>2</uid><idType>Gender</idType><idNumber>Female</idNumber></id></idList>' +
        '<akaList><aka><uid>3</uid><type>a.k.a.</type><category>weak</category><lastName>NURY</lastName></aka></akaList>' +
        '<nationalityList><nationality><uid>4</uid><country>Cuba</country><mainEntry>true</mainEntry></nationality></nationalityList>' +
        '<dateOfBirthList><dateOfBirthItem><uid>5</uid><dateOfBirth>10 Dec 1948</dateOfBirth><mainEntry>true</mainEntry></dateOfBirthItem><dateOfBirthItem><uid>6</uid><dateOfBirth>1950 to 1952</dateOfBirth><mainEntry>false</mainEntry></dateOfBirthItem></dateOfBirthList>',
    );
    const e = parseOfacXml(richer, 'sdn.xml').entries.find((x) => x.refId === '15');
    expect(e?.birthDates).toEqual(['1948-12-10', '1950/1952']);
    expect(e?.countries).toEqual(['CU', 'PA']);
    expect(e?.identifiers).toEqual([{ type: 'Passport', value: 'B123', country: 'CU' }]);
    expect(e?.names[1]).toEqual({ text: 'NURY', type: 'weak-alias', quality: 'a.k.a. weak' });
    // an idCountry no code is found for stays on the document as written, and is counted in the note
    const unknown = parseOfacXml(richer.replace('<idCountry>Cuba<', '<idCountry>Region: Crimea<'), 'sdn.xml');
    expect(unknown.entries.find((x) => x.refId === '15')?.identifiers).toEqual([
      { type: 'Passport', value: 'B123', countryText: 'Region: Crimea' },
    ]);
    expect(unknown.notes).toEqual([
      "1 country name(s) not recognised, kept as text (not used in scoring): 'Region: Crimea' ×1",
    ]);
  });

  it('reads the newer namespace of the Sanctions List Service the same way', () => {
    const newer = XML.replace(
      'xmlns="http://tempuri.org/sdnList.xsd"',
      'xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML"',
    );
    expect(newer).not.toBe(XML);
    expect(parseOfacXml(newer, 'SDN.XML').entries).toEqual(list.entries);
  });

  it('refuses a file whose entry count differs from Record_Count (a cut or partial file)', () => {
    expect(() => parseOfacXml(XML.replace('<Record_Count>5<', '<Record_Count>5931<'), 'sdn.xml')).toThrow(
      'sdn.xml: publshInformation: Record_Count is 5931 but the file holds 5 sdnEntry records (cut short?)',
    );
  });

  it('names the sdnEntry, its line and the reason on a bad entry', () => {
    expect(() =>
      parseOfacXml(XML.replace('<sdnType>Individual</sdnType>', '<sdnType>Person</sdnType>'), 'sdn.xml'),
    ).toThrow(
      'sdn.xml: sdnEntry #2 (line 29) (uid 15): sdnType "Person" is not Individual, Entity, Vessel or Aircraft',
    );
    expect(() => parseOfacXml(XML.replace('<uid>25</uid>', '<uid></uid>'), 'sdn.xml')).toThrow(
      /sdnEntry #3 \(line 44\): uid "" is not a number/,
    );
    expect(() => parseOfacXml(XML.replace('</sdnList>', ''), 'sdn.xml')).toThrow(
      /sdn\.xml: line \d+, column \d+: malformed XML/,
    );
  });

  it('refuses entity declarations (no entity expansion)', () => {
    const bomb = XML.replace(
      '<sdnList ',
      '<!DOCTYPE sdnList [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\r\n<sdnList ',
    );
    expect(() => parseOfacXml(bomb, 'sdn.xml')).toThrow(/DOCTYPE\/ENTITY declarations are refused/);
  });

  it('is detected by loadListPath, and the consolidated file is read as OFAC-CONS', () => {
    expect(detectListFormat('x.xml', XML)).toBe('ofac-xml');
    const [l] = loadListPath(join(SANCTIONS_FIXTURES, 'ofac-xml-2014-05-30'));
    expect(l).toMatchObject({ list: 'OFAC-SDN', version: '2014-05-30', format: 'ofac-xml' });
    expect(parseOfacXml(XML, 'consolidated.xml', 'OFAC-CONS').entries[0]?.list).toBe('OFAC-CONS');
  });
});
