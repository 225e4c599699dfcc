export interface XmlToken {
  readonly kind: 'tag' | 'attr' | 'value' | 'text' | 'comment' | 'punct';
  readonly text: string;
}

/**
 * Tokenises XML for a read-only coloured preview of the STR. It never builds a DOM and never resolves
 * anything, so a hostile document cannot do more than show its own text.
 */
export function tokenizeXml(xml: string): XmlToken[] {
  const out: XmlToken[] = [];
  const re =
    /(<!--[\s\S]*?-->)|(<\?[\s\S]*?\?>)|(<\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?>)/g;
  let at = 0;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    if (m.index > at) out.push({ kind: 'text', text: xml.slice(at, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'comment', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'comment', text: m[2] });
    else {
      out.push({ kind: 'punct', text: m[3]! });
      out.push({ kind: 'tag', text: m[4]! });
      const attrs = m[5] ?? '';
      const attrRe = /(\s+)([\w:.-]+)(\s*=\s*)("[^"]*"|'[^']*')/g;
      for (let a = attrRe.exec(attrs); a !== null; a = attrRe.exec(attrs)) {
        out.push({ kind: 'text', text: a[1]! });
        out.push({ kind: 'attr', text: a[2]! });
        out.push({ kind: 'punct', text: a[3]! });
        out.push({ kind: 'value', text: a[4]! });
      }
      out.push({ kind: 'punct', text: m[6]! });
    }
    at = m.index + m[0].length;
  }
  if (at < xml.length) out.push({ kind: 'text', text: xml.slice(at) });
  return out;
}
