import { describe, expect, it } from 'vitest';
import { parseIndicatorCodes } from './str-indicators.ts';

describe('parseIndicatorCodes', () => {
  it('upper-cases, splits on commas and spaces, and drops duplicates', () => {
    expect(parseIndicatorCodes(' tffth, ARIET;tffth  str-01 ')).toEqual({
      codes: ['TFFTH', 'ARIET', 'STR-01'],
      invalid: [],
    });
  });

  it('reports tokens that cannot be goAML codes instead of sending them', () => {
    expect(parseIndicatorCodes('TFFTH, تمويل, TOOLONGCODE1')).toEqual({
      codes: ['TFFTH'],
      invalid: ['تمويل', 'TOOLONGCODE1'],
    });
    expect(parseIndicatorCodes('')).toEqual({ codes: [], invalid: [] });
  });
});
