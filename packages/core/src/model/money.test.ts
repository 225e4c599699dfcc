import { describe, expect, it } from 'vitest';
import { formatMinorUnits, parseAmount, parseMinorUnits } from './money.ts';

describe('parseMinorUnits', () => {
  it('reads decimals into exact integer minor units', () => {
    expect(parseMinorUnits('3697.34', 2)).toBe(369734);
    expect(parseMinorUnits('0.1', 2)).toBe(10);
    expect(parseMinorUnits('12', 2)).toBe(1200);
    expect(parseMinorUnits('0.00012345', 8)).toBe(12345);
  });
  it('sums without drift where floats would', () => {
    const a = parseMinorUnits('0.1', 2)!;
    const b = parseMinorUnits('0.2', 2)!;
    expect(formatMinorUnits(a + b, 2)).toBe('0.30');
    expect(0.1 + 0.2).not.toBe(0.3);
  });
  it('rejects negative, NaN, exponent notation, excess precision and empties', () => {
    for (const bad of ['-5', 'NaN', '1e5', '1.234', '', '.', '1.2.3', ' 1']) {
      expect(parseMinorUnits(bad, 2), bad).toBeUndefined();
    }
  });
  it('accepts trailing zeros beyond the exponent', () => {
    expect(parseMinorUnits('5.1000', 2)).toBe(510);
  });
  it('uses the currency exponent', () => {
    expect(parseAmount('1.5', 'BTC')).toBe(150_000_000);
    expect(parseAmount('1.5', 'KWD')).toBe(1500);
  });
});
