import { describe, expect, it } from 'vitest';
import { analyzeArticle } from './analyze.ts';

describe('risk categories, stages and schemes', () => {
  it('reports each category with its evidence sentence and the furthest legal stage', () => {
    const a = analyzeArticle(
      'اتهمت السلطات الشركة بغسل الأموال. وأدين المدير بالسجن بتهمة غسل الأموال والرشوة.',
    );
    const ml = a.risks.find((r) => r.category === 'money_laundering');
    expect(ml?.evidence.map((e) => e.stage)).toEqual(['alleged', 'convicted']);
    expect(ml?.stage).toBe('convicted');
    expect(a.risks.find((r) => r.category === 'corruption')?.evidence[0]?.text).toBe(
      'وأدين المدير بالسجن بتهمة غسل الأموال والرشوة.',
    );
  });

  it('does not count the name of the fight against a crime as the crime', () => {
    const a = analyzeArticle('شارك في اجتماع لفريق وضع التدابير المالية لمكافحة غسل الأموال.');
    expect(a.risks.map((r) => r.category)).not.toContain('money_laundering');
  });

  it('names smuggling subjects and schemes', () => {
    const a = analyzeArticle(
      'ويلجأ التنظيم إلى عمليات متعلقة بالعملات الأجنبية وتهريب القطع الأثرية والمخدرات.',
    );
    expect(a.schemes.map((s) => s.id)).toEqual([
      'foreign-currency-operations',
      'antiquities-smuggling',
      'drug-smuggling',
    ]);
    expect(a.risks.find((r) => r.category === 'smuggling')?.subjects).toEqual(['antiquities', 'drugs']);
  });

  it('tells an accusation from a topical article in English', () => {
    const accused = analyzeArticle(
      'Former CEO arrested for fraud\nProsecutors charged the former chief executive with fraud and money laundering. He was arrested on Monday and is accused of embezzlement.',
    );
    const topical = analyzeArticle(
      'New rules in the fight against fraud\nBanks will use new tools to detect fraud. The regulator published guidance for customers.',
    );
    expect(accused.adverse.adverse).toBe(true);
    expect(topical.adverse.adverse).toBe(false);
    expect(accused.language).toBe('en');
  });
});
