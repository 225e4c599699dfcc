import { PhraseMatcher } from './phrase-matcher.ts';
import type { RiskFinding } from './risk.ts';
import type { MediaToken } from './tokenize.ts';

/** Is the article adverse media (reports wrongdoing: crime, sanctions, enforcement) and how strongly. */
export interface AdverseVerdict {
  readonly adverse: boolean;
  /** Sum of weighted cue counts (log-damped); compared with {@link ADVERSE_THRESHOLD}. */
  readonly score: number;
  /** The strongest cues, for the analyst. */
  readonly cues: readonly string[];
}

/**
 * Hand-weighted cues of wrongdoing and legal process, in English and Arabic. Written from the FATF designated
 * categories and legal vocabulary, not learned from any labelled set (the English evaluation set is
 * evaluation-only, see docs/media.md).
 */
const CUES: ReadonlyArray<readonly [string, number]> = [
  // legal process
  ['charged', 2],
  ['indicted', 3],
  ['indictment', 3],
  ['convicted', 3],
  ['sentenced', 3],
  ['pleaded guilty', 3],
  ['guilty', 2],
  ['arrested', 2],
  ['arrest', 1.5],
  ['prosecutors', 2],
  ['prosecution', 1.5],
  ['prosecuted', 2],
  ['jailed', 3],
  ['prison', 2],
  ['detained', 1.5],
  ['extradited', 2],
  ['accused', 2],
  ['alleged', 1.5],
  ['allegedly', 1.5],
  ['allegations', 1.5],
  ['investigation', 1],
  ['investigators', 1.5],
  ['probe', 1],
  ['lawsuit', 1],
  ['sued', 1],
  ['court', 0.5],
  ['trial', 1],
  ['judge', 0.5],
  ['raid', 1],
  ['raided', 1.5],
  ['seized', 1],
  ['confiscated', 1.5],
  ['fined', 2],
  ['penalty', 1],
  ['settlement', 0.5],
  ['wanted', 1],
  ['fugitive', 2],
  ['charges', 1.5],
  ['criminal', 1.5],
  ['crime', 1],
  ['crimes', 1],
  ['illegal', 1.5],
  ['illegally', 1.5],
  ['illicit', 2],
  ['scandal', 1.5],
  ['suspect', 1.5],
  ['suspected', 1.5],
  ['police', 0.5],
  ['FBI', 1],
  ['SEC', 0.5],
  ['Justice Department', 1],
  ['Department of Justice', 1],
  ['whistleblower', 1],
  // offences
  ['fraud', 3],
  ['fraudulent', 2],
  ['scam', 2],
  ['money laundering', 4],
  ['laundering', 3],
  ['laundered', 3],
  ['bribery', 3],
  ['bribe', 3],
  ['bribes', 3],
  ['kickbacks', 3],
  ['corruption', 3],
  ['corrupt', 2],
  ['embezzlement', 3],
  ['embezzled', 3],
  ['misappropriation', 2],
  ['tax evasion', 3],
  ['evasion', 1.5],
  ['terrorist', 2],
  ['terrorism', 2],
  ['terror', 1],
  ['sanctions', 1],
  ['trafficking', 2.5],
  ['smuggling', 2.5],
  ['smuggled', 2],
  ['drug', 1],
  ['cartel', 2],
  ['ponzi', 3],
  ['insider trading', 3],
  ['manipulation', 1.5],
  ['forgery', 2],
  ['forged', 2],
  ['theft', 2],
  ['stole', 2],
  ['stolen', 1.5],
  ['extortion', 3],
  ['racketeering', 3],
  ['conspiracy', 2],
  ['murder', 1.5],
  ['cybercrime', 2],
  ['hacking', 1],
  ['ransomware', 2],
  ['misconduct', 1.5],
  ['wrongdoing', 1.5],
  ['violation', 1],
  ['violations', 1],
  ['offshore', 0.5],
  ['shell companies', 2],
  ['Panama Papers', 1.5],
  ['Paradise Papers', 1.5],
  ['concealed', 1],
  ['cover-up', 1.5],
  ['abuse', 0.5],
  // designations and listings (sanctions-list profile pages are adverse)
  ['designates', 3],
  ['designated', 2],
  ['designation', 2],
  ['Specially Designated', 3],
  ['SDGT', 3],
  ['sanctioned', 2],
  ['blacklist', 2],
  ['Black List', 2],
  ['al-Qaida', 2],
  ['Al Qaida', 2],
  ['al-Qaeda', 2],
  ['ISIL', 2],
  ['ISIS', 2],
  ['Taliban', 1.5],
  ['Hizballah', 2],
  ['war crimes', 3],
  ['financier', 2],
  ['facilitator', 1.5],
  ['accuses', 2],
  ['charges', 1.5],
  ['fine', 1],
  ['inquiry', 1.5],
  ['parole', 2],
  ['listed', 1],
  ['listings', 2],
  ['asset freeze', 3],
  ['freeze', 1.5],
  ['travel ban', 2],
  ['arms embargo', 2],
  ['blacklists', 3],
  ['blacklisted', 3],
  ['banned', 1.5],
  ['adds names', 3],
  ['sanctions list', 2],
  ['Sanctions Committee', 2],
  ['to pay', 1],
  ['scrutiny', 1.5],
  ['indictment', 3],
  ['pleads guilty', 3],
  ['jail', 2],
  ['fake', 1.5],
  ['sexual misconduct', 2],
  ['punishes', 2],
  ['punished', 2],
  ['lapses', 1.5],
  ['failings', 1.5],
  ['urged to quit', 2],
  ['resign', 1],
  ['exposed', 1],
  ['fraudster', 3],
  ['scams', 2],
  ['interrogate', 2],
  ['interrogated', 2],
  // Arabic
  ['داعش', 2],
  ['التنظيم الإرهابي', 3],
  ['تنظيم إرهابي', 3],
  ['منظمة إرهابية', 3],
  ['تمويل', 1],
  ['مهربين', 2],
  ['ضبط', 1.5],
  ['عصابة', 2],
  ['اتهام', 2],
  ['متهم', 2],
  ['اعتقال', 2],
  ['القبض', 2],
  ['إدانة', 3],
  ['أدين', 3],
  ['بالسجن', 3],
  ['السجن', 2],
  ['غسل الأموال', 4],
  ['غسيل الأموال', 4],
  ['تبييض', 3],
  ['احتيال', 3],
  ['رشوة', 3],
  ['فساد', 3],
  ['اختلاس', 3],
  ['تهريب', 2.5],
  ['إرهاب', 2],
  ['الإرهاب', 2],
  ['تمويل الإرهاب', 4],
  ['العقوبات', 1],
  ['مخدرات', 1.5],
  ['المخدرات', 1.5],
  ['تزوير', 2],
  ['جريمة', 1.5],
  ['التحقيق', 1],
  ['النيابة', 1.5],
  ['مصادرة', 1.5],
  ['تجميد', 1.5],
];

