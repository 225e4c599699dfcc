import { isArabicChar, normalizeMedia, procliticVariants } from './normalize.ts';

export const MEDIA_TOKEN_KINDS = ['word', 'number', 'punct'] as const;
export type MediaTokenKind = (typeof MEDIA_TOKEN_KINDS)[number];

/** A token of an article with its character span (UTF-16 offsets into the original text, end exclusive). */
export interface MediaToken {
  readonly text: string;
  /** Lookup key: {@link normalizeMedia} of the text. For numbers, ASCII digits with '.' as decimal point. */
  readonly norm: string;
  readonly kind: MediaTokenKind;
  readonly start: number;
  readonly end: number;
  /** True when whitespace (or nothing) separates this token from the previous one. */
  readonly spaceBefore: boolean;
  /** Lookup keys: the norm, then the norm without proclitics (computed once; every matcher uses them). */
  readonly forms: readonly string[];
}

function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

function isWordChar(c: number): boolean {
  if (c >= 0x0660 && c <= 0x066d) return false; // Arabic-Indic digits, percent and separators
  if (c === 0x060c || c === 0x061b || c === 0x061f || c === 0x06d4) return false; // ، ؛ ؟ ۔
  if (isArabicChar(c)) return true;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return true; // Latin-1 / Extended letters
  return c === 39 /* ' in Da'esh, O'Brien */ || c === 0x2019;
}

/** '_' joins hashtag words (#ريف_دير_الزور): it separates tokens like a space. */
function isSpace(c: number): boolean {
  return (
    c === 95 || c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x200f || c === 0x200e
  );
}

/** Digit separators: a thousands separator is dropped, a decimal separator becomes '.'. */
function numberNorm(raw: string): string {
  const ascii = normalizeMedia(raw)
    .replace(/\u066c/g, ',')
    .replace(/\u066b/g, '.');
  // "3,500" / "3.500.000": groups of exactly three digits after each separator are thousands
  const thousands = /^\d{1,3}([,.]\d{3})+$/;
  if (
    thousands.test(ascii) &&
    !(ascii.includes('.') && ascii.includes(',')) &&
    !/^\d{1,3}\.\d{3}$/.test(ascii)
  )
    return ascii.replace(/[,.]/g, '');
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(ascii)) return ascii.replace(/,/g, '');
  return ascii.replace(/,/g, '.');
}

/**
 * Splits text into words, numbers and punctuation. A proclitic written against digits ("بـ180", "و200") becomes
 * its own word token; '_' (hashtags such as #ريف_دير_الزور) separates words like a space.
 */
export function tokenizeMedia(text: string): MediaToken[] {
  const tokens: MediaToken[] = [];
  const n = text.length;
  let i = 0;
  let spaceBefore = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      spaceBefore = true;
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isDigit(d)) i++;
        else if (
          (d === 44 || d === 46 || d === 0x066b || d === 0x066c) &&
          i + 1 < n &&
          isDigit(text.charCodeAt(i + 1))
        )
          i++;
        else break;
      }
      const raw = text.slice(start, i);
      const norm = numberNorm(raw);
      tokens.push({ text: raw, norm, kind: 'number', start, end: i, spaceBefore, forms: [norm] });
    } else if (isWordChar(c) || c === 0x0640) {
      i++;
      while (i < n && (isWordChar(text.charCodeAt(i)) || text.charCodeAt(i) === 0x0640)) i++;
      // a trailing apostrophe is a closing quote, not part of the word
      while (i - 1 > start && (text.charCodeAt(i - 1) === 39 || text.charCodeAt(i - 1) === 0x2019)) i--;
      const raw = text.slice(start, i);
      const norm = normalizeMedia(raw);
      tokens.push({
        text: raw,
        norm,
        kind: 'word',
        start,
        end: i,
        spaceBefore,
        forms: procliticVariants(norm),
      });
    } else {
      i++;
      const raw = text.slice(start, i);
      const norm = raw === '\u066a' ? '%' : raw;
      tokens.push({ text: raw, norm, kind: 'punct', start, end: i, spaceBefore, forms: [norm] });
    }
    spaceBefore = false;
  }
  return tokens;
}
