import { describe, expect, it } from 'vitest';
import { detectorMeasureAr, explainAlert } from './explain.ts';
import { DEFAULT_TYPOLOGIES } from './typologies.ts';

const fanOut = DEFAULT_TYPOLOGIES.find((t) => t.name === 'FAN-OUT');
if (fanOut === undefined) throw new Error('FAN-OUT typology missing');

const explain = (accounts: number, transactions: number, totalUsd: number) =>
  explainAlert({
    primary: fanOut,
    others: [],
    accounts,
    transactions,
    totalUsd,
    start: Date.UTC(2022, 8, 1, 10, 0),
    end: Date.UTC(2022, 8, 2, 11, 30),
    findings: [],
    truncated: false,
  });

describe('explainAlert', () => {
  it('counts accounts, transactions and dollars in the form each number takes', () => {
    const two = explain(2, 1, 1);
    expect(two.en).toContain('2 accounts, 1 transaction worth about USD 1,');
    expect(two.ar).toContain('حسابان، معاملة واحدة بقيمة تقارب دولارًا أمريكيًا واحدًا،');

    const many = explain(14, 13, 31_674.4);
    expect(many.en).toContain('14 accounts, 13 transactions worth about USD 31,674,');
    expect(many.ar).toContain('14 حسابًا، 13 معاملةً بقيمة تقارب 31,674 دولارًا أمريكيًا،');

    const few = explain(9, 7, 291_127);
    expect(few.ar).toContain('9 حسابات، 7 معاملات بقيمة تقارب 291,127 دولارًا أمريكيًا،');
    expect(explain(3, 100, 600).ar).toContain('3 حسابات، 100 معاملة بقيمة تقارب 600 دولار أمريكي،');
    expect(explain(2, 2, 2.2).ar).toContain('حسابان، معاملتان بقيمة تقارب دولارين أمريكيين،');
  });

  it('names what each detector measures in Arabic, for the workbench and the explanation alike', () => {
    expect(detectorMeasureAr('fan-out')).toBe('عدد المستفيدين المختلفين');
    expect(detectorMeasureAr('no-such-detector')).toBeUndefined();
    const withFinding = explainAlert({
      primary: fanOut,
      others: [],
      accounts: 7,
      transactions: 6,
      totalUsd: 100,
      start: 0,
      end: 0,
      findings: [{ detector: 'fan-out', version: '1', band: '.03', value: 6, unit: 'distinct payees' }],
      truncated: false,
    });
    expect(withFinding.ar).toContain(`${detectorMeasureAr('fan-out')}: 6 (الشريحة .03)`);
  });
});
