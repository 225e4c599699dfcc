import { describe, expect, it } from 'vitest';
import { interpolate, makeFormatters } from './format.ts';
import { ar, en } from './messages.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f\u200f\u061c]/g, ' ');

describe('locale formatting', () => {
  it('shows integer minor units as money with the currency exponent of the core', () => {
    const f = makeFormatters('en');
    expect(plain(f.money(5_400_000, 'AED'))).toBe('AED 54,000.00');
    expect(plain(f.money(1_234_567, 'KWD'))).toBe('KWD 1,234.567');
    // raqib's own X-code is well formed, so Intl lays it out like any other
    expect(plain(f.money(1_050, 'XGD'))).toBe('XGD 10.50');
    // a code Intl refuses (not three letters) falls back to a number with the code beside it
    expect(plain(f.money(1_050, 'GOLD'))).toBe('10.5 GOLD');
  });

  it('writes Arabic with Arabic-Indic digits and the Arabic currency layout', () => {
    const f = makeFormatters('ar');
    expect(f.number(54_000)).toBe('٥٤٬٠٠٠');
    expect(plain(f.money(5_400_000, 'AED'))).toContain('٥٤٬٠٠٠٫٠٠');
    expect(f.date(Date.UTC(2026, 9, 12, 8))).toContain('٢٠٢٦');
  });

  it('formats dates in UTC, the time base of the data', () => {
    expect(makeFormatters('en').dateTime(Date.UTC(2026, 9, 12, 23, 30))).toBe('12 Oct 2026, 23:30');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate(en['alerts.bulk.assigned'], { count: 2, assignee: 'Lina' })).toBe(
      '2 alerts assigned to Lina',
    );
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('has an Arabic string for every English key, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ar[key].trim(), key).not.toBe('');
      expect(names(ar[key]), key).toEqual(names(en[key]));
    }
  });
});