const MATCHER = new PhraseMatcher(CUES.map(([p, w]): [string, number] => [p, w]));

/**
 * Words that make a cue topical rather than an accusation: "the fight against corruption", "anti-money
 * laundering rules", "how to prevent fraud". A cue within three words after one of them does not count.
 */
const TOPICAL = new Set([
  'anti',
  'fight',
  'fighting',
  'combat',
  'combating',
  'combatting',
  'counter',
  'countering',
  'prevent',
  'preventing',
  'prevention',
  'tackle',
  'tackling',

  'detect',
  'detecting',
  'detection',
  'avoid',
  'protect',
  'reduce',

  'mitigate',
  'awareness',
  'مكافحة',
  'لمكافحة',
  'ومكافحة',
]);
const TITLE_FACTOR = 3;
/**
 * A title about policy, prevention or detection ("Stronger Hate Crime Law", "fraud detection engine",
 * "committed to fighting money laundering") marks a topical article: its cue sum is halved.
 */
const TOPICAL_TITLE = new Set([
  ...TOPICAL,
  'law',
  'laws',
  'legislation',
  'bill',
  'rules',
  'regulations',
  'tightening',
  'engine',
  'warns',
  'lauds',
  'tips',
  'how',
  'committed',
  'measures',
  'war',
  'statistics',
  'needed',
  'strategy',
  'policy',
  'reform',
  'task',
  'force',
  'campaign',
  'conference',
  'report',
  'study',
]);
const TOPICAL_FACTOR = 0.5;
/** Article length at which cue sums are compared as they are; longer articles are damped by sqrt(length). */
const REFERENCE_WORDS = 300;

