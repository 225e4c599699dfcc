/**
 * Names that hold other names: list publishers write a name with a parenthesised part, in another script
 * ("Ibrahim Hassan Tali Asiri (إبراهيم حسن طالع عسيري)", "حاجى مالك نورزى (Hajji Malik Noorzai; Haji Malek
 * Noorzai)"). Scored whole, such a name has twice the words of either of its names and meets neither; so it
 * is also read as the name outside the brackets and as each name inside them.
 */
import { hasArabicScript } from './normalize.ts';

const BRACKETED = /^([^()]*)\(([^()]*)\)([^()]*)$/;

/**
 * One slash between two names ("Al-Qa'ida/Islamic Army"): each side at least four letters, and a word of two
 * letters or more on each side of the slash, so that legal forms (A/S, S/A) and abbreviations (c/o) stay as
 * they are.
 */
const SLASHED = /^([^/]*\p{L}[^/]*)\/([^/]*\p{L}[^/]*)$/u;

/** "born" followed by in, on or a day or year: a remark, not a name (Max Born keeps his surname). */
const BORN_REMARK = /^(.*\p{L})[\s,;]+born\s+(?:in\b|on\b|\d)/u;

function letters(s: string): number {
  return (s.match(/\p{L}/gu) ?? []).length;
}

/**
 * Names a publisher wrote into one field, separated by semicolons ("Fazel Rahim; Fazil Rahim", "Abdul Rehman; Abd
 * Ur-Rehman; Abdur Rahman", as inside the brackets above): each of them, when every part has two letters or more.
 */
function semicolonNames(text: string): string[] {
  const parts = text.split(';').map((p) => p.trim());
  return parts.length > 1 && parts.every((p) => letters(p) >= 2) ? parts : [];
}

/**
 * The name as written, then the names it holds (none when it has no single bracketed part, no single slash
 * between two names and no semicolon between names).
 */
export function nameVariants(text: string): readonly string[] {
  // a remark on birth the publisher wrote after the name ("Mohammad Ishaq Akhund born in 1963", "…, born 1 Jan.
  // 1953 (Oman passport …)"): the name before it, then whatever that name holds
  const born = text.includes('born') ? BORN_REMARK.exec(text) : null;
  if (born?.[1]) return [text, ...nameVariants(born[1].trim())];
  const m = BRACKETED.exec(text);
  if (!m && text.includes(';')) return [text, ...semicolonNames(text)];
  if (!m) {
    const s = text.includes('/') ? SLASHED.exec(text) : null;
    const a = s?.[1]?.trim() ?? '';
    const b = s?.[2]?.trim() ?? '';
    const words = /\p{L}{2}$/u.test(a) && /^\p{L}{2}/u.test(b);
    return words && letters(a) >= 4 && letters(b) >= 4 ? [text, a, b] : [text];
  }
  const outside = `${m[1] ?? ''} ${m[3] ?? ''}`.replace(/\s+/g, ' ').trim();
  const inside = (m[2] ?? '').trim();
  // a bracket in the same script is part of the name ("Bank of China (Hong Kong)" is not "Bank of China
  // (Singapore)"); only a bracket in another script holds other names
  if (outside.length === 0 || inside.length === 0 || hasArabicScript(inside) === hasArabicScript(outside)) {
    return [text];
  }
  const out = [text, outside];
  for (const part of inside.split(';')) {
    const p = part.trim();
    if (p.length > 0) out.push(p);
  }
  return out;
}
