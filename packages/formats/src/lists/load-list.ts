/**
 * Reads list files and folders from disk, detects their format and parses them.
 * An OFAC set in a folder (sdn.csv + alt.csv + add.csv + sdn_comments.csv, or cons_*.csv) is one list; the
 * folder's other files and subfolders are read each on its own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseEuFsfCsv } from './eu-fsf-csv.ts';
import { parseEuFsfXml } from './eu-fsf-xml.ts';
import { parseEuXml2016 } from './eu-xml.ts';
import { parseFtmJsonl } from './ftm-jsonl.ts';
import { parseGenericCsv } from './generic-csv.ts';
import { ListParseError } from './list-parse-error.ts';
import { type OfacFile, parseOfacCsv } from './ofac-csv.ts';
import { parseOfacXml } from './ofac-xml.ts';
import { LIST_FORMATS, type ListFormat, MAX_LIST_BYTES, type ParsedList } from './parsed-list.ts';
import { parseUkCsv } from './uk-csv.ts';
import { parseUkSanctionsListXml } from './uk-sanctions-list-xml.ts';
import { parseUnXml } from './un-xml.ts';

export interface LoadListOptions {
  /** Skip detection. */
  readonly format?: ListFormat | undefined;
  /** List code for generic CSV and FtM imports (default: the file name). */
  readonly list?: string | undefined;
  /** Version for files that carry no date (OFAC, generic, FtM): default the YYYY-MM-DD in the folder name, else the file's modification date. */
  readonly version?: string | undefined;
  /** OFAC: how to treat aliases whose ent_num the primary file lacks (see parseOfacCsv). */
  readonly orphans?: 'error' | 'entries' | undefined;
}

/** The encoding an XML declaration names, read from the first bytes (the declaration itself is ASCII). */
function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256)).replace(/^\u00ef\u00bb\u00bf/, '');
  return /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head)?.[1];
}

/**
 * Decodes a list file. A byte-order mark or an XML declaration's encoding is honoured: decoding a
 * windows-1256 or UTF-16 file as UTF-8 or cp1252 would store its Arabic names as mojibake, silently. Otherwise
 * UTF-8, or Windows-1252 when the bytes are not valid UTF-8 (OFSI ConList is cp1252).
 */
