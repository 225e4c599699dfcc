import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEuFsfXml } from './eu-fsf-xml.ts';
import { parseEuXml2016 } from './eu-xml.ts';
import { detectListFormat, loadListPath } from './load-list.ts';
import { fixture, SANCTIONS_FIXTURES, SHARED_SANCTIONS } from './test-fixtures.ts';

const NAME = 'eu-fsf-2018-12-21-excerpt.xml';
const XML = fixture(NAME);

describe('parseEuFsfXml (xmlFullSanctionsList_1_1, real 2018-12-21 excerpt)', () => {
  const list = parseEuFsfXml(XML, NAME);
  const mugabe = list.entries.find((e) => e.refId === '1');
  const ibdac = list.entries.find((e) => e.refId === '207');

  it('dates the list by generationDate and keys entries by logicalId', () => {
    expect(list).toMatchObject({ list: 'EU', version: '2018-12-21', format: 'eu-fsf-xml' });
    expect(list.entries.map((e) => e.refId)).toEqual(['1', '207']);
  });

  it('reads a person: name, birth date, passport, programme and EU reference number', () => {
    expect(mugabe).toMatchObject({
      kind: 'person',
      names: [{ text: 'Robert Gabriel Mugabe', type: 'primary', quality: 'strong' }],
      birthDates: ['1924-02-21'],
      identifiers: [{ type: 'National passport', value: 'AD001095' }],
      programmes: ['ZWE'],
      countries: [],
    });
    expect(mugabe?.remarks).toContain('EU reference EU.36.64');
  });

  it("reads an identification's country from its description when there is no code, keeping an unknown one as text", () => {
    const unknown = 'countryIso2Code="00" countryDescription="UNKNOWN" identificationTypeCode="passport"';
    expect(XML).toContain(unknown);
    const read = (description: string) =>
      parseEuFsfXml(XML.replace(unknown, unknown.replace('UNKNOWN', description)), NAME);
    expect(read('ZIMBABWE').entries[0]?.identifiers[0]).toMatchObject({ value: 'AD001095', country: 'ZW' });
    const kept = read('RHODESIA');
    expect(kept.entries[0]?.identifiers[0]).toEqual({
      type: 'National passport',
      value: 'AD001095',
      countryText: 'RHODESIA',
    });
    expect(kept.notes).toEqual([
      "1 country name(s) not recognised, kept as text (not used in scoring): 'RHODESIA' ×1",
    ]);
  });

  it('reads an entity with its names in every language, keeping the language as quality', () => {
    expect(ibdac?.kind).toBe('organisation');
    expect(ibdac?.programmes).toEqual(['TERR']);
    expect(ibdac?.names).toHaveLength(19);
    expect(ibdac?.names[0]).toEqual({
      text: 'İslami Büyük Doğu Akıncılar Cephesi',
      type: 'primary',
      quality: 'strong',
    });
    expect(ibdac?.names).toContainEqual({
      text: 'Фронт на великите ислямски източни воини',
      type: 'alias',
      quality: 'strong BG',
    });
    expect(ibdac?.names).toContainEqual({ text: 'IBDA-C', type: 'alias', quality: 'strong' });
  });

  it('marks a nameAlias with strong="false" as a weak alias', () => {
    const weak = parseEuFsfXml(
      XML.replace(
        'wholeName="IBDA-C" function="" title="" nameLanguage="" strong="true"',
        'wholeName="IBDA-C" function="" title="" nameLanguage="" strong="false"',
      ),
      NAME,
    );
    expect(weak.entries[1]?.names).toContainEqual({ text: 'IBDA-C', type: 'weak-alias', quality: 'weak' });
  });

  const shared = join(SHARED_SANCTIONS, 'eu/2016-02-11_partial/data.xml');
  it.skipIf(!existsSync(shared))(
    'the same logicalIds mean the same parties in the shared 2016 file (so a delta across formats holds)',
    () => {
      const old = parseEuXml2016(readFileSync(shared, 'utf8'), 'data.xml');
      const old1 = old.entries.find((e) => e.refId === '1');
      expect(old1?.names[0]?.text).toBe('Robert Gabriel Mugabe');
      expect(old1?.birthDates).toEqual(mugabe?.birthDates);
      const old207 = old.entries.find((e) => e.refId === '207');
      expect(old207?.programmes).toEqual(ibdac?.programmes);
      expect(old207?.names.map((n) => n.text)).toContain('Great Islamic Eastern Warriors Front');
    },
  );

  it('names the sanctionEntity, its line and the reason on bad input', () => {
    expect(() =>
      parseEuFsfXml(XML.replace('classificationCode="E"', 'classificationCode="X"'), NAME),
    ).toThrow(
      `${NAME}: sanctionEntity #2 (line 21) (logicalId 207): subjectType classificationCode "X" is neither P nor E`,
    );
    expect(() => parseEuFsfXml(XML.replace(' logicalId="1">', '>'), NAME)).toThrow(
      `${NAME}: sanctionEntity #1 (line 4): logicalId "" is not a number`,
    );
    expect(() =>
      parseEuFsfXml(XML.replace('generationDate="2018-12-21T14:39:54.511+01:00"', ''), NAME),
    ).toThrow(`${NAME}: export: generationDate "" is not a date`);
  });

  it('is detected in a folder and loaded', () => {
    expect(detectListFormat('content', XML)).toBe('eu-fsf-xml');
    const [l] = loadListPath(join(SANCTIONS_FIXTURES, NAME));
    expect(l?.entries).toHaveLength(2);
  });
});
