import type { Transaction } from '@raqib/core';
import { XMLValidator } from 'fast-xml-parser';
import { createSafeXmlParser, hasRefusedDeclaration } from '../xml/safe-xml.ts';
import { InputFileError } from './input-file-error.ts';
import { groupFromHeader, type Pacs008Group, pacs008ToTransaction } from './pacs008-record.ts';
import { clipRaw, type Rejection } from './types.ts';

/** Largest single CdtTrfTxInf or GrpHdr accepted; a real one is a few KiB. Bigger is refused, not buffered. */
export const MAX_PACS008_ELEMENT = 1 << 20;

/** Values stay strings so that amounts, account numbers and BICs keep their exact text (leading zeros included). */
const parser = createSafeXmlParser({
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  isArray: (name) => name === 'Ustrd',
});

// The start of a transaction or group header element at a given index: `<CdtTrfTxInf>` or `<ns:GrpHdr attr="…">`;
// the name must end there (not `<GrpHdrX>`).
const START = /<(?:([A-Za-z_][\w.-]*):)?(CdtTrfTxInf|GrpHdr)(?=[\s/>])/y;
/** The namespaces of pacs.008 (`FIToFICstmrCdtTrf`), any `.001.NN` version. */
export const PACS008_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:pacs\.008\.001\.\d{2}$/;
/** The qualified name of a start or end tag beginning at `<` or `</`. */
const TAG_NAME = /<\/?([^\s/>]+)/y;
/**
 * A whole start or end tag from its `<`: a `>` inside a quoted attribute value does not end it. No `<` may appear
 * in it, quoted or not (XML allows none in attribute values), so a quote left open cannot run on over the
 * transactions after it.
 */
