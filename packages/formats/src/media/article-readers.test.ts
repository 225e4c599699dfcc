import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArticles, readJsonlArticles } from './article-readers.ts';
import { readCustomersCsv } from './customers-file.ts';
import { readFeed } from './feed-reader.ts';
import { ArticleReadError, htmlToText } from './news-article.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/media/${name}`, import.meta.url), 'utf8');

describe('readFeed', () => {
  it('reads RSS items with link, guid, date, language and HTML description as text; rejects empty items', () => {
    const { articles, rejected } = readFeed(fixture('sample-feed.rss'), 'sample-feed.rss');
    expect(articles.map((a) => [a.id, a.url, a.lang, a.published])).toEqual([
      ['ar-1', 'https://news.example/ar/1', 'ar', Date.UTC(2017, 10, 14, 10)],
      ['en-2', 'https://news.example/en/2', 'ar', Date.UTC(2017, 10, 15, 9, 30)],
    ]);
    expect(articles[0]?.text.startsWith('كشفت النيابة العامة')).toBe(true);
    expect(articles[1]?.text).toContain('AML failings & said');
    expect(rejected).toEqual([
      { origin: 'sample-feed.rss: item 3', reason: 'item has neither title nor text' },
    ]);
  });

  it('reads Atom entries: alternate link, published or updated date, escaped HTML content', () => {
    const { articles } = readFeed(fixture('sample-feed.atom'), 'a.atom');
    expect(articles.map((a) => [a.url, a.published, a.lang])).toEqual([
      ['https://news.example/en/3', Date.UTC(2017, 10, 16, 8), 'en'],
      ['https://news.example/en/4', Date.UTC(2017, 10, 16, 9), 'en'],
    ]);
    expect(articles[0]?.text).toBe(
      'Prosecutors charged Omar Haddad with smuggling looted antiquities from Syria and laundering about $1.5 million.',
    );
  });

  it('refuses DOCTYPE/ENTITY declarations, malformed XML and non-feeds, naming the file', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel><item><title>&a;</title></item></channel></rss>';
    expect(() => readFeed(bomb, 'bomb.xml')).toThrow(/bomb\.xml: DOCTYPE or ENTITY/);
    expect(() => readFeed('<rss><channel>', 'broken.xml')).toThrow(ArticleReadError);
    expect(() => readFeed('<html><body/></html>', 'page.html')).toThrow(
      /page\.html: not an RSS 2\.0 or Atom 1\.0 feed/,
    );
  });
});

describe('readJsonlArticles', () => {
  it('reads good lines and rejects each bad one with its line number and reason', () => {
    const { articles, rejected } = readJsonlArticles(fixture('sample-articles.jsonl'), 'a.jsonl');
    expect(articles.map((a) => a.origin)).toEqual(['a.jsonl:1', 'a.jsonl:5']);
    expect(articles[1]?.text).toBe('The group sold oil worth $18 million , a FATF report said.');
    expect(rejected.map((r) => r.origin)).toEqual(['a.jsonl:2', 'a.jsonl:3', 'a.jsonl:4']);
    expect(rejected[0]?.reason).toContain('needs a non-empty "text"');
    expect(rejected[1]?.reason).toMatch(/^not JSON/);
    expect(rejected[2]?.reason).toBe('published: cannot read date "yesterday-ish"');
  });

  it('picks the reader from the content', () => {
    expect(readArticles(fixture('sample-feed.atom'), 'x').articles).toHaveLength(2);
    expect(readArticles(fixture('sample-articles.jsonl'), 'x').articles).toHaveLength(2);
  });
});

describe('htmlToText', () => {
  it('drops tags and scripts, keeps paragraphs, decodes references', () => {
    expect(htmlToText('<p>a&#1583;&amp;b</p><script>x()</script><p>c&nbsp;d</p>')).toBe('aد&b\nc d');
  });
});

describe('readCustomersCsv', () => {
  it('reads customers with optional account and country', () => {
    const c = readCustomersCsv(fixture('sample-customers.csv'), 'c.csv');
    expect(c).toHaveLength(5);
    expect(c[0]).toEqual({
      id: 'C1',
      name: 'شركة الصقر للصرافة',
      type: 'organisation',
      account: { bank: '001', account: 'A1' },
      country: 'IQ',
    });
    expect(c[4]).toEqual({ id: 'C5', name: 'John Smith', type: 'person' });
  });

  it('reports every bad row with its line', () => {
    const bad = 'id,name,type\nC1,,person\nC1,A,robot\nC1,B,person\n';
    expect(() => readCustomersCsv(bad, 'bad.csv')).toThrow(
      'bad.csv:2: name is empty\nbad.csv:3: type must be person or organisation, got "robot"\nbad.csv:4: id "C1" appears twice',
    );
    expect(() => readCustomersCsv('who,what\n1,2\n', 'h.csv')).toThrow(
      /h\.csv: header must name the columns id and name/,
    );
  });
});
