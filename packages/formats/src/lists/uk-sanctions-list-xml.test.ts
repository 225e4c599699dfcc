import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectListFormat, loadListPath } from './load-list.ts';
import { fixture, SANCTIONS_FIXTURES, SHARED_SANCTIONS } from './test-fixtures.ts';
import { parseUkSanctionsListXml } from './uk-sanctions-list-xml.ts';
import { parseUnXml } from './un-xml.ts';

const NAME = 'uk-sanctions-list-2026-09-02-excerpt.xml';
const XML = fixture(NAME);

describe('parseUkSanctionsListXml (FCDO UK Sanctions List, real 2026-09-02 excerpt)', () => {
  const list = parseUkSanctionsListXml(XML, NAME);
  const exchange = list.entries.find((e) => e.refId === 'AFG0001');
  const akhund = list.entries.find((e) => e.refId === 'AFG0006');

  it('dates the list by DateGenerated and keys entries by UniqueID', () => {
    expect(list).toMatchObject({ list: 'UK', version: '2026-09-02', format: 'uk-sanctions-list-xml' });
    expect(list.entries.map((e) => e.refId)).toEqual(['AFG0001', 'AFG0006']);
  });

  it('reads an entity: primary name and aliases, regime, address countries, designation date', () => {
    expect(exchange).toMatchObject({
      kind: 'organisation',
      names: [
        { text: 'HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE', type: 'primary', quality: 'Primary Name' },
        { text: 'Haji Alim Hawala', type: 'alias', quality: 'Alias' },
        { text: 'Haji Hakim Hawala', type: 'alias', quality: 'Alias' },
      ],
      programmes: ['The Afghanistan (Sanctions) (EU Exit) Regulations 2020'],
      countries: ['AE', 'AF'],
      listedOn: '2012-06-29',
    });
    expect(exchange?.remarks).toBe(
      'UN reference TAe.010; Afghan Money Service Provider License Number: 044.',
    );
  });

  it('reads an individual: Name1…Name6 in order, dates of birth with unknown day and month', () => {
    expect(akhund).toMatchObject({
      kind: 'person',
      names: [{ text: 'MOHAMMAD HASSAN AKHUND', type: 'primary' }],
      birthDates: ['1945', '1946'],
      countries: ['AF'],
      listedOn: '2001-01-25',
    });
  });

  it('reads non-Latin names, nationalities, passports and low-quality aliases where a designation has them', () => {
    // the trimmed excerpt has none of these elements: AFG0006 gets them in the published layout
    const richer = XML.replace(
      '<NameType>Primary Name</NameType>\n      </Name>\n    </Names>\n    <RegimeName>The Afghanistan (Sanctions) (EU Exit) Regulations 2020</RegimeName>\n    <IndividualEntityShip>Individual',
      '<NameType>Primary Name</NameType>\n      </Name><Name><Name6>Mullah Mohammad Hassan</Name6><NameType>Alias</NameType><AliasStrength>Low quality a.k.a</AliasStrength></Name>\n    </Names>\n    <RegimeName>The Afghanistan (Sanctions) (EU Exit) Regulations 2020</RegimeName>\n    <IndividualEntityShip>Individual',
    )
      .replace(
        '<IndividualEntityShip>Individual</IndividualEntityShip>',
        '<NonLatinNames><NonLatinName><NameNonLatinScript>محمد حسن آخوند</NameNonLatinScript></NonLatinName></NonLatinNames><IndividualEntityShip>Individual</IndividualEntityShip>',
      )
      .replace(
        '</DOBs>',
        '</DOBs><Nationalities><Nationality>Afghan</Nationality><Nationality>Pakistani</Nationality></Nationalities><PassportDetails><Passport><PassportNumber>P0123</PassportNumber></Passport></PassportDetails>',
      );
    expect(richer).toContain('Low quality a.k.a');
    const e = parseUkSanctionsListXml(richer, NAME).entries.find((x) => x.refId === 'AFG0006');
    expect(e?.names).toEqual([
      { text: 'MOHAMMAD HASSAN AKHUND', type: 'primary', quality: 'Primary Name' },
      { text: 'Mullah Mohammad Hassan', type: 'weak-alias', quality: 'Alias, Low quality a.k.a' },
      { text: 'محمد حسن آخوند', type: 'original-script', quality: undefined },
    ]);
    expect(e?.identifiers).toEqual([{ type: 'Passport', value: 'P0123' }]);
    // nationalities as the list writes them, adjectives; the address country AF is read as before
    expect(e?.countries).toEqual(['AF', 'PK']);
    expect(e?.countryTexts).toBeUndefined();
  });

  const un = join(SHARED_SANCTIONS, 'un/UN_consolidated.xml');
  it.skipIf(!existsSync(un))(
    'matches the UN entries it cites (TAe.010, TAi.002) by name and listing date',
    () => {
      const entries = parseUnXml(readFileSync(un, 'utf8'), 'UN_consolidated.xml').entries;
      const tae = entries.find((e) => e.refId === 'TAe.010');
      const tai = entries.find((e) => e.refId === 'TAi.002');
      expect(tae?.names[0]?.text).toBe(exchange?.names[0]?.text);
      expect(tae?.listedOn).toBe(exchange?.listedOn);
      expect(tai?.names[0]?.text).toBe(akhund?.names[0]?.text);
      expect(tai?.listedOn).toBe(akhund?.listedOn);
    },
  );

  it('names the Designation, its line and the reason on bad input', () => {
    expect(() =>
      parseUkSanctionsListXml(
        XML.replace('<IndividualEntityShip>Entity<', '<IndividualEntityShip>Group<'),
        NAME,
      ),
    ).toThrow(
      `${NAME}: Designation #1 (line 4) (AFG0001): IndividualEntityShip "Group" is not Individual, Entity or Ship`,
    );
    expect(() => parseUkSanctionsListXml(XML.replace('<UniqueID>AFG0006</UniqueID>', ''), NAME)).toThrow(
      `${NAME}: Designation #2 (line 44): UniqueID "" is not like AFG0001`,
    );
    expect(() => parseUkSanctionsListXml(XML.replace('dd/mm/1945', 'circa 1945'), NAME)).toThrow(
      /Designation #2 \(line \d+\) \(AFG0006\): DOB "circa 1945" is not dd\/mm\/yyyy/,
    );
    expect(() => parseUkSanctionsListXml(XML.replace('02/09/2026', '2026-09-02'), NAME)).toThrow(
      `${NAME}: DateGenerated: "2026-09-02" is not dd/mm/yyyy`,
    );
  });

  it('is detected and loaded', () => {
    expect(detectListFormat('UK-Sanctions-List.xml', XML)).toBe('uk-sanctions-list-xml');
    const [l] = loadListPath(join(SANCTIONS_FIXTURES, NAME));
    expect(l?.list).toBe('UK');
  });
});
