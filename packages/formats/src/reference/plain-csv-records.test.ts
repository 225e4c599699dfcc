import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { plainCsvRecords } from './plain-csv-records.ts';

/** What readReferenceCsv gets from csv-parse for the same text (its options, records with their line). */
function csvParse(text: string) {
  const rows = parse(text, {
    info: true,
    trim: true,
    skip_empty_lines: true,
    bom: true,
    relax_column_count: true,
    max_record_size: 1 << 16,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return rows.map(({ record, info }) => ({ record, lines: info.lines }));
}

const PLAIN = [
  'bank_id,account,entity_name,entity_type\n11396,89E3779B1,علي حسن الحلبي,individual\n2664,83C6EF362,Davis Retail Ltd,company\n',
  'bank_id,country_iso2\n\n001,DE\n\n\n002,\n003,FR',
  '\ufeffbank_id,account\n7,A 1\n,\n8,B\n\n',
  'a,b,c\n1,2\n1,2,3,4\n',
  '',
  'only,a,header',
];

describe('plainCsvRecords', () => {
  it('gives what csv-parse gives on files with no quotes: blank lines skipped but counted, BOM, ragged rows', () => {
    for (const text of PLAIN) {
      const plain = plainCsvRecords(text, 1 << 16);
      expect(plain, JSON.stringify(text)).toEqual(csvParse(text));
    }
  });

  it('leaves to csv-parse what needs it: quotes, carriage returns, fields trim would change, long records', () => {
    for (const text of [
      'a,b\n1,"x, y"\n',
      'a,b\r\n1,2\r\n',
      'a,b\n1, 2\n',
      'a,b\n1,2\t\n',
      'a,b\n\u00a01,2\n',
      'a,b\n1,2\u3000\n',
      ' a,b\n',
    ]) {
      expect(plainCsvRecords(text, 1 << 16), JSON.stringify(text)).toBeUndefined();
    }
    expect(plainCsvRecords(`a,b\n1,${'x'.repeat(100)}\n`, 64)).toBeUndefined();
  });
});
