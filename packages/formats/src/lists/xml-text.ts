/**
 * XML helpers shared by the list parsers. The parser is the safe one of ../xml/safe-xml.ts (no DTD, no entity
 * expansion); the five predefined entities and character references are decoded here, which
 * cannot expand or fetch anything.
 */
import { XMLValidator } from 'fast-xml-parser';
import { createSafeXmlParser, hasRefusedDeclaration } from '../xml/safe-xml.ts';
import { ListParseError } from './list-parse-error.ts';

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML 1.0's Char: what a character reference may name. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Decodes predefined entities and numeric character references; any other entity, and a reference to no XML
 * character (`&#x110000;`, which String.fromCodePoint throws on; `&#0;`), is left as written.
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, body: string) => {
    if (body.startsWith('#')) {
      const code = body.startsWith('#x')
        ? Number.parseInt(body.slice(2), 16)
        : Number.parseInt(body.slice(1), 10);
      return isXmlChar(code) ? String.fromCodePoint(code) : all;
    }
    return (Object.hasOwn(PREDEFINED, body) ? PREDEFINED[body] : undefined) ?? all;
  });
}

/** Parses an XML document safely: rejects DOCTYPE, validates well-formedness with a line number. */
export function parseXmlDocument(
  xml: string,
  file: string,
  arrays: ReadonlySet<string>,
): Record<string, unknown> {
  if (hasRefusedDeclaration(xml)) {
    throw new ListParseError(file, 'prolog', 'DOCTYPE/ENTITY declarations are refused (no entity expansion)');
  }
  const valid = XMLValidator.validate(xml);
  // tags still open at the end of the text (a download cut short) come as their stack in JSON at line 1, column 1
  const open = valid === true ? undefined : /^Invalid '(\[.*\])' found\.$/s.exec(valid.err.msg)?.[1];
  if (open !== undefined) {
    const tags = (JSON.parse(open) as string[]).map((t) => `<${t}>`).join('');
    const lines = xml.split('\n').length;
    throw new ListParseError(
      file,
      `line ${lines} (end of file)`,
      `malformed XML: the file ends inside ${tags} (cut short?)`,
    );
  }
  if (valid !== true) {
    throw new ListParseError(
      file,
      `line ${valid.err.line}, column ${valid.err.col}`,
      `malformed XML: ${valid.err.msg}`,
    );
  }
  const parser = createSafeXmlParser({ attributeNamePrefix: '@', isArray: (name) => arrays.has(name) });
  try {
    return parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    // well-formed but beyond the parser's limits (elements nested more than 100 deep): refused like malformed XML
    throw new ListParseError(file, 'document', `malformed XML: ${(error as Error).message}`);
  }
}

/** Line numbers (1-based) of each opening of `<tag>` or `<tag ` in document order. */
export function tagLines(xml: string, tag: string): number[] {
  const lines: number[] = [];
  const re = new RegExp(`<${tag}[\\s>]`, 'g');
  let line = 1;
  let last = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    for (let i = last; i < m.index; i++) if (xml.charCodeAt(i) === 10) line++;
    last = m.index;
    lines.push(line);
  }
  return lines;
}

/** Text of a parsed node: a string, or the #text of an element with attributes; '' when empty. */
export function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return decodeXmlText(node).trim();
  if (typeof node === 'number') return String(node);
  if (typeof node === 'object' && '#text' in node) return textOf((node as { '#text': unknown })['#text']);
  return '';
}

/** Values of a node that may be one element, an array, or a wrapper with VALUE children. */
export function valuesOf(node: unknown): string[] {
  if (node === undefined || node === null || node === '') return [];
  if (Array.isArray(node)) return node.flatMap(valuesOf);
  if (typeof node === 'object' && 'VALUE' in node) return valuesOf((node as { VALUE: unknown }).VALUE);
  const t = textOf(node);
  return t ? [t] : [];
}

/** A node as an array of objects (missing → [], empty string element → []). */
export function objectsOf(node: unknown): Record<string, unknown>[] {
  if (node === undefined || node === null) return [];
  const arr = Array.isArray(node) ? node : [node];
  return arr.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
}
