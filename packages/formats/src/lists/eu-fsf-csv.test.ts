import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEuFsfCsv } from './eu-fsf-csv.ts';
import { parseEuXml2016 } from './eu-xml.ts';
import { detectListFormat, loadListPath } from './load-list.ts';
import { fixture, SANCTIONS_FIXTURES, SHARED_SANCTIONS } from './test-fixtures.ts';

const NAME = 'eu-fsf-csv-2026-08-05-excerpt.csv';
const CSV = fixture(NAME);

describe('parseEuFsfCsv (csvFullSanctionsList_1_1, real 2026-08-05 rows, first 21 columns)', () => {
  const list = parseEuFsfCsv(CSV, NAME);
  const saddam = list.entries[0];

  it('groups the rows of one logicalId into one entry dated by fileGenerationDate', () => {
    expect(list).toMatchObject({ list: 'EU', version: '2026-08-05', format: 'eu-fsf-csv' });
    expect(list.entries).toHaveLength(1);
    expect(saddam).toMatchObject({
      refId: '13',
      kind: 'person',
      names: [
        { text: 'Saddam Hussein Al-Tikriti', type: 'primary', quality: 'strong' },
        { text: 'Abu Ali', type: 'alias', quality: 'strong' },
      ],
      programmes: ['IRQ'],
      remarks: 'EU reference EU.27.28; (UNSC RESOLUTION 1483)',
    });
  });

  const shared = join(SHARED_SANCTIONS, 'eu/2016-02-11_partial/data.xml');
  it.skipIf(!existsSync(shared))(
    'logicalId 13 is the same party as ENTITY Id 13 of the shared 2016 file',
    () => {
      const old = parseEuXml2016(readFileSync(shared, 'utf8'), 'data.xml').entries.find(
        (e) => e.refId === '13',
      );
      expect(old?.names[0]?.text).toBe(saddam?.names[0]?.text);
      expect(old?.programmes).toEqual(saddam?.programmes);
      expect(old?.remarks).toBe('(UNSC RESOLUTION 1483)');
    },
  );

  it('reads birth dates, citizenships and documents from the columns the full file has', () => {
    // the excerpt stops at column 21: three of the later columns, with a row that fills them
    const [head = '', row = ''] = CSV.split('\n');
    const wide = `${head};BirthDate_BirthDate;Citizenship_CountryIso2Code;Identification_Number\n${CSV.split(
      '\n',
    )
      .slice(1, 3)
      .map((r) => `${r};;;`)
      .join(
        '\n',
      )}\n${row.replace(/;Hussein Al-Tikriti;Saddam;;Saddam Hussein Al-Tikriti;$/, ';;;;;')};1937-04-28;IQ;A123\n`;
    const e = parseEuFsfCsv(wide, NAME).entries[0];
    expect(e?.birthDates).toEqual(['1937-04-28']);
    expect(e?.countries).toEqual(['IQ']);
    expect(e?.identifiers).toEqual([{ type: 'document', value: 'A123', country: undefined }]);
    expect(e?.names.map((n) => n.text)).toEqual(['Saddam Hussein Al-Tikriti', 'Abu Ali']);
  });

  it('names the line and the reason on bad input', () => {
    expect(() =>
      parseEuFsfCsv(
        CSV.replace(
          ';13;EU.27.28;;;;(UNSC RESOLUTION 1483);P;person;',
          ';13;EU.27.28;;;;(UNSC RESOLUTION 1483);X;thing;',
        ),
        NAME,
      ),
    ).toThrow(`${NAME}: line 2 (logicalId 13): subject type "X" / "thing" is neither person nor enterprise`);
    expect(() => parseEuFsfCsv(`${CSV}05/08/2026;14;EU.1.1\n`, NAME)).toThrow(
      `${NAME}: line 4: expected 21 columns, found 3`,
    );
    expect(() =>
      parseEuFsfCsv(
        CSV.replace(
          /\n05\/08\/2026;13;EU\.27\.28;;;;\(UNSC RESOLUTION 1483\);P;person;regulation;commission;2003-07-08;2003-07-07;1210\/2003 \(OJ L169\);IRQ;[^;]*;;;;Abu Ali;/,
          '\n06/08/2026;13;EU.27.28;;;;(UNSC RESOLUTION 1483);P;person;regulation;commission;2003-07-08;2003-07-07;1210/2003 (OJ L169);IRQ;x;;;;Abu Ali;',
        ),
        NAME,
      ),
    ).toThrow(`${NAME}: line 3: fileGenerationDate 2026-08-06 differs from the first row's 2026-08-05`);
    expect(() => parseEuFsfCsv(CSV.replace('NameAlias_WholeName', 'WholeName'), NAME)).toThrow(
      `${NAME}: line 1: header lacks column "NameAlias_WholeName"`,
    );
  });

  it('is detected, also behind the UTF-8 byte-order mark the EU writes', () => {
    expect(detectListFormat('content', CSV)).toBe('eu-fsf-csv');
    expect(detectListFormat('content', `\ufeff${CSV}`)).toBe('eu-fsf-csv');
    // content decides, not the name: `lists update` saves the EU download as eu-fsf.xml whatever it holds
    expect(detectListFormat('eu-fsf.xml', CSV)).toBe('eu-fsf-csv');
    expect(parseEuFsfCsv(`\ufeff${CSV}`, NAME).entries).toHaveLength(1);
    const [l] = loadListPath(join(SANCTIONS_FIXTURES, NAME));
    expect(l?.format).toBe('eu-fsf-csv');
  });
});
