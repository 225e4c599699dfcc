import { describe, expect, it } from 'vitest';
import { createSafeXmlParser, hasRefusedDeclaration } from './safe-xml.ts';

describe('safe XML parsing', () => {
  it('refuses DOCTYPE and ENTITY declarations in any case and anywhere in the text', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><a>&lol2;</a>';
    expect(hasRefusedDeclaration(laughs)).toBe(true);
    expect(hasRefusedDeclaration('<a>text</a>\n<!doctype x>')).toBe(true);
    expect(hasRefusedDeclaration('<a><!entity x SYSTEM "file:///etc/passwd"></a>')).toBe(true);
    expect(hasRefusedDeclaration('<a>&lt;!DOCTYPE written as text&gt;</a>')).toBe(false);
  });

  it('never expands an entity: references stay as written, for the reader to decode', () => {
    const parser = createSafeXmlParser({ attributeNamePrefix: '@' });
    const doc = parser.parse('<a n="&amp;x">&xxe; &amp; &#65;</a>') as {
      a: { '#text': string; '@n': string };
    };
    expect(doc.a['#text']).toBe('&xxe; &amp; &#65;');
    expect(doc.a['@n']).toBe('&amp;x');
  });

  it('keeps values as text (leading zeros, long digits) and applies the reader’s choices', () => {
    const parser = createSafeXmlParser({
      attributeNamePrefix: '@_',
      removeNSPrefix: true,
      isArray: (name) => name === 'Ustrd',
    });
    const doc = parser.parse(
      '<ns:Doc xmlns:ns="urn:x"><ns:Acct id="007">000123456789012345678</ns:Acct><ns:Ustrd> one </ns:Ustrd></ns:Doc>',
    ) as { Doc: { Acct: { '#text': string; '@_id': string }; Ustrd: string[] } };
    expect(doc.Doc.Acct['#text']).toBe('000123456789012345678');
    expect(doc.Doc.Acct['@_id']).toBe('007');
    expect(doc.Doc.Ustrd).toEqual(['one']);
  });
});