/** Score at or above which an article counts as adverse. */
export const ADVERSE_THRESHOLD = 16;

/**
 * Scores an article for adverse media from weighted cue counts (each cue's contribution grows with the log of
 * its count, so one word repeated does not decide) plus its risk findings. Language-independent lexicon.
 */
/** Cues of legal action against someone: next to a named person or organisation they make the article about them. */
const ACTION_CUES = new Set(
  [
    'charged',
    'indicted',
    'convicted',
    'sentenced',
    'pleaded guilty',
    'pleads guilty',
    'guilty',
    'arrested',
    'jailed',
    'accused',
    'accuses',
    'alleged',
    'allegedly',
    'fined',
    'sued',
    'extradited',
    'detained',
    'banned',
    'sanctioned',
    'blacklisted',
    'blacklists',
    'designated',
    'designates',
    'charges',
    'prosecuted',
    'indictment',
    'raided',
    'متهم',
    'اتهام',
    'اعتقال',
    'القبض',
    'أدين',
    'بالسجن',
  ].map((c) => c.toLowerCase()),
);
const NAMED_ACTION_WEIGHT = 3;
const NAMED_ACTION_MAX = 5;
const TITLE_SUBJECT_WEIGHT = 4;

/** Where the named persons and organisations are, and the sentence spans, for the named-action feature. */
export interface AdverseContext {
  readonly titleEnd: number;
  readonly sentences: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  readonly names: ReadonlyArray<{ readonly start: number }>;
}

export function classifyAdverse(
  tokens: readonly MediaToken[],
  risks: readonly RiskFinding[],
  context: AdverseContext = { titleEnd: 0, sentences: [], names: [] },
): AdverseVerdict {
  const titleEnd = context.titleEnd;
  const actionSentences = new Set<number>();
  const counts = new Map<string, { n: number; w: number }>();
  let words = 0;
  for (const t of tokens) if (t.kind === 'word') words++;
  for (const h of MATCHER.findAll(tokens)) {
    let topical = false;
    for (let k = Math.max(0, h.first - 3); k < h.first; k++)
      if (TOPICAL.has(tokens[k]?.norm ?? '')) topical = true;
    if (topical) continue;
    const inTitle = (tokens[h.first]?.end ?? 0) <= titleEnd;
    if (ACTION_CUES.has(h.phrase.toLowerCase())) {
      const at = tokens[h.first]?.start ?? 0;
      const si = context.sentences.findIndex((x) => at >= x.start && at < x.end);
      const sentence = context.sentences[si];
      if (
        sentence !== undefined &&
        context.names.some((n) => n.start >= sentence.start && n.start < sentence.end)
      )
        actionSentences.add(si);
    }
    const c = counts.get(h.phrase) ?? { n: 0, w: h.value };
    c.n += inTitle ? TITLE_FACTOR : 1;
    counts.set(h.phrase, c);
  }
  let score = 0;
  const parts: Array<[string, number]> = [];
  for (const [p, { n, w }] of counts) {
    const s = w * (1 + Math.log(n));
    score += s;
    parts.push([p, s]);
  }
  // risk categories with evidence in several sentences add weight; a single passing mention adds little
  for (const r of risks) if (r.category !== 'regulatory') score += Math.min(3, r.evidence.length - 1);
  score *= Math.min(1, Math.sqrt(REFERENCE_WORDS / Math.max(1, words)));
  // an article that names someone next to a legal action is about them, however long it is
  score += NAMED_ACTION_WEIGHT * Math.min(NAMED_ACTION_MAX, actionSentences.size);
  // the title names someone and the article reports a legal action: the article is about that someone
  if (actionSentences.size > 0 && context.names.some((n) => n.start < titleEnd))
    score += TITLE_SUBJECT_WEIGHT;
  let topicalTitle = false;
  for (const t of tokens) {
    if (t.end > titleEnd) break;
    if (TOPICAL_TITLE.has(t.norm)) topicalTitle = true;
  }
  if (topicalTitle) score *= TOPICAL_FACTOR;
  parts.sort((a, b) => b[1] - a[1]);
  return {
    adverse: score >= ADVERSE_THRESHOLD,
    score: Math.round(score * 100) / 100,
    cues: parts.slice(0, 8).map(([p]) => p),
  };
}
