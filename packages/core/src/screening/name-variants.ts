/**
 * Names that hold other names: list publishers write a name with a parenthesised part, in another script
 * ("Ibrahim Hassan Tali Asiri (إبراهيم حسن طالع عسيري)", "حاجى مالك نورزى (Hajji Malik Noorzai; Haji Malek
 * Noorzai)"). Scored whole, such a name has twice the words of either of its names and meets neither; so it
 * is also read as the name outside the brackets and as each name inside them.
 */
import { hasArabicScript } from './normalize.ts';

const BRACKETED = /^([^()]*)\(([^()]*)\)([^()]*)$/;

/** The name as written, then the names it holds (none when it has no single bracketed part). */
export function nameVariants(text: string): readonly string[] {
  const m = BRACKETED.exec(text);
  if (!m) return [text];
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
