import {
  ANONYMOUS_SOURCES,
  PREPOSITIONAL_CUES_AR,
  PREPOSITIONAL_CUES_EN,
  REPORTING_VERBS_AR,
  REPORTING_VERBS_EN,
} from './lexicon-attribution.ts';
import { normalizeMedia, procliticVariants } from './normalize.ts';
import { PhraseMatcher } from './phrase-matcher.ts';
import type { MediaSentence } from './sentences.ts';
import type { MediaToken } from './tokenize.ts';

interface Spanned {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Who said what: the cue («قال», «بحسب», "according to"), the source and the attributed statement. */
export interface Attribution {
  readonly cue: Spanned;
  /** The source as written; for a bare «وقال:» the source is carried over from the previous attribution. */
  readonly source: Spanned;
  /** The source was not in the cue's clause and was resolved to the most recent named source. */
  readonly sourceResolved: boolean;
  /** An unnamed source («مصدر مسؤول», "officials"). */
  readonly anonymous: boolean;
  /** The statement attributed: the rest of the sentence, or the quoted text. */
  readonly statement: Spanned;
  readonly sentence: number;
}

type CueKind = 'verb-ar' | 'prep-ar' | 'verb-en' | 'prep-en';

const CUES = new PhraseMatcher<CueKind>([
  ...REPORTING_VERBS_AR.map((v): [string, CueKind] => [v, 'verb-ar']),
  ...PREPOSITIONAL_CUES_AR.map((v): [string, CueKind] => [v, 'prep-ar']),
]);
const CUES_EN = new PhraseMatcher<CueKind>([
  ...REPORTING_VERBS_EN.map((v): [string, CueKind] => [v, 'verb-en']),
  ...PREPOSITIONAL_CUES_EN.map((v): [string, CueKind] => [v, 'prep-en']),
]);
const VERBS = new PhraseMatcher(REPORTING_VERBS_AR.map((v): [string, true] => [v, true]));
const ANON = new PhraseMatcher(ANONYMOUS_SOURCES.map((v): [string, true] => [v, true]));
/** Words that end a source: complementisers, prepositions of place and time, weekdays. */
const STOP = new Set(
  [
    'أن',
    'إن',
    'بأن',
    'ان',
    'بان',
    'إلى',
    'في',
    'على',
    'خلال',
    'ضد',
    'مع',
    'أمس',
    'اليوم',
    'الثلاثاء',
    'الأربعاء',
    'الخميس',
    'الجمعة',
    'السبت',
    'الأحد',
    'الاثنين',
    'يوم',
    'لـ',
    'عن',
    'الى',
    'انه',
    'انها',
    'أنه',
  ].map(normalizeMedia),
);
const STOP_EN = new Set([
  'that',
  'on',
  'in',
  'to',
  'at',
  'the',
  'this',
  'last',
  'yesterday',
  'reporters',
  'on',
]);
const DEFINITE = '\u0627\u0644';

function isPunct(t: MediaToken | undefined): boolean {
  return t === undefined || t.kind === 'punct';
}

function spanOf(text: string, tokens: readonly MediaToken[], first: number, last: number): Spanned {
  const start = tokens[first]?.start ?? 0;
  const end = tokens[last - 1]?.end ?? start;
  return { text: text.slice(start, end), start, end };
}

/**
 * The Arabic source after a cue: definite words continue a name (وزارة الخزانة الأمريكية), an indefinite word
 * after an indefinite one continues it (مصدر مسؤول، صحيفة وول ستريت جورنال), an indefinite word after a
 * definite one starts the clause (النيابة العامة | ضبط). "لل" (to the) and stop words end it.
 */
function arabicSource(tokens: readonly MediaToken[], i: number, end: number, prepositional: boolean): number {
  let j = i;
  let prevDefinite = false;
  while (j < end && j - i < 8) {
    const t = tokens[j];
    if (t === undefined) break;
    if (t.kind === 'punct') {
      if (prepositional && (t.text === '(' || t.text === ')') && j > i) {
        j++;
        continue;
      }
      break;
    }
    const afterIssued = t.norm === 'عن' && tokens[j - 1]?.norm === normalizeMedia('صادر');
    if (t.kind === 'number' || (STOP.has(t.norm) && !afterIssued)) break;
    if (j > i && (t.norm.startsWith('\u0644\u0644') || VERBS.matchAt(tokens, j) !== undefined)) break;
    const definite = t.norm.startsWith(DEFINITE);
    const joiner = t.norm === normalizeMedia('باسم') || t.norm === normalizeMedia('صادر') || t.norm === 'عن';
    if (j > i && !definite && prevDefinite && !joiner && !prepositional) break;
    if (j > i && !prepositional && t.norm.startsWith('\u0628') && !joiner) break;
    prevDefinite = definite || joiner;
    j++;
  }
  // a trailing ')' without '(' inside the source is not part of it
  while (j > i && tokens[j - 1]?.text === '(') j--;
  return j;
}

function statementAfter(
  text: string,
  tokens: readonly MediaToken[],
  from: number,
  s: MediaSentence,
): Spanned {
  let k = from;
  while (k < tokens.length && (tokens[k]?.start ?? 0) < s.end && isPunct(tokens[k])) k++;
  const start = Math.min(tokens[k]?.start ?? s.end, s.end);
  const body = text.slice(start, s.end);
  return {
    text: body.replace(/[\s"'“”«».,،]+$/, ''),
    start,
    end: start + body.replace(/[\s"'“”«».,،]+$/, '').length,
  };
}

/**
 * Finds attributions in each sentence: Arabic reporting verbs (قال، كشفت، أوضح…) with the source after them,
 * prepositional cues (بحسب، وفقاً لـ، نقلاً عن) and English "X said" / "according to X". A cue with no source in
 * its clause («وقال:») is attributed to the latest named source, as news text does.
 */
export function extractAttributions(
  text: string,
  tokens: readonly MediaToken[],
  sentences: readonly MediaSentence[],
): Attribution[] {
  const out: Attribution[] = [];
  let lastNamed: Spanned | undefined;
  let t0 = 0;
  for (const s of sentences) {
    while (t0 < tokens.length && (tokens[t0]?.start ?? 0) < s.start) t0++;
    let t1 = t0;
    while (t1 < tokens.length && (tokens[t1]?.end ?? 0) <= s.end) t1++;
    for (let i = t0; i < t1; i++) {
      const tok = tokens[i];
      if (tok === undefined || tok.kind !== 'word') continue;
      const latin = /^[A-Za-z]/.test(tok.text);
      const hit = latin ? CUES_EN.matchAt(tokens, i, false) : CUES.matchAt(tokens, i);
      if (hit === undefined) continue;
      let cueLast = hit.last;
      let srcFirst = hit.last;
      let srcLast: number;
      if (hit.value === 'verb-en') {
        // "a FATF report said", "Prosecutors said": the source is the noun phrase before the verb
        let k = i;
        while (k > t0 && i - k < 6 && !isPunct(tokens[k - 1]) && !STOP_EN.has(tokens[k - 1]?.text ?? '')) k--;
        if (k > t0 && tokens[k - 1]?.text.toLowerCase() === 'the') k--;
        if (k === i) continue;
        srcFirst = k;
        srcLast = i;
      } else if (hit.value === 'prep-en') {
        srcLast = srcFirst;
        while (srcLast < t1 && srcLast - srcFirst < 8 && !isPunct(tokens[srcLast])) srcLast++;
        // "the U.S. Treasury": keep the full stops of initials
        while (
          tokens[srcLast]?.text === '.' &&
          /^[A-Z]$/.test(tokens[srcLast - 1]?.text ?? '') &&
          /^[A-Z]/.test(tokens[srcLast + 1]?.text ?? '')
        ) {
          srcLast += 2;
          while (srcLast < t1 && !isPunct(tokens[srcLast])) srcLast++;
        }
      } else {
        const prepositional = hit.value === 'prep-ar';
        // "وفقاً لبيان": the cue's "لـ" is glued to the source's first word
        // "بحسب ما ذكرت وكالات روسية", "حسبما أفادت": the verb belongs to the cue
        const verb = VERBS.matchAt(tokens, srcFirst);
        const ma = tokens[srcFirst]?.norm === 'ما' ? VERBS.matchAt(tokens, srcFirst + 1) : undefined;
        if (prepositional && (verb !== undefined || ma !== undefined)) {
          cueLast = (ma ?? verb)?.last ?? cueLast;
          srcFirst = cueLast;
        }
        srcLast = arabicSource(tokens, srcFirst, t1, prepositional && verb === undefined && ma === undefined);
      }
      let source: Spanned;
      let resolved = false;
      if (srcLast > srcFirst) {
        source = spanOf(text, tokens, srcFirst, srcLast);
        if (hit.value === 'prep-ar' && gluedLiAt(hit.phrase, tokens[srcFirst])) {
          source = { text: source.text.slice(1), start: source.start + 1, end: source.end };
        }
      } else if (lastNamed !== undefined) {
        source = lastNamed;
        resolved = true;
      } else continue;
      const anonymous = ANON.findAll(tokens, srcFirst, Math.max(srcFirst, srcLast)).length > 0 && !resolved;
      if (!resolved && !anonymous) lastNamed = source;
      const cueStart = tok.start + (hit.stripped > 0 ? 1 : 0);
      let cueEnd = tokens[cueLast - 1]?.end ?? tok.end;
      if (hit.value === 'prep-ar' && srcLast > srcFirst && gluedLiAt(hit.phrase, tokens[srcFirst]))
        cueEnd = source.start;
      let statement =
        hit.value === 'verb-en' || hit.value === 'prep-en'
          ? { text: s.text, start: s.start, end: s.end }
          : statementAfter(text, tokens, Math.max(srcLast, cueLast), s);
      if (statement.text === '') {
        // "…، بحسب ما ذكرت وكالات روسية.": the statement is what came before the cue
        const before = text.slice(s.start, cueStart).replace(/[\s,،]+$/, '');
        statement = { text: before, start: s.start, end: s.start + before.length };
      }
      out.push({
        cue: { text: text.slice(cueStart, cueEnd), start: cueStart, end: cueEnd },
        source,
        sourceResolved: resolved,
        anonymous,
        statement,
        sentence: s.index,
      });
      i = Math.max(i, srcLast - 1, cueLast - 1);
    }
    t0 = t1;
  }
  return out;
}

function gluedLiAt(phrase: string, tok: MediaToken | undefined): boolean {
  return /ل\u0640?$/.test(phrase) && tok?.norm.startsWith('\u0644') === true && tok.norm.length > 3;
}

/** The proclitic-free form of a cue word, for display ("وأوضح" → "أوضح"). */
export function cueLemma(cue: string): string {
  const n = normalizeMedia(cue);
  return procliticVariants(n).at(-1) ?? n;
}
