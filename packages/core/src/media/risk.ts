import { LEGAL_STAGE_CUES, type LegalStage, RISK_KEYWORDS, type RiskCategory } from './lexicon-risk.ts';
import { SCHEME_RULES, type SchemeRule } from './lexicon-schemes.ts';
import { COMMODITIES } from './lexicon-units.ts';
import { PhraseMatcher } from './phrase-matcher.ts';
import type { MediaSentence } from './sentences.ts';
import type { MediaToken } from './tokenize.ts';

/** One sentence that supports a risk category, with the cue phrases found in it. */
export interface RiskEvidence {
  readonly sentence: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly cues: readonly string[];
  readonly stage: LegalStage;
}

/** A FATF-aligned risk category of an article with its evidence sentences and the furthest legal stage. */
export interface RiskFinding {
  readonly category: RiskCategory;
  /** Smuggled goods for smuggling / trafficking (antiquities, drugs, oil…). */
  readonly subjects: readonly string[];
  readonly stage: LegalStage;
  readonly evidence: readonly RiskEvidence[];
}

/** A financing scheme named in the article (funds moved abroad, oil sales…). */
export interface SchemeFinding {
  readonly id: string;
  readonly en: string;
  readonly ar: string;
  readonly category: RiskCategory;
  readonly subject?: string;
  readonly evidence: readonly RiskEvidence[];
}

/** A keyword may support several categories (اختلاس: fraud and corruption). */
const KEYWORDS = (() => {
  const byPhrase = new Map<string, RiskCategory[]>();
  for (const [cat, k] of Object.entries(RISK_KEYWORDS))
    for (const p of [...k.ar, ...k.en]) byPhrase.set(p, [...(byPhrase.get(p) ?? []), cat as RiskCategory]);
  return new PhraseMatcher([...byPhrase.entries()], { ignoreArticle: true });
})();
const STAGES = new PhraseMatcher<LegalStage>(
  Object.entries(LEGAL_STAGE_CUES).flatMap(([st, list]) =>
    list.map((p): [string, LegalStage] => [p, st as LegalStage]),
  ),
);
const SUBJECTS = new PhraseMatcher(
  [
    ...Object.entries(COMMODITIES).flatMap(([c, list]) => list.map((p): [string, string] => [p, c])),
    ['القطع الأثرية', 'antiquities'],
    ['قطع أثرية', 'antiquities'],
  ] as Array<[string, string]>,
  { ignoreArticle: true },
);
/** All scheme phrases in one matcher; each phrase knows the (rule, group) pairs it belongs to. */
const SCHEME_PHRASES = (() => {
  const byPhrase = new Map<string, Array<readonly [number, number]>>();
  SCHEME_RULES.forEach((r, ri) => {
    r.allOf.forEach((g, gi) => {
      for (const p of g) {
        const list = byPhrase.get(p) ?? [];
        list.push([ri, gi]);
        byPhrase.set(p, list);
      }
    });
  });
  return new PhraseMatcher([...byPhrase.entries()]);
})();
/** "لمكافحة غسل الأموال", "anti-money laundering": the keyword names the fight against the crime, not a crime. */
const TOPICAL = new Set([
  'مكافحه',
  'لمكافحه',
  'ومكافحه',
  'anti',
  'combat',
  'combating',
  'counter',
  'countering',
  'against',
]);
const STAGE_ORDER: Readonly<Record<LegalStage, number>> = {
  alleged: 0,
  charged: 1,
  convicted: 2,
  acquitted: 3,
};

function sentenceTokens(tokens: readonly MediaToken[], s: MediaSentence, from: number): [number, number] {
  let a = from;
  while (a < tokens.length && (tokens[a]?.start ?? 0) < s.start) a++;
  let b = a;
  while (b < tokens.length && (tokens[b]?.end ?? 0) <= s.end) b++;
  return [a, b];
}

/**
 * Reads risk categories (keyword evidence per sentence, FATF designated categories), the legal stage of each
 * evidence sentence (alleged → charged → convicted, or acquitted) and named financing schemes.
 */
export function extractRisk(
  tokens: readonly MediaToken[],
  sentences: readonly MediaSentence[],
): { readonly risks: RiskFinding[]; readonly schemes: SchemeFinding[] } {
  const byCat = new Map<RiskCategory, { evidence: RiskEvidence[]; subjects: Set<string> }>();
  const schemes = new Map<string, SchemeFinding & { evidence: RiskEvidence[] }>();
  let from = 0;
  for (const s of sentences) {
    const [a, b] = sentenceTokens(tokens, s, from);
    from = b;
    const stageHits = STAGES.findAll(tokens, a, b);
    let stage: LegalStage = 'alleged';
    for (const h of stageHits) if (STAGE_ORDER[h.value] > STAGE_ORDER[stage]) stage = h.value;
    const subjects = new Set(SUBJECTS.findAll(tokens, a, b).map((h) => h.value));
    const cuesByCat = new Map<RiskCategory, string[]>();
    for (const h of KEYWORDS.findAll(tokens, a, b)) {
      const before = [tokens[h.first - 1]?.norm, tokens[h.first - 2]?.norm];
      if (before.some((w) => w !== undefined && TOPICAL.has(w))) continue;
      for (const cat of h.value) {
        const list = cuesByCat.get(cat) ?? [];
        list.push(h.phrase);
        cuesByCat.set(cat, list);
      }
    }
    const base = { sentence: s.index, text: s.text, start: s.start, end: s.end };
    // first cue found for each (rule, group) in this sentence
    const groupCue = new Map<number, string>();
    for (const h of SCHEME_PHRASES.findAll(tokens, a, b))
      for (const [ri, gi] of h.value) if (!groupCue.has(ri * 16 + gi)) groupCue.set(ri * 16 + gi, h.phrase);
    SCHEME_RULES.forEach((rule: SchemeRule, r) => {
      const cues: string[] = [];
      for (let g = 0; g < rule.allOf.length; g++) {
        const cue = groupCue.get(r * 16 + g);
        if (cue === undefined) return;
        cues.push(cue);
      }
      const found = schemes.get(rule.id) ?? {
        id: rule.id,
        en: rule.en,
        ar: rule.ar,
        category: rule.category,
        ...(rule.subject === undefined ? {} : { subject: rule.subject }),
        evidence: [],
      };
      found.evidence.push({ ...base, cues, stage });
      schemes.set(rule.id, found);
      const list = cuesByCat.get(rule.category) ?? [];
      list.push(...cues);
      cuesByCat.set(rule.category, list);
      if (rule.subject !== undefined) subjects.add(rule.subject);
    });
    for (const [cat, cues] of cuesByCat) {
      const entry = byCat.get(cat) ?? { evidence: [], subjects: new Set<string>() };
      entry.evidence.push({ ...base, cues: [...new Set(cues)], stage });
      if (cat === 'smuggling') for (const x of subjects) entry.subjects.add(x);
      byCat.set(cat, entry);
    }
  }
  const risks: RiskFinding[] = [];
  for (const [category, { evidence, subjects }] of byCat) {
    let stage: LegalStage = 'alleged';
    for (const e of evidence) if (STAGE_ORDER[e.stage] > STAGE_ORDER[stage]) stage = e.stage;
    risks.push({ category, subjects: [...subjects].sort(), stage, evidence });
  }
  risks.sort((x, y) => y.evidence.length - x.evidence.length || x.category.localeCompare(y.category));
  return { risks, schemes: [...schemes.values()] };
}
