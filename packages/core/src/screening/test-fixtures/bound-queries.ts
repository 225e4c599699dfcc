/**
 * Queries made from list names for the retrieval bound's differential checks (retrieval-bound.test.ts and
 * scripts/screening-bound-check.ts): the shapes a screener meets in payments and forms — words joined, split,
 * hyphenated, dropped, added, reordered, respelt, cut short, reduced to initials — from a deterministic generator.
 */
import type { ListEntry } from '../list-entry.ts';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RESPELLINGS: readonly [RegExp, string][] = [
  [/ou/g, 'u'],
  [/u/g, 'ou'],
  [/ee/g, 'i'],
  [/i/g, 'ee'],
  [/kh/g, 'h'],
  [/j/g, 'dj'],
  [/y/g, 'i'],
  [/ch/g, 'tch'],
  [/c/g, 'k'],
  [/ph/g, 'f'],
  [/o/g, 'u'],
  [/e/g, 'a'],
  [/a/g, 'e'],
  [/([bcdfgklmnprst])\1/g, '$1'],
  [/([bdlmnrst])/, '$1$1'],
  [/v/g, 'w'],
  [/sh/g, 'ch'],
  [/q/g, 'k'],
  [/ts/g, 'c'],
];
const EXTRA_WORDS = [
  'Muhammad',
  'Ali',
  'Kim',
  'Lee',
  'Wang',
  'Ivanov',
  'Hassan',
  'Abdul',
  'Al',
  'bin',
  'Jose',
];

/** The words of a list name, with "SURNAME, Given" written as "Given Surname" half of the time. */
function wordsOf(text: string, r: () => number): string[] {
  const comma = text.indexOf(',');
  const t = comma > 0 && r() < 0.5 ? `${text.slice(comma + 1)} ${text.slice(0, comma)}` : text;
  return t
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

function mutate(words: string[], r: () => number): string {
  const w = [...words];
  const pick = (): number => Math.floor(r() * w.length);
  const kind = Math.floor(r() * 14);
  const i = pick();
  const word = w[i] as string;
  switch (kind) {
    case 0: // two words joined
      if (w.length >= 2) {
        const j = Math.min(i, w.length - 2);
        w.splice(j, 2, `${w[j]}${(w[j + 1] as string).toLowerCase()}`);
      }
      break;
    case 1: // a word split
      if (word.length >= 5) {
        const at = 2 + Math.floor(r() * (word.length - 3));
        w.splice(i, 1, word.slice(0, at), word.slice(at));
      }
      break;
    case 2: // two words hyphenated
      if (w.length >= 2) {
        const j = Math.min(i, w.length - 2);
        w.splice(j, 2, `${w[j]}-${w[j + 1]}`);
      }
      break;
    case 3: // a word dropped
      if (w.length >= 3) w.splice(i, 1);
      break;
    case 4: // a word added
      w.splice(
        Math.floor(r() * (w.length + 1)),
        0,
        EXTRA_WORDS[Math.floor(r() * EXTRA_WORDS.length)] as string,
      );
      break;
    case 5: // the last word first
      w.unshift(w.pop() as string);
      break;
    case 6: // two words swapped
      if (w.length >= 2) {
        const j = (i + 1) % w.length;
        w[i] = w[j] as string;
        w[j] = word;
      }
      break;
    case 7: // a respelling
    case 8: {
      const [re, to] = RESPELLINGS[Math.floor(r() * RESPELLINGS.length)] as [RegExp, string];
      w[i] = word.toLowerCase().replace(re, to);
      break;
    }
    case 9: // a typo: one letter changed or dropped
      if (word.length >= 4) {
        const at = 1 + Math.floor(r() * (word.length - 1));
        w[i] =
          r() < 0.5 ? word.slice(0, at) + word.slice(at + 1) : `${word.slice(0, at)}x${word.slice(at + 1)}`;
      }
      break;
    case 10: // a word cut short, with or without a full stop
      if (word.length >= 6) w[i] = `${word.slice(0, 4 + Math.floor(r() * 2))}${r() < 0.5 ? '.' : ''}`;
      break;
    case 11: // an initial
      if (w.length >= 2) w[i] = `${word.charAt(0)}.`;
      break;
    case 12: // a word glued to the next with its first letter doubled dropped, or all words joined
      if (w.length >= 2 && w.length <= 3) return w.join('');
      break;
    default: // as listed
      break;
  }
  return w.join(' ');
}

/**
 * `count` queries made from the names of `entries` (persons and organisations, every script), one or two
 * mutations each; the same arguments give the same queries.
 */
export function mutatedQueries(entries: readonly ListEntry[], count: number, seed: number): string[] {
  const r = random(seed);
  const names = entries.flatMap((e) => e.names.map((n) => n.text)).filter((t) => t.trim().length > 0);
  const out: string[] = [];
  for (let k = 0; k < count && names.length > 0; k++) {
    const text = names[Math.floor(r() * names.length)] as string;
    let q = mutate(wordsOf(text, r), r);
    if (r() < 0.3) q = mutate(q.split(' '), r);
    out.push(q);
  }
  return out;
}
