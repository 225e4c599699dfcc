/**
 * Arabic normalisation for matching media text against lexicons. It works per token, so spans always refer
 * to the original text: the normalised form is only a lookup key.
 *
 * Folds what news spelling varies on (hamza seats, taa marbuta, alef maqsura, diacritics, tatweel) and maps
 * Arabic-Indic and Persian digits to ASCII. Latin letters are lower-cased.
 */
export function normalizeMedia(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // diacritics (fathatan … sukun, extended marks), superscript alef, tatweel, bidi marks, zero-width joiners
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) continue;
    if (c === 0x200e || c === 0x200f || c === 0x200c || c === 0x200d || c === 0xfeff) continue;
    if (c === 0x0623 || c === 0x0625 || c === 0x0622 || c === 0x0671) out += '\u0627';
    else if (c === 0x0629) out += '\u0647';
    else if (c === 0x0649) out += '\u064a';
    else if (c === 0x0624) out += '\u0648';
    else if (c === 0x0626) out += '\u064a';
    else if (c >= 0x0660 && c <= 0x0669) out += String.fromCharCode(c - 0x0660 + 48);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String.fromCharCode(c - 0x06f0 + 48);
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else out += text[i];
  }
  return out;
}

/** True for a code unit in the Arabic block (letters, marks, digits). */
export function isArabicChar(c: number): boolean {
  return (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdff);
}

/** Single-letter proclitics that attach to the next word (wa-, fa-, bi-, li-, ka-). */
const PROCLITICS = ['\u0648', '\u0641', '\u0628', '\u0644', '\u0643'];

/**
 * Forms of a normalised Arabic word with up to two proclitics removed ("وبالدولار" → "بالدولار", "بالدولار",
 * "الدولار"), the word itself first. A proclitic is only removed when at least two letters remain.
 */
export function procliticVariants(norm: string): string[] {
  const out = [norm];
  let w = norm;
  for (let k = 0; k < 2; k++) {
    const first = w[0];
    if (first === undefined || !PROCLITICS.includes(first) || w.length < 3) break;
    w = w.slice(1);
    out.push(w);
    // li- + al- contracts to "لل"; restore the article so "للدينار" also yields "الدينار"
    if (first === '\u0644' && w[0] === '\u0644') {
      out.push(`\u0627${w}`);
      break;
    }
  }
  return out;
}

/** Removes the definite article from a normalised word ("الدولار" → "دولار"); unchanged if none. */
export function stripMediaArticle(norm: string): string {
  return norm.startsWith('\u0627\u0644') && norm.length > 3 ? norm.slice(2) : norm;
}
