import { describe, expect, it } from 'vitest';
import { AccountTable } from './state.ts';

describe('AccountTable.intern', () => {
  it('gives one id per bank + account, in first-sight order', () => {
    const acc = new AccountTable(4, new Map());
    expect(acc.intern('001', 'A1')).toBe(0);
    expect(acc.intern('002', 'A1')).toBe(1); // same account id at another bank is another account
    expect(acc.intern('00', '1A1')).toBe(2); // same characters split differently is another account
    expect(acc.intern('001', 'A1')).toBe(0);
    expect(acc.keys).toEqual(['001|A1', '002|A1', '00|1A1']);
    expect(acc.banks[1]).toBe('002');
    expect(acc.accounts[2]).toBe('1A1');
  });

  it('finds without creating, and -1 for an account never seen', () => {
    const acc = new AccountTable(4, new Map());
    acc.intern('7', 'حساب-١');
    expect(acc.find('7', 'حساب-١')).toBe(0);
    expect(acc.find('7', 'حساب-٢')).toBe(-1);
    expect(acc.find('', '')).toBe(-1);
    expect(acc.size).toBe(1);
  });

  it('keeps every id through index and state growth (200k accounts)', () => {
    const acc = new AccountTable(16, new Map());
    const n = 200_000;
    let wrong = 0;
    for (let i = 0; i < n; i++) if (acc.intern(String(i % 333), `ACC${i}`) !== i) wrong++;
    for (let i = 0; i < n; i += 7) if (acc.intern(String(i % 333), `ACC${i}`) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(acc.find('1', 'ACC1')).toBe(1);
    expect(acc.find('2', 'ACC1')).toBe(-1);
    expect(acc.size).toBe(n);
    expect(acc.lastOut.length).toBeGreaterThanOrEqual(n);
    expect(acc.lastOut[n - 1]).toBe(-1);
  });
});