const TAG = /<[^<>"']*(?:(?:"[^<"]*"|'[^<']*')[^<>"']*)*>/y;
/** One attribute after a tag's name or the previous attribute: its name and quoted value. */
const ATTRIBUTE = /\s+([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/**
 * The namespace declarations of a start tag whose attributes begin at `from`, by prefix ('' for the default
 * namespace); undefined for none. Only attributes count, not `xmlns="…"` written inside another attribute's value.
 */
function declarations(tag: string, from: number): Map<string, string> | undefined {
  if (tag.indexOf('xmlns', from) < 0) return undefined;
  let out: Map<string, string> | undefined;
  ATTRIBUTE.lastIndex = from;
  for (let m = ATTRIBUTE.exec(tag); m !== null; m = ATTRIBUTE.exec(tag)) {
    const name = m[1] ?? '';
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    out ??= new Map();
    out.set(name.slice(6), m[2] ?? m[3] ?? '');
  }
  return out;
}
const END = {
  CdtTrfTxInf: /<\/(?:[A-Za-z_][\w.-]*:)?CdtTrfTxInf\s*>/g,
  GrpHdr: /<\/(?:[A-Za-z_][\w.-]*:)?GrpHdr\s*>/g,
} as const;
/** What ends a comment, a CDATA section, a processing instruction or another `<!` declaration. */
type SkipEnd = '-->' | ']]>' | '?>' | '>';
/** Characters after `<!` needed to tell a declaration (`<!DOCTYPE`, `<!ENTITY`) from another `<!` construct. */
const DECLARATION_LOOKAHEAD = 9;
const REFUSED_AT = /^<!(?:DOCTYPE|ENTITY)/i;

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Finds the GrpHdr and CdtTrfTxInf elements in pacs.008 text fed to it piece by piece and turns each
 * CdtTrfTxInf into a Transaction or a Rejection. Only the element being read is buffered. File-level problems
 * (DOCTYPE, oversized element, not pacs.008) throw an Error whose message starts with `source`.
 */
export class Pacs008Scanner {
  readonly accepted: Transaction[] = [];
  readonly rejected: Rejection[] = [];
  private readonly source: string;
  private buf = '';
  private pos = 0;
  private cursor = 0;
  private cursorLine = 1;
  private row = 0;
  private indexInMessage = 0;
  private group: Pacs008Group = { msgId: undefined, creDtTm: undefined, sttlmDt: undefined };
  private sawRoot = false;
  /**
   * The namespace declarations of each open element outside the elements read whole (an envelope, `Document`, the
   * message root…), outermost first; undefined for an element declaring none. They scope the message root.
   */
  private readonly scopes: (Map<string, string> | undefined)[] = [];
  /** Set inside a comment, CDATA section or processing instruction: the text that ends it. */
  private skipTo: SkipEnd | undefined;
  /**
   * Whether a message closed after the last element read: a file cut between transactions leaves it false. True
   * before any element, so that a body with none is judged as holding no transaction, not as truncated.
   */
  private closed = true;
  private readonly seen = new Map<string, number>();

  constructor(source: string) {
    this.source = source;
  }

  /** Records found so far and not yet taken. */
  get pending(): number {
    return this.accepted.length + this.rejected.length;
  }

  /** Appends text; call `step()` until it returns false before the next `push`. */
  push(text: string): void {
    this.compact();
    this.buf += text;
    if (hasRefusedDeclaration(this.buf)) this.refuseDeclaration();
  }

  /**
   * Reads the next markup construct: a whole `GrpHdr` or `CdtTrfTxInf` element (parsed), another start or end tag
   * (for its namespace declarations), or a comment, CDATA section or processing instruction (skipped, so that markup
   * in them is not taken for the document's). False when the buffer holds no complete one.
   */
  step(): boolean {
    const buf = this.buf;
    if (this.skipTo !== undefined) {
      const end = buf.indexOf(this.skipTo, this.pos);
      if (end < 0) {
        // only the characters that may begin the end are kept: a long comment is not buffered
        this.pos = Math.max(this.pos, buf.length - this.skipTo.length + 1);
        return false;
      }
      this.pos = end + this.skipTo.length;
      this.skipTo = undefined;
      return true;
    }
    const lt = buf.indexOf('<', this.pos);
    if (lt < 0) {
      this.pos = buf.length;
      return false;
    }
    this.pos = lt;
    const next = buf.charCodeAt(lt + 1);
    if (Number.isNaN(next)) return false;
    if (next === 0x21 /* ! */) return this.skipMarkup(lt);
    if (next === 0x3f /* ? */) {
      this.skipTo = '?>';
      this.pos = lt + 2;
      return true;
    }
    START.lastIndex = lt;
    const start = START.exec(buf);
    if (start !== null) return this.readElement(start[2] as 'CdtTrfTxInf' | 'GrpHdr', lt);
    TAG.lastIndex = lt;
    if (!TAG.test(buf)) {
      // a tag ends before the next `<`: with one in the buffer already, this tag is malformed, not unfinished
      if (buf.indexOf('<', lt + 1) >= 0) {
        throw new InputFileError(
          `${this.source}: line ${this.lineAt(lt)}: a malformed tag (a quote left open, or a '<' inside it)`,
        );
      }
      // the tag's end is not in the buffer yet
      if (buf.length - lt > MAX_PACS008_ELEMENT) {
        throw new InputFileError(
          `${this.source}: line ${this.lineAt(lt)}: a tag is larger than ${MAX_PACS008_ELEMENT} bytes`,
        );
      }
      return false;
    }
    const gt = TAG.lastIndex - 1;
    TAG_NAME.lastIndex = lt;
    const name = TAG_NAME.exec(buf);
    const qname = name?.[1] ?? '';
    const nameEnd = name === null ? lt + 1 : TAG_NAME.lastIndex;
    const colon = qname.indexOf(':');
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    this.pos = gt + 1;
    if (next === 0x2f /* / */) {
      this.scopes.pop();
      if (local === 'FIToFICstmrCdtTrf') this.closed = true;
      return true;
    }
    const tag = buf.slice(lt, gt + 1);
    const declared = declarations(tag, nameEnd - lt);
    if (local === 'FIToFICstmrCdtTrf') {
      // the root's own start tag, not its name in a comment or CDATA section
      this.sawRoot = true;
      this.checkNamespace(colon < 0 ? '' : qname.slice(0, colon), declared, lt);
    }
    // self-closing by the tag's real end, not a `/>` inside an attribute value
    if (buf.charCodeAt(gt - 1) !== 0x2f /* / */) this.scopes.push(declared);
    return true;
  }

  /** `<!--`, `<![CDATA[` or another `<!` declaration at `lt`: skipped to its end. */
  private skipMarkup(lt: number): boolean {
    const buf = this.buf;
    const cdata = '<![CDATA[';
    if (buf.startsWith('<!--', lt)) {
      this.skipTo = '-->';
      this.pos = lt + 4;
    } else if (buf.startsWith(cdata, lt)) {
      this.skipTo = ']]>';
      this.pos = lt + cdata.length;
    } else if (
      buf.length - lt < cdata.length &&
      (cdata.startsWith(buf.slice(lt)) || '<!--'.startsWith(buf.slice(lt)))
    ) {
      // cut before it can be told apart
      return false;
    } else if (buf.length - lt - 2 < DECLARATION_LOOKAHEAD) {
      // another declaration: `<!DOCTYPE` cut here must not lose its `<!` to compact() and pass the check in push()
      return false;
    } else {
      if (REFUSED_AT.test(buf.slice(lt, lt + 9))) this.refuseDeclaration();
      this.skipTo = '>';
      this.pos = lt + 2;
    }
    return true;
  }

  private refuseDeclaration(): never {
    throw new InputFileError(
      `${this.source}: DOCTYPE/ENTITY declarations are not accepted in pacs.008 input`,
    );
  }

  /** Reads a whole `GrpHdr` or `CdtTrfTxInf` element starting at `index`, once the buffer holds its end. */
  private readElement(name: 'CdtTrfTxInf' | 'GrpHdr', index: number): boolean {
    const end = END[name];
    end.lastIndex = index;
    const close = end.exec(this.buf);
    if (close === null) {
      if (this.buf.length - index > MAX_PACS008_ELEMENT) {
        throw new InputFileError(
          `${this.source}: line ${this.lineAt(index)}: a ${name} element is larger than ${MAX_PACS008_ELEMENT} bytes`,
        );
      }
      return false;
    }
    const line = this.lineAt(index);
    this.pos = close.index + close[0].length;
    this.closed = false;
    this.handle(name, this.buf.slice(index, this.pos), line);
    return true;
  }

  /** End of input: checks the input was pacs.008 and reports a transaction cut off by the end. */
  finish(): void {
    if (!this.sawRoot) {
      throw new InputFileError(
        `${this.source}: not an ISO 20022 pacs.008 message (no FIToFICstmrCdtTrf element)`,
      );
    }
    START.lastIndex = this.pos;
    const open = this.skipTo === undefined ? START.exec(this.buf) : null;
    if (open !== null && open[2] === 'CdtTrfTxInf') {
      this.rejected.push({
        line: this.lineAt(open.index),
        row: this.row++,
        reason: 'truncated CdtTrfTxInf: the file ends inside it',
        raw: clipRaw(this.buf.slice(open.index)),
      });
    } else if (!this.closed) {
      // cut between transactions (or inside a start tag): what followed is unknown, and would otherwise go
      // unmentioned; reported where rejects go, like a cut inside one
      this.rejected.push({
        line: this.lineAt(this.buf.length),
        row: this.row++,
        reason:
          'truncated message: the file ends before </FIToFICstmrCdtTrf>, so transactions after the last complete one may be missing',
        raw: clipRaw(this.buf.slice(-200)),
      });
    }
  }

  /** Hands over the records found so far. */
  take(): { accepted: Transaction[]; rejected: Rejection[] } {
    const out = { accepted: this.accepted.splice(0), rejected: this.rejected.splice(0) };
    return out;
  }

  /**
   * Refuses a message root whose namespace is not pacs.008's: a pacs.009, a camt.053 or a document without a
   * namespace has other rules for the same element names, and would otherwise be read as if it were pacs.008.
   */
  private checkNamespace(prefix: string, declared: Map<string, string> | undefined, index: number): void {
    let ns = declared?.get(prefix);
    for (let i = this.scopes.length - 1; ns === undefined && i >= 0; i--) ns = this.scopes[i]?.get(prefix);
    if (ns !== undefined && PACS008_NAMESPACE.test(ns)) return;
    const found =
      ns === undefined || ns === ''
        ? prefix === ''
          ? 'it has no namespace'
          : `its prefix "${prefix}" is not declared`
        : `its namespace is "${ns.slice(0, 200)}"`;
    throw new InputFileError(
      `${this.source}: line ${this.lineAt(index)}: not an ISO 20022 pacs.008 message: ${found}, expected ` +
        'urn:iso:std:iso:20022:tech:xsd:pacs.008.001.NN (declared on it or an enclosing element such as Document)',
    );
  }

  /** The line the text pushed so far ends on (1 when none was). */
  get endLine(): number {
    return this.cursorLine + countNewlines(this.buf, this.cursor, this.buf.length);
  }

  private lineAt(index: number): number {
    this.cursorLine += countNewlines(this.buf, this.cursor, index);
    this.cursor = index;
    return this.cursorLine;
  }

  private compact(): void {
    if (this.pos === 0) return;
    this.lineAt(this.pos);
    this.buf = this.buf.slice(this.pos);
    this.pos = 0;
    this.cursor = 0;
  }

  private handle(name: 'CdtTrfTxInf' | 'GrpHdr', xml: string, line: number): void {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      if (name === 'GrpHdr')
        throw new InputFileError(`${this.source}: line ${line}: malformed GrpHdr: ${valid.err.msg}`);
      this.reject(line, `malformed XML: ${valid.err.msg} (line ${line + valid.err.line - 1})`, xml);
      return;
    }
    let parsed: Record<string, unknown>;
    try {
      parsed = parser.parse(xml) as Record<string, unknown>;
    } catch (error) {
      // well-formed yet refused by the parser (an element named `constructor` or `__proto__`): that element's
      // problem, not the file's, so it is judged like malformed XML instead of failing as "cannot read"
      const problem = error instanceof Error ? error.message : String(error);
      if (name === 'GrpHdr')
        throw new InputFileError(`${this.source}: line ${line}: malformed GrpHdr: ${problem}`);
      const reason = `malformed XML: ${problem}`;
      this.reject(line, reason, xml);
      return;
    }
    if (name === 'GrpHdr') {
      this.group = groupFromHeader(parsed.GrpHdr);
      this.indexInMessage = 0;
      return;
    }
    const result = pacs008ToTransaction(parsed.CdtTrfTxInf, this.group, this.row, this.indexInMessage);
    if (typeof result === 'string') {
      this.reject(line, result, xml);
      return;
    }
    const first = this.seen.get(result.id);
    if (first !== undefined) {
      this.reject(line, `duplicate id "${result.id}" (first on line ${first})`, xml);
      return;
    }
    this.seen.set(result.id, line);
    this.accepted.push(result);
    this.row++;
    this.indexInMessage++;
  }

  private reject(line: number, reason: string, xml: string): void {
    this.rejected.push({ line, row: this.row++, reason, raw: clipRaw(xml) });
    this.indexInMessage++;
  }
}
