import {
  ALERT_SOURCES,
  ALERT_STATUSES,
  CASE_EVENT_KINDS,
  CASE_RESOLUTIONS,
  CASE_STATUSES,
  ENTITY_KINDS,
  MATCH_HOWS,
  NAME_TYPES,
  ROLES,
} from '@raqib/core';
import { describe, expect, it } from 'vitest';
import { interpolate, type Message, makeFormatters, messageOrCode, renderMessage } from './format.ts';
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
    expect(interpolate('{count} alerts assigned to {assignee}', { count: 2, assignee: 'Lina' })).toBe(
      '2 alerts assigned to Lina',
    );
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('puts a counted message in the form its number asks for, with the digits of the locale', () => {
    const enNumber = makeFormatters('en').number;
    const arNumber = makeFormatters('ar').number;
    const assigned = (locale: 'en' | 'ar', count: number) =>
      renderMessage(
        (locale === 'en' ? en : ar)['alerts.bulk.assigned'],
        locale,
        locale === 'en' ? enNumber : arNumber,
        { count, assignee: 'Lina' },
      );
    expect(assigned('en', 1)).toBe('1 alert assigned to Lina');
    expect(assigned('en', 1200)).toBe('1,200 alerts assigned to Lina');
    expect(assigned('ar', 1)).toBe('أُسند تنبيه واحد إلى Lina');
    expect(assigned('ar', 2)).toBe('أُسند تنبيهان إلى Lina');
    expect(assigned('ar', 5)).toBe('أُسند ٥ تنبيهات إلى Lina');
    expect(assigned('ar', 14)).toBe('أُسند ١٤ تنبيهًا إلى Lina');
    expect(assigned('ar', 100)).toBe('أُسند ١٠٠ تنبيه إلى Lina');
    // a plain message shows a numeric count with the digits of the locale too
    expect(renderMessage(ar['alerts.bulk.selected'], 'ar', arNumber, { count: 3 })).toBe('تم تحديد ٣');
    expect(() => renderMessage(en['screening.results'], 'en', enNumber, { count: '3' })).toThrow(
      /numeric count/,
    );
  });

  it('chooses the form for the whole number it shows, and shows a code it has no label for', () => {
    const enNumber = makeFormatters('en').number;
    expect(renderMessage(en['alerts.subtitle'], 'en', enNumber, { count: 0.6 })).toBe('1 alert matches');
    expect(messageOrCode(en, 'screening.kind.person')).toBe('person');
    const unknown = 'screening.kind.submarine' as keyof typeof en;
    expect(messageOrCode(en, unknown)).toBe('submarine');
  });

  it('has an Arabic string for every English key, with the same placeholders in every form', () => {
    const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((n) => n !== 'count');
    const namesOf = (m: Message) => [...new Set(forms(m).flatMap(names))].sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const message = ar[key];
      expect(typeof message, key).toBe(typeof en[key]);
      // every form names every placeholder but the count, which a form may spell out (تنبيه واحد)
      for (const form of forms(message)) {
        expect(form.trim(), key).not.toBe('');
        expect([...new Set(names(form))].sort(), `${key}: ${form}`).toEqual(namesOf(en[key]));
      }
      // Arabic needs all five forms a count above zero can take
      if (typeof message !== 'string')
        for (const category of ['one', 'two', 'few', 'many', 'other'] as const)
          expect(message[category], `${key} ${category}`).toBeDefined();
    }
  });

  it('has a label in both languages for every code the core can send', () => {
    // keys built from codes (`status.${status}`) are not checked by the compiler, and a missing one shows the raw
    // code rather than failing: the core's own lists are the check
    const codes: [string, readonly string[]][] = [
      ['status', [...CASE_STATUSES, ...ALERT_STATUSES]],
      ['resolution', CASE_RESOLUTIONS],
      ['event', CASE_EVENT_KINDS],
      ['role', ROLES],
      ['alert.source', ALERT_SOURCES],
      ['screening.kind', ENTITY_KINDS],
      ['screening.nameType', NAME_TYPES],
      ['screening.how', MATCH_HOWS],
    ];
    for (const [prefix, list] of codes)
      for (const code of list) {
        const key = `${prefix}.${code}`;
        expect(key in en, `en ${key}`).toBe(true);
        expect(key in ar, `ar ${key}`).toBe(true);
      }
  });
});