export function decodeListBytes(bytes: Uint8Array, file = 'list file'): string {
  const bom =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
          ? 'utf-8'
          : undefined;
  // XML 1.0 Appendix F: a declaration readable as ASCII means the file is not UTF-16, whatever its label says
  // (main loaded such files; refusing them would drop a list that decodes fine)
  const label = declaredXmlEncoding(bytes);
  const declared = bom ?? (label !== undefined && isUtf16Label(label) ? undefined : label);
  if (declared !== undefined) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(declared, { fatal: true });
    } catch {
      throw new ListParseError(file, 'XML declaration', `encoding "${declared}" is not supported`);
    }
    try {
      return decoder.decode(bytes);
    } catch {
      throw new ListParseError(file, 'file', `the bytes are not valid ${declared}, the encoding it declares`);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function isUtf16Label(label: string): boolean {
  try {
    return new TextDecoder(label).encoding.startsWith('utf-16');
  } catch {
    return false;
  }
}

function readText(path: string): string {
  const size = statSync(path).size;
  if (size > MAX_LIST_BYTES)
    throw new ListParseError(path, 'file', `${size} bytes exceeds the ${MAX_LIST_BYTES}-byte limit`);
  return decodeListBytes(readFileSync(path), path);
}

function versionFor(path: string, options: LoadListOptions): string {
  if (options.version) return options.version;
  const fromPath = /(\d{4}-\d{2}-\d{2})/.exec(path);
  if (fromPath?.[1]) return fromPath[1];
  return statSync(path).mtime.toISOString().slice(0, 10);
}

/** The two OFAC legacy CSV sets: the SDN list and the non-SDN consolidated list, each joined on ent_num. */
const OFAC_SETS = {
  sdn: { list: 'OFAC-SDN', files: ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'] },
  cons: { list: 'OFAC-CONS', files: ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'] },
} as const;
type OfacSetKind = keyof typeof OFAC_SETS;

/** The OFAC set a file of one belongs to, by its name. */
function ofacKindOf(file: string): OfacSetKind {
  return /^cons_/i.test(basename(file)) ? 'cons' : 'sdn';
}

function ofacSetIn(dir: string, kind: OfacSetKind, options: LoadListOptions): ParsedList | undefined {
  const files = new Set(readdirSync(dir));
  const pick = (name: string): OfacFile | undefined => {
    const n = [name, name.toUpperCase()].find((x) => files.has(x));
    return n ? { file: join(dir, n), text: readText(join(dir, n)) } : undefined;
  };
  const [primaryName, altName, addName, commentsName] = OFAC_SETS[kind].files;
  const primary = pick(primaryName);
  if (!primary) return undefined;
  const set = { primary, alt: pick(altName), add: pick(addName), comments: pick(commentsName) };
  const list = parseOfacCsv(set, {
    list: OFAC_SETS[kind].list,
    version: versionFor(primary.file, options),
    orphans: options.orphans,
  });
  // a set without a companion file is a partial list: said, so that it is not taken for the whole publication
  const lacking = [
    [set.alt, altName, 'aliases'],
    [set.add, addName, 'address countries'],
    [set.comments, commentsName, `remarks continued from ${primaryName}`],
  ] as const;
  const notes = lacking
    .filter(([file]) => file === undefined)
    .map(([, name, what]) => `no ${name} beside ${primaryName}: loaded without its ${what}`);
  return notes.length > 0 ? { ...list, notes: [...(list.notes ?? []), ...notes] } : list;
}

/** Detects a single file's format from its name and first bytes. */
export function detectListFormat(path: string, head: string): ListFormat | undefined {
  const ext = extname(path).toLowerCase();
  const h = head.slice(0, 4096);
  if (h.trimStart().startsWith('<')) {
    if (h.includes('<CONSOLIDATED_LIST')) return 'un-xml';
    if (h.includes('<WHOLE')) return 'eu-xml-2016';
    if (h.includes('<sdnList')) return 'ofac-xml';
    if (h.includes('fpi/fsd/export') || h.includes('<sanctionEntity')) return 'eu-fsf-xml';
    if (h.includes('<Designations')) return 'uk-sanctions-list-xml';
    return undefined;
  }
  if (ext === '.jsonl' || ext === '.json' || ext === '.ndjson' || h.trimStart().startsWith('{'))
    return 'ftm-jsonl';
  const first = (h.split(/\r?\n/)[0] ?? '').replace(/^\ufeff/, '');
  if (first.startsWith('fileGenerationDate;')) return 'eu-fsf-csv';
  if (first.startsWith('Last Updated') || first.includes('Name 6')) return 'uk-ofsi-csv';
  if (/^\d+,"/.test(first)) return 'ofac-csv';
  if (/^\s*id\s*,/i.test(first)) return 'generic-csv';
  return undefined;
}

function loadFile(path: string, options: LoadListOptions): ParsedList {
  const text = readText(path);
  return parseFile(path, text, options.format ?? detectListFormat(path, text), options);
}

function parseFile(
  path: string,
  text: string,
  format: ListFormat | undefined,
  options: LoadListOptions,
): ParsedList {
  switch (format) {
    case 'un-xml':
      return parseUnXml(text, path);
    case 'ofac-xml':
      // OFAC publishes the non-SDN consolidated list in the same schema (consolidated.xml)
      return parseOfacXml(text, path, /cons/i.test(basename(path)) ? 'OFAC-CONS' : 'OFAC-SDN');
    case 'eu-xml-2016':
      return parseEuXml2016(text, path);
    case 'eu-fsf-xml':
      return parseEuFsfXml(text, path);
    case 'eu-fsf-csv':
      return parseEuFsfCsv(text, path);
    case 'uk-sanctions-list-xml':
      return parseUkSanctionsListXml(text, path);
    case 'uk-ofsi-csv':
      return parseUkCsv(text, path);
    case 'ofac-csv': {
      const set = ofacSetIn(dirname(path), ofacKindOf(path), options);
      if (!set)
        throw new ListParseError(
          path,
          'file',
          'an OFAC CSV must sit in a folder with sdn.csv or cons_prim.csv',
        );
      return set;
    }
    case 'generic-csv':
      return parseGenericCsv(
        text,
        {
          list: options.list ?? basename(path, extname(path)).toUpperCase(),
          version: versionFor(path, options),
        },
        path,
      );
    case 'ftm-jsonl':
      return parseFtmJsonl(
        text,
        {
          list: options.list ?? basename(path).replace(/\..*$/, '').toUpperCase(),
          version: versionFor(path, options),
        },
        path,
      );
    case undefined:
      throw new ListParseError(
        path,
        'file',
        `format not recognised; pass --format (${LIST_FORMATS.join(', ')})`,
      );
  }
}

/** Loads every list found at a path (file or folder). Throws ListParseError on the first bad file. */
export function loadListPath(path: string, options: LoadListOptions = {}): ParsedList[] {
  const st = statSync(path);
  if (!st.isDirectory()) {
    const ext = extname(path).toLowerCase();
    const inOfacSet = ext === '.csv' && /^(sdn|alt|add|sdn_comments|cons_\w+)\.csv$/i.test(basename(path));
    if (inOfacSet && options.format === undefined) {
      const set = ofacSetIn(dirname(path), ofacKindOf(path), options);
      if (set) return [set];
    }
    return [loadFile(path, options)];
  }
  const sets =
    options.format === undefined || options.format === 'ofac-csv'
      ? (Object.keys(OFAC_SETS) as OfacSetKind[]).flatMap((k) => ofacSetIn(path, k, options) ?? [])
      : [];
  if (sets.length > 0 && options.format === 'ofac-csv') return sets;
  // the folder's other lists (the other OFAC set, a UN file beside an OFAC set) are read too, not left out
  const inSets = new Set(sets.flatMap((s) => s.sources.map((f) => basename(f))));
  const own: ParsedList[] = [...sets];
  const inSubfolders: ParsedList[] = [];
  const skipped: string[] = [];
  for (const name of readdirSync(path).sort()) {
    if (name.startsWith('.') || /\.(md|txt)$/i.test(name) || inSets.has(name)) continue;
    const child = join(path, name);
    if (statSync(child).isDirectory()) {
      inSubfolders.push(...loadListPath(child, options));
    } else if (sets.length > 0 && options.format === undefined) {
      // OFAC publishes SDN.ZIP, sdn.pip and more beside its CSV set, and main loaded such a folder: they are
      // skipped, not a failure of the whole load (a CSV row there outside the set is no list either)
      const text = readText(child);
      const format = detectListFormat(child, text);
      if (format === undefined || format === 'ofac-csv') skipped.push(name);
      else own.push(parseFile(child, text, format, options));
    } else {
      own.push(...loadListPath(child, options));
    }
  }
  // beside an OFAC set, another file of the same list (sdn.xml beside sdn.csv) is a second copy of it: both would
  // be stored, with the same date, and the one read last made current without a word. A folder without a set
  // is walked as before (a folder of several EU formats loads each)
  const byCode = new Map<string, ParsedList>();
  for (const list of sets.length > 0 ? own : []) {
    const first = byCode.get(list.list);
    if (first)
      throw new ListParseError(
        path,
        'folder',
        `${list.list} is given twice, by ${basename(first.sources[0] ?? '?')} and by ${basename(list.sources[0] ?? '?')}; load one of them`,
      );
    byCode.set(list.list, list);
  }
  const [firstSet] = sets;
  if (firstSet && skipped.length > 0) {
    const note = `not list files, skipped beside ${basename(firstSet.sources[0] ?? '')}: ${skipped.join(', ')}`;
    own[0] = { ...firstSet, notes: [...(firstSet.notes ?? []), note] };
  }
  return [...own, ...inSubfolders];
}
