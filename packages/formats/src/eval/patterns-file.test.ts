import { describe, expect, it } from 'vitest';
import { matchKey, parsePatterns } from './patterns-file.ts';

const ROW = '2022/09/01 05:14,00952,8139F54E0,0111632,8062C56E0,5331.44,US Dollar,5331.44,US Dollar,ACH,1';

describe('parsePatterns', () => {
  it("reads AMLworld's blocks, with and without a note", () => {
    const text = [
      'BEGIN LAUNDERING ATTEMPT - FAN-OUT:  Max 16-degree Fan-Out',
      ROW,
      ROW.replace('8062C56E0', '8062C56E1'),
      'END LAUNDERING ATTEMPT - FAN-OUT',
      '',
      'BEGIN LAUNDERING ATTEMPT - STACK',
      ROW,
      'END LAUNDERING ATTEMPT - STACK',
      '',
    ].join('\n');
    const blocks = parsePatterns(text, 'p.txt');
    expect(blocks.map((b) => [b.type, b.note, b.line, b.transactions.length])).toEqual([
      ['FAN-OUT', 'Max 16-degree Fan-Out', 1, 2],
      ['STACK', '', 6, 1],
    ]);
    const tx = blocks[0]?.transactions[0];
    expect(tx?.fromAccount).toBe('8139F54E0');
    expect(tx?.amountPaid).toBe(533144);
    expect(tx?.currencyPaid).toBe('USD');
    expect(tx?.label).toBe(true);
  });

  it('accepts the TF types and CRLF line ends', () => {
    const text = `BEGIN LAUNDERING ATTEMPT - TF-FX-PREMIUM:  Gold dinar\r\n${ROW}\r\nEND LAUNDERING ATTEMPT - TF-FX-PREMIUM\r\n`;
    expect(parsePatterns(text, 'p.txt')[0]?.type).toBe('TF-FX-PREMIUM');
  });

  it('names the file and line of every malformation', () => {
    expect(() => parsePatterns(`${ROW}\n`, 'p.txt')).toThrow(
      'p.txt: line 1: a row outside any BEGIN…END block',
    );
    expect(() =>
      parsePatterns(
        `BEGIN LAUNDERING ATTEMPT - CYCLE:  Max 10 hops\n${ROW}\nEND LAUNDERING ATTEMPT - FAN-IN\n`,
        'p.txt',
      ),
    ).toThrow('p.txt: line 3: END FAN-IN closes the CYCLE block of line 1');
    expect(() => parsePatterns(`BEGIN LAUNDERING ATTEMPT - CYCLE\n${ROW}\n`, 'p.txt')).toThrow(
      'p.txt: the CYCLE block opened at line 1 has no END',
    );
    expect(() =>
      parsePatterns(
        `BEGIN LAUNDERING ATTEMPT - CYCLE\n${ROW.replace('US Dollar,ACH', 'Martian Credit,ACH')}\nEND LAUNDERING ATTEMPT - CYCLE\n`,
        'p.txt',
      ),
    ).toThrow(/p\.txt: line 2: unknown currency "Martian Credit"/);
  });
});

describe('matchKey', () => {
  it('matches rows whose amounts are written differently but are equal', () => {
    const [a] =
      parsePatterns(`BEGIN LAUNDERING ATTEMPT - RANDOM\n${ROW}\nEND LAUNDERING ATTEMPT - RANDOM\n`, 'a')[0]
        ?.transactions ?? [];
    const other = ROW.replace('5331.44,US Dollar,5331.44', '5331.440,US Dollar,5331.44');
    const [b] =
      parsePatterns(`BEGIN LAUNDERING ATTEMPT - RANDOM\n${other}\nEND LAUNDERING ATTEMPT - RANDOM\n`, 'b')[0]
        ?.transactions ?? [];
    const changed = ROW.replace('5331.44,US Dollar,5331.44', '5331.45,US Dollar,5331.44');
    const [c] =
      parsePatterns(
        `BEGIN LAUNDERING ATTEMPT - RANDOM\n${changed}\nEND LAUNDERING ATTEMPT - RANDOM\n`,
        'c',
      )[0]?.transactions ?? [];
    expect(a && b && c).toBeTruthy();
    if (!a || !b || !c) return;
    expect(matchKey(a)).toBe(matchKey(b));
    expect(matchKey(a)).not.toBe(matchKey(c));
  });
});
