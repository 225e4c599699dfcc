import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ListParseError } from './list-parse-error.ts';
import { fixture, SHARED_SANCTIONS } from './test-fixtures.ts';
import { parseUnXml } from './un-xml.ts';

const xml = fixture('un-excerpt.xml');

describe('parseUnXml: country names', () => {
  // QDi.290, QDi.374, QDi.410, KPi.036 and KPe.017 of the shared UN file, unchanged (fixtures/sanctions/SOURCES.md)
  const l = parseUnXml(fixture('un-countries-excerpt.xml'), 'un-countries-excerpt.xml');
  const at = (ref: string) => l.entries.find((e) => e.refId === ref);

  it("reads the UN's own spellings that Intl does not write (Turkey, Bosnia and Herzegovina, Hong Kong…)", () => {
    expect(at('QDi.374')?.countries).toEqual(['BA', 'SY']);
    expect(at('QDi.410')?.countries).toEqual(['SY', 'TR', 'TT']);
    expect(at('KPi.036')?.countries).toEqual(['KP', 'MM']);
    expect(at('KPe.017')?.countries).toEqual(['HK']);
  });

  it('keeps a nationality it cannot read as text, not scored, and says so in the notes', () => {
    expect(at('QDi.290')).toMatchObject({ countries: ['RU'], countryTexts: ['former Soviet Union'] });
    expect(at('QDi.374')?.countryTexts).toBeUndefined();
    expect(l.notes).toEqual([
      "1 country name(s) not recognised, kept as text (not used in scoring): 'former Soviet Union' ×1",
    ]);
  });
});

describe('parseUnXml', () => {
  const list = parseUnXml(xml, 'un-excerpt.xml');

  it('reads individuals and entities with the list date', () => {
    expect(list.version).toBe('2026-02-27');
    expect(list.entries).toHaveLength(26);
    expect(list.entries.filter((e) => e.kind === 'person')).toHaveLength(15);
  });

  it('keeps the Arabic original, alias qualities, dates of birth, nationalities and documents', () => {
    const saddam = list.entries.find((e) => e.refId === 'IQi.001');
    expect(saddam?.names[0]).toEqual({ text: 'SADDAM HUSSEIN AL-TIKRITI', type: 'primary' });
    expect(saddam?.names).toContainEqual({ text: 'صدام حسين التكريتي', type: 'original-script' });
    expect(saddam?.names).toContainEqual({ text: 'Abu Ali', type: 'weak-alias', quality: 'Low' });
    expect(saddam?.birthDates).toEqual(['1937-04-28']);
    expect(saddam?.countries).toEqual(['IQ']);
    expect(saddam?.programmes).toEqual(['Iraq']);
    const withDocs = list.entries.filter((e) => e.identifiers.length > 0);
    expect(withDocs.length).toBeGreaterThan(0);
  });

  it("keeps a document's issuing country it cannot read as text on the document, not scored, and notes it", () => {
    const egypt = '<ISSUING_COUNTRY>Egypt</ISSUING_COUNTRY>';
    expect(xml).toContain(egypt);
    const l = parseUnXml(
      xml.replace(egypt, '<ISSUING_COUNTRY>United Arab Republic</ISSUING_COUNTRY>'),
      'un.xml',
    );
    const read = list.entries.flatMap((e) => e.identifiers).find((i) => i.value === '1084010');
    const kept = l.entries.flatMap((e) => e.identifiers).find((i) => i.value === '1084010');
    expect(read).toEqual({ type: 'Passport', value: '1084010', country: 'EG' });
    expect(kept).toEqual({ type: 'Passport', value: '1084010', countryText: 'United Arab Republic' });
    expect(l.notes).toEqual([
      "1 country name(s) not recognised, kept as text (not used in scoring): 'United Arab Republic' ×1",
    ]);
    expect(list.notes).toBeUndefined();
  });

  it('reads ISIL as QDe.115 with its aliases', () => {
    const isil = list.entries.find((e) => e.refId === 'QDe.115');
    expect(isil?.kind).toBe('organisation');
    expect(isil?.names.map((n) => n.text)).toContain('Islamic State in Iraq and the Levant');
  });

  it('says where a file cut short ends, and inside which elements', () => {
    const cut = xml.slice(0, xml.indexOf('<REFERENCE_NUMBER>IQi.002'));
    expect(() => parseUnXml(cut, 'un.xml')).toThrow(
      `un.xml: line ${cut.split('\n').length} (end of file): malformed XML: the file ends inside <CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL> (cut short?)`,
    );
  });

  it('refuses elements nested beyond the parser limit as malformed, naming the file', () => {
    const deep = xml.replace('<COMMENTS1>', `<COMMENTS1>${'<a>'.repeat(200)}${'</a>'.repeat(200)}`);
    expect(() => parseUnXml(deep, 'un.xml')).toThrow(
      'un.xml: document: malformed XML: Maximum nested tags exceeded',
    );
  });

  it('decodes XML entities without expanding any declared entity', () => {
    expect(() => parseUnXml(`<!DOCTYPE x [<!ENTITY e "boom">]>${xml}`, 'evil.xml')).toThrow(/DOCTYPE/);
  });

  it('fails loudly with file, element and line on a missing reference number', () => {
    const broken = xml.replace('<REFERENCE_NUMBER>IQi.002</REFERENCE_NUMBER>', '');
    try {
      parseUnXml(broken, 'broken.xml');
      expect.fail('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ListParseError);
      expect((error as ListParseError).message).toMatch(
        /^broken\.xml: INDIVIDUAL #3 \(line \d+\): REFERENCE_NUMBER is missing$/,
      );
    }
  });

  it('fails on malformed XML with a line number', () => {
    expect(() => parseUnXml(xml.replace('</FIRST_NAME>', '</FIRST>'), 'bad.xml')).toThrow(
      /bad\.xml: line \d+, column \d+: malformed XML/,
    );
  });

  const full = join(SHARED_SANCTIONS, 'un/UN_consolidated.xml');
  it.skipIf(!existsSync(full))('reads the full UN list (skips: ../shared/data/sanctions not present)', () => {
    const all = parseUnXml(readFileSync(full, 'utf8'), full);
    expect(all.entries).toHaveLength(1003);
    expect(
      all.entries.filter((e) =>
        e.names.some((n) => n.type === 'original-script' && /[\u0600-\u06ff]/.test(n.text)),
      ).length,
    ).toBeGreaterThanOrEqual(366);
  });
});
