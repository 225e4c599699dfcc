import { describe, expect, it } from 'vitest';
import { fixedClock } from '../model/clock.ts';
import { analyzeArticle } from './analyze.ts';
import { articleKey, buildCustomerIndex, type MediaCustomer, matchCustomers, mediaAlert } from './monitor.ts';

const customers: MediaCustomer[] = [
  { id: 'C1', name: 'شركة الصقر للصرافة', type: 'organisation', account: { bank: '001', account: 'A1' } },
  { id: 'C2', name: 'Omar Haddad', type: 'person' },
  { id: 'C3', name: 'Sara Nasser', type: 'person' },
  { id: 'C4', name: 'John Smith', type: 'person' },
];
const index = buildCustomerIndex(customers);
const byId = new Map(customers.map((c) => [c.id, c]));

describe('articleKey', () => {
  it('identifies an article by URL without query, else by normalised text', () => {
    expect(articleKey({ url: 'https://x.example/a?utm=1', text: 'a' })).toBe(
      articleKey({ url: 'https://X.example/a/', text: 'b' }),
    );
    expect(articleKey({ text: 'قال  الوزير' })).toBe(articleKey({ text: 'قال الوزير' }));
    expect(articleKey({ text: 'a' })).not.toBe(articleKey({ text: 'b' }));
  });
});

describe('matchCustomers and mediaAlert', () => {
  it('turns an accused customer into a media alert with article, snippet, category and role', () => {
    const text =
      'كشفت النيابة العامة أن شركة الصقر للصرافة حولت أكثر من 2 مليون دولار إلى حسابات في الخارج لصالح تنظيم داعش.';
    const analysis = analyzeArticle(text);
    const [m] = matchCustomers(analysis, text, byId, index);
    expect(m).toMatchObject({ customer: { id: 'C1' }, role: 'accused', score: 1 });
    const alert = mediaAlert(
      { articleId: 'art-1', url: 'https://news.example/1', analysis, mention: m! },
      fixedClock(5),
    );
    expect(alert).toMatchObject({
      source: 'media',
      typologies: ['ADVERSE-MEDIA', 'money_laundering', 'terrorist_financing'],
      accounts: [{ bank: '001', account: 'A1' }],
      createdAt: 5,
      details: { articleId: 'art-1', role: 'accused', customerId: 'C1', snippet: text },
    });
    expect(alert.id).toBe(mediaAlert({ articleId: 'art-1', analysis, mention: m! }, fixedClock(9)).id);
  });

  it('marks a victim and lowers the alert score; an unnamed customer gives no match', () => {
    const text = 'Police said Sara Nasser was the victim of a romance scam in which fraudsters took $40,000.';
    const analysis = analyzeArticle(text);
    const [m] = matchCustomers(analysis, text, byId, index);
    expect(m).toMatchObject({ customer: { id: 'C3' }, role: 'victim' });
    expect(mediaAlert({ articleId: 'a', analysis, mention: m! }, fixedClock(0)).score).toBeLessThan(0.5);
    expect(matchCustomers(analysis, text, byId, index).map((x) => x.customer.id)).not.toContain('C4');
  });
});
