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

// An element start: `<CdtTrfTxInf>` or `<ns:GrpHdr attr="…">`; the name must end there (not `<GrpHdrX>`). Of
// `Document` and `FIToFICstmrCdtTrf` only the start tag is read, for its namespace declarations.
const START = /<(?:([A-Za-z_][\w.-]*):)?(CdtTrfTxInf|GrpHdr|FIToFICstmrCdtTrf|Document)(?=[\s/>])/g;
/** The namespaces of pacs.008 (`FIToFICstmrCdtTrf`), any `.001.NN` version. */
export const PACS008_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:pacs\.008\.001\.\d{2}$/;
const XMLNS = /\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The namespace declarations of a start tag, by prefix ('' for the default namespace). */
function declarations(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(XMLNS)) out.set(m[1] ?? '', m[2] ?? m[3] ?? '');
  return out;
}
const ROOT = /<(?:[A-Za-z_][\w.-]*:)?FIToFICstmrCdtTrf[\s>]/;
const ROOT_CLOSE = /<\/(?:[A-Za-z_][\w.-]*:)?FIToFICstmrCdtTrf\s*>/;
const END = {
  CdtTrfTxInf: /<\/(?:[A-Za-z_][\w.-]*:)?CdtTrfTxInf\s*>/g,
  GrpHdr: /<\/(?:[A-Za-z_][\w.-]*:)?GrpHdr\s*>/g,
} as const;
/** Characters kept at the end of the buffer when no element is open: a start tag may be split there. */
const TAIL = 64;

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
  /** Namespace declarations of the last `Document` start tag, which scopes the message root. */
  private documentNamespaces = new Map<string, string>();
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
    if (hasRefusedDeclaration(this.buf)) {
      throw new InputFileError(
        `${this.source}: DOCTYPE/ENTITY declarations are not accepted in pacs.008 input`,
      );
    }
    if (!this.sawRoot && ROOT.test(this.buf)) this.sawRoot = true;
  }

  /** Reads the next complete element, if the buffer holds one. */
  step(): boolean {
    START.lastIndex = this.pos;
    const start = START.exec(this.buf);
    // only the text between elements is searched, which is short: the scan stays linear in the file
    if (!this.closed && ROOT_CLOSE.test(this.buf.slice(this.pos, start === null ? undefined : start.index)))
      this.closed = true;
    if (start === null) {
      this.pos = Math.max(this.pos, this.buf.length - TAIL);
      return false;
    }
    const name = start[2] as 'CdtTrfTxInf' | 'GrpHdr' | 'FIToFICstmrCdtTrf' | 'Document';
    if (name === 'Document' || name === 'FIToFICstmrCdtTrf') {
      const tagEnd = this.buf.indexOf('>', start.index);
      if (tagEnd < 0) {
        this.pos = start.index;
        if (this.buf.length - start.index > MAX_PACS008_ELEMENT) {
          throw new InputFileError(
            `${this.source}: line ${this.lineAt(start.index)}: a ${name} start tag is larger than ${MAX_PACS008_ELEMENT} bytes`,
          );
        }
        return false;
      }
      const tag = this.buf.slice(start.index, tagEnd + 1);
      if (name === 'Document') this.documentNamespaces = declarations(tag);
      else this.checkNamespace(start[1] ?? '', tag, start.index);
      this.pos = tagEnd + 1;
      return true;
    }
    const end = END[name];
    end.lastIndex = start.index;
    const close = end.exec(this.buf);
    if (close === null) {
      this.pos = start.index;
      if (this.buf.length - start.index > MAX_PACS008_ELEMENT) {
        throw new InputFileError(
          `${this.source}: line ${this.lineAt(start.index)}: a ${name} element is larger than ${MAX_PACS008_ELEMENT} bytes`,
        );
      }
      return false;
    }
    const line = this.lineAt(start.index);
    this.pos = close.index + close[0].length;
    this.closed = false;
    this.handle(name, this.buf.slice(start.index, this.pos), line);
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
    const open = START.exec(this.buf);
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
  private checkNamespace(prefix: string, tag: string, index: number): void {
    const ns = declarations(tag).get(prefix) ?? this.documentNamespaces.get(prefix);
    if (ns !== undefined && PACS008_NAMESPACE.test(ns)) return;
    const found =
      ns === undefined || ns === ''
        ? prefix === ''
          ? 'it has no namespace'
          : `its prefix "${prefix}" is not declared`
        : `its namespace is "${ns.slice(0, 200)}"`;
    throw new InputFileError(
      `${this.source}: line ${this.lineAt(index)}: not an ISO 20022 pacs.008 message: ${found}, expected ` +
        'urn:iso:std:iso:20022:tech:xsd:pacs.008.001.NN (on Document or FIToFICstmrCdtTrf)',
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
