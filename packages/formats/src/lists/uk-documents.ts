/**
 * The identity documents of a UK ConList row, read conservatively from its free-text `Passport Details` and
 * `NI Number` columns ("Passport No: 592667 (Qatari passport issued on 3 May 2007).", "BPA 1336597587",
 * "(1) OR801168 (Afghan). Issued on 28 Feb 2006 … (2) 4117921 (Pakistani) …"). A text in which no document number
 * is found is not read, and is counted for the load's notes instead of being dropped silently.
 */
import { type EntryIdentifier, nationalityCode } from '@raqib/core';
import { countedNote } from './counted-note.ts';

/** The type written for a national identity document, as the UK Sanctions List XML parser writes it. */
const NATIONAL_ID = 'National identifier';

/** The column a text comes from: its documents' type unless the text names another. */
export type UkDocumentColumn = 'Passport Details' | 'NI Number';

/** One entry's documents, once each however many of its rows repeat them, and its texts not read. */
export interface EntryDocuments {
  readonly byKey: Map<string, EntryIdentifier>;
  readonly unread: Set<string>;
}

export function entryDocuments(): EntryDocuments {
  return { byKey: new Map(), unread: new Set() };
}

/**
 * An item's numbering, "(1) ", "1) " or "(b) ", not preceded by a letter, digit or slash (so "03/07/1996)" is no
 * numbering).
 */
const NUMBERING = /(?<![\p{L}\p{N}/])(?:\(?\d\)|\([a-z]\))\s*/u;

/** A date, which the texts give for issue and expiry ("issued on 03/07/1996", "2007-05-03"): never a number. */
const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;

/**
 * The first token with a digit that is at least 5 characters of [A-Za-z0-9-/] once its edge punctuation is cut,
 * and is no date.
 */
function documentNumber(text: string): string | undefined {
  for (const raw of text.split(/\s+/)) {
    const token = raw.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
    if (token.length >= 5 && /\d/.test(token) && /^[A-Za-z0-9/-]+$/.test(token) && !DATE.test(token))
      return token;
  }
  return undefined;
}

/**
 * "… under (the) name Said Jan …", "… in the name of …": a name that follows may read as a country (Jordan, Chad)
 * and is not read.
 */
const UNDER_NAME = /\bunder\s+(?:the\s+)?names?\b|\bin\s+the\s+names?\s+of\b/i;

/**
 * The issuing country the text names, as a country name or nationality adjective ("Qatari", "(Syria)", "Saudi
 * Arabia"), when it names exactly one; else none (not guessed). Words of three letters or fewer are not read
 * alone ("no", "ID" and "in" are ISO codes).
 */
function issuingCountry(text: string): string | undefined {
  const words = (text.split(UNDER_NAME)[0] ?? '').split(/[^\p{L}'-]+/u).filter(Boolean);
  const codes = new Set<string>();
  for (let i = 0; i < words.length; ) {
    let n = Math.min(4, words.length - i);
    for (; n > 0; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const code = phrase.length > 3 ? nationalityCode(phrase) : undefined;
      if (code !== undefined) {
        codes.add(code);
        break;
      }
    }
    i += Math.max(n, 1);
  }
  return codes.size === 1 ? [...codes][0] : undefined;
}

function documentType(text: string, column: UkDocumentColumn): string {
  if (/\bration\s+card\b/i.test(text)) return 'Ration card';
  if (
    /identification\s+card|\bID\s+card\b|national\s+identi(?:ty|fication)\b|national\s+id\b|civil\s+id\b/i.test(
      text,
    )
  )
    return NATIONAL_ID;
  return column === 'Passport Details' ? 'Passport' : NATIONAL_ID;
}

/** Reads the documents of one ConList file and counts the texts without a document number. */
export class UkDocumentReader {
  readonly #unread = new Map<string, number>();

  /**
   * Adds the documents of one cell to `into`: its numbered items each ("(1) … (2) …", "1) … 2) …"; a lead before
   * the first number without a number of its own, "Jordanian passport numbers (1) K048787 (2) 486298", is read
   * with each item for its type and country), each item's first document number (documentNumber) with its type
   * and issuing country. An item without a number is counted, once per entry.
   */
  read(cell: string, column: UkDocumentColumn, into: EntryDocuments): void {
    const parts = cell.split(NUMBERING).map((p) => p.trim());
    const lead = parts.length > 1 && documentNumber(parts[0] ?? '') === undefined ? parts.shift() : undefined;
    for (const item of parts) {
      if (item === '') continue;
      const value = documentNumber(item);
      if (value === undefined) {
        if (!into.unread.has(item)) this.#unread.set(item, (this.#unread.get(item) ?? 0) + 1);
        into.unread.add(item);
        continue;
      }
      const context = lead ? `${lead} ${item}` : item;
      const type = documentType(context, column);
      const country = issuingCountry(context);
      const key = `${type}\u0000${value}\u0000${country ?? ''}`;
      if (!into.byKey.has(key)) into.byKey.set(key, { type, value, ...(country ? { country } : {}) });
    }
  }

  /** The load's note on the document texts without a number (countedNote); none when there were none. */
  notes(): string[] {
    return countedNote(this.#unread, 'document text(s) without a number, not read');
  }
}
