import { describe, expect, it } from 'vitest';
import {
  AMOUNT_NEGATIVE,
  AMOUNT_NOT_A_NUMBER,
  AMOUNT_TOO_LARGE,
  parseAmlworldTime,
  parseDecimalMinor,
} from './fields.ts';

describe('parseDecimalMinor', () => {
  it('reads decimals into exact minor units of the exponent', () => {
    expect(parseDecimalMinor('3697.34', 2)).toBe(369734);
    expect(parseDecimalMinor('12', 2)).toBe(1200);
    expect(parseDecimalMinor('0.5', 2)).toBe(50);
    expect(parseDecimalMinor('.5', 2)).toBe(50);
    expect(parseDecimalMinor('0.00012345', 8)).toBe(12345);
    expect(parseDecimalMinor('1540.250', 3)).toBe(1540250);
  });
  it('rounds half-up beyond the exponent', () => {
    expect(parseDecimalMinor('0.125', 2)).toBe(13);
    expect(parseDecimalMinor('0.1249', 2)).toBe(12);
    expect(parseDecimalMinor('9.995', 2)).toBe(1000);
  });
  it('accepts exponent notation through the slow path', () => {
    expect(parseDecimalMinor('1.5E+4', 2)).toBe(1500000);
    expect(parseDecimalMinor('2e-2', 2)).toBe(2);
  });
  it('rounds exponent notation half-up on the decimal digits, as the plain form (no float in between)', () => {
    expect(parseDecimalMinor('1.005E0', 2)).toBe(parseDecimalMinor('1.005', 2));
    expect(parseDecimalMinor('1.005E0', 2)).toBe(101);
    expect(parseDecimalMinor('1.45E-1', 2)).toBe(15);
    expect(parseDecimalMinor('.5E1', 2)).toBe(500);
    expect(parseDecimalMinor('1.234567895E0', 8)).toBe(123456790);
    expect(parseDecimalMinor('9007199254740991E-2', 2)).toBe(9007199254740991);
    expect(parseDecimalMinor('0E+999', 2)).toBe(0);
    expect(parseDecimalMinor('1E-400', 2)).toBe(0);
    expect(parseDecimalMinor('1E+400', 2)).toBe(AMOUNT_TOO_LARGE);
    expect(parseDecimalMinor('-1.5E2', 2)).toBe(AMOUNT_NEGATIVE);
    for (const bad of ['E5', '.E5', '1.2.3E4', '1E', '1E+', '+-1E2']) {
      expect(parseDecimalMinor(bad, 2), bad).toBe(AMOUNT_NOT_A_NUMBER);
    }
  });
  it('returns failure codes for negative, non-numeric and oversized values', () => {
    expect(parseDecimalMinor('-1', 2)).toBe(AMOUNT_NEGATIVE);
    expect(parseDecimalMinor('-0.00', 2)).toBe(0);
    for (const bad of [
      '',
      'NaN',
      'abc',
      '1.2.3',
      '.',
      '1,000',
      ' 1',
      'Infinity',
      '1e',
      '--5',
      '--0',
      '-+5',
    ]) {
      expect(parseDecimalMinor(bad, 2), bad).toBe(AMOUNT_NOT_A_NUMBER);
    }
    expect(parseDecimalMinor('99999999999999999999', 2)).toBe(AMOUNT_TOO_LARGE);
  });
});

describe('parseAmlworldTime', () => {
  it('reads AMLworld timestamps as UTC, with optional seconds and dashes', () => {
    expect(parseAmlworldTime('2022/09/01 00:20')).toBe(Date.UTC(2022, 8, 1, 0, 20));
    expect(parseAmlworldTime('2022-09-01 23:59:30')).toBe(Date.UTC(2022, 8, 1, 23, 59, 30));
    expect(parseAmlworldTime('2024/02/29 12:00')).toBe(Date.UTC(2024, 1, 29, 12));
  });
  it('reads a year below 100 as that year, not as 19xx', () => {
    expect(new Date(parseAmlworldTime('0022/09/01 00:20')).toISOString()).toBe('0022-09-01T00:20:00.000Z');
  });
  it('returns NaN for impossible or malformed times', () => {
    for (const bad of [
      '2023/02/29 12:00',
      '2022/13/01 00:00',
      '2022/09/31 00:00',
      '2022/09/01 24:00',
      '2022/09/01 00:60',
      '2022/09/01T00:20',
      '2022/09/01 0:20',
      '',
    ]) {
      expect(parseAmlworldTime(bad), bad).toBeNaN();
    }
  });
});
