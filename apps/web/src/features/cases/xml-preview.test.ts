import { describe, expect, it } from 'vitest';
import { tokenizeXml } from './xml-preview.ts';

describe('tokenizeXml', () => {
  it('splits tags, attributes and text and loses no character', () => {
    const xml = '<?xml version="1.0"?>\n<report><rentity_id a="1">42</rentity_id><x/><!-- c --></report>';
    const tokens = tokenizeXml(xml);
    expect(tokens.map((t) => t.text).join('')).toBe(xml);
    expect(tokens.filter((t) => t.kind === 'tag').map((t) => t.text)).toEqual([
      'report',
      'rentity_id',
      'rentity_id',
      'x',
      'report',
    ]);
    expect(tokens.filter((t) => t.kind === 'attr').map((t) => t.text)).toEqual(['a']);
    expect(tokens.find((t) => t.kind === 'text' && t.text === '42')).toBeDefined();
  });

  it('keeps Arabic text content intact', () => {
    const xml = '<first_name>Mohammed</first_name><comments>محمد</comments>';
    expect(
      tokenizeXml(xml)
        .map((t) => t.text)
        .join(''),
    ).toBe(xml);
  });
});
