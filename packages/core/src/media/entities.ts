import { CURATED_ALIASES } from '../screening/curated-aliases.ts';
import { GAZETTEER_ROWS } from './gazetteer-data.ts';
import { REPORTING_VERBS_AR } from './lexicon-attribution.ts';
import { FRACTION_WORDS, HUNDRED_WORDS, SCALE_WORDS, TEN_WORDS, UNIT_WORDS } from './lexicon-numbers.ts';
import { ORG_HEADS_AR, ORG_LEXICON, ORG_SUFFIXES_EN } from './lexicon-orgs.ts';
import {
  GIVEN_NAMES_AR,
  NAME_PARTICLES_AR,
  NON_NAME_WORDS_AR,
  NON_NAME_WORDS_EN,
  TITLES_AR,
  TITLES_EN,
} from './lexicon-persons.ts';
import { COMPASS, COUNTRYSIDE_HEAD, FACILITIES, FACILITY_HEADS } from './lexicon-places.ts';
import { normalizeMedia, procliticVariants } from './normalize.ts';
import { PhraseMatcher } from './phrase-matcher.ts';
import type { MediaToken } from './tokenize.ts';

export const MEDIA_ENTITY_TYPES = ['person', 'organisation', 'place'] as const;
export type MediaEntityType = (typeof MEDIA_ENTITY_TYPES)[number];

/** A reference from an entity to a list entry, with how sure the link is (0–1). */
export interface ListLink {
  readonly list: string;
  readonly refId: string;
  readonly name?: string;
  readonly confidence: number;
  /** How the link was made: raqib's curated alias table, or name screening against a list index. */
  readonly via: 'curated-alias' | 'screening';
}

/** A named entity mention with its character span and normalised forms. */
export interface MediaEntity {
  readonly type: MediaEntityType;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Normalised spelling used for matching (Arabic folded, Latin lower-cased). */
  readonly normalized: string;
  /** Canonical English name when known (ISIL, FATF, Rome, eastern Deir ez-Zor countryside). */
  readonly canonical?: string;
  /** Place subtype (country, city, region, continent, facility) or organisation subtype (listed-group). */
  readonly subtype?: string;
  /** ISO 3166 alpha-2 country of a place. */
  readonly country?: string;
  /** Which rule found it: lexicon, gazetteer, title, given-name, apposition, coreference, capitalised. */
  readonly rule: string;
  readonly links?: readonly ListLink[];
}

interface OrgValue {
  readonly canonical: string;
  readonly subtype?: string;
  readonly links?: readonly ListLink[];
}
interface PlaceValue {
  readonly canonical: string;
  readonly subtype: string;
  readonly country?: string;
}

function groupCanonical(names: readonly string[], id: string): string {
  return names.find((n) => /^[A-Za-z]/.test(n)) ?? id;
}

const ORG_PHRASES: Array<[string, OrgValue]> = [];
for (const g of CURATED_ALIASES) {
  const links: ListLink[] = g.refs.map((r) => ({
    list: r.list,
    refId: r.refId,
    confidence: 0.95,
    via: 'curated-alias',
  }));
  const value: OrgValue = { canonical: groupCanonical(g.names, g.id), subtype: 'listed-group', links };
  for (const n of g.names) ORG_PHRASES.push([n, value]);
}
for (const o of ORG_LEXICON)
  for (const n of [...o.ar, ...o.en]) ORG_PHRASES.push([n, { canonical: o.canonical }]);
const ORGS = new PhraseMatcher(ORG_PHRASES, { caseSensitiveLatin: true });

const PLACE_PHRASES: Array<[string, PlaceValue]> = [];
for (const [en, type, ar, cc] of GAZETTEER_ROWS) {
  const v: PlaceValue = { canonical: en, subtype: type, ...(cc === '' ? {} : { country: cc }) };
  for (const n of ar) PLACE_PHRASES.push([n, v]);
  PLACE_PHRASES.push([en, v]);
}
const PLACES = new PhraseMatcher(PLACE_PHRASES, { caseSensitiveLatin: true });
const FACILITY = new PhraseMatcher(
  FACILITIES.flatMap((f) =>
    f.ar.map((a): [string, PlaceValue] => [a, { canonical: f.en, subtype: 'facility', country: f.cc }]),
  ),
);
const FACILITY_HEAD = new Set(FACILITY_HEADS.map(normalizeMedia));
const COUNTRYSIDE = normalizeMedia(COUNTRYSIDE_HEAD);
const COMPASS_N = new Map(Object.entries(COMPASS).map(([k, v]) => [normalizeMedia(k), v]));
const ORG_HEADS = new Set(ORG_HEADS_AR.map(normalizeMedia));
/** Heads that name a group or company directly by a following proper name. */
const NAMED_HEADS = new Set(
  ['حركة', 'حزب', 'جبهة', 'جماعة', 'شركة', 'مجموعة', 'وكالة', 'صحيفة', 'قناة', 'مصرف', 'بنك'].map(
    normalizeMedia,
  ),
);
const TITLES = new PhraseMatcher(TITLES_AR.map((t): [string, true] => [t, true]));
const TITLES_LATIN = new Set(TITLES_EN);
const GIVEN = new Set(GIVEN_NAMES_AR.map(normalizeMedia));
const SPEECH_OPENERS = new Set(['ان', 'بان', 'في'].map(normalizeMedia));
const TITLE_WORDS = new Set(TITLES_AR.filter((t) => !t.includes(' ')).map(normalizeMedia));
const PARTICLES = new Set(NAME_PARTICLES_AR.map(normalizeMedia));
const NON_NAME = new Set(
  [
    ...NON_NAME_WORDS_AR,
    ...Object.keys(UNIT_WORDS),
    ...Object.keys(TEN_WORDS),
    ...Object.keys(HUNDRED_WORDS),
    ...Object.keys(FRACTION_WORDS),
    ...SCALE_WORDS.flatMap((s) => [...s.singular, ...s.dual, ...s.plural]),
  ].map(normalizeMedia),
);
/** Prepositions that end in alef maqsura fold onto names under normalisation (على → علي): check the raw text. */
const MAQSURA_WORDS = /^[\u0648\u0641]?(على|إلى|الى|حتى|لدى|سوى|متى|مدى)$/;
const NON_NAME_EN = new Set(NON_NAME_WORDS_EN);
const VERBS = new Set(REPORTING_VERBS_AR.map(normalizeMedia));
const ORG_SUFFIX = new Set(ORG_SUFFIXES_EN);

function isArabicWord(t: MediaToken | undefined): t is MediaToken {
  return t !== undefined && t.kind === 'word' && /[\u0621-\u064a]/.test(t.text);
}

function isVerb(t: MediaToken): boolean {
  return t.forms.some((v) => VERBS.has(v));
}

/** Could this token be part of an Arabic personal name? */
function nameToken(t: MediaToken | undefined): boolean {
  // two-letter words are mostly particles and short verbs (فر، قد); two-letter names (جو) are in GIVEN
  if (!isArabicWord(t) || (t.norm.length < 3 && !GIVEN.has(t.norm))) return false;
  if (
    t.forms.some((f) => NON_NAME.has(f)) ||
    isVerb(t) ||
    MAQSURA_WORDS.test(t.text) ||
    TITLE_WORDS.has(t.norm)
  )
    return false;
  // a verb with an object pronoun ("ساعده", "مولها"): names end in ة, rarely in a written ه / ها
  if (t.text.length >= 4 && /(?:[^\u0627]ه|ها|هم)$/.test(t.text.replace(/[\u064b-\u065f]/g, '')))
    return false;
  if (t.norm.startsWith('\u0627\u0644') && !t.norm.endsWith('\u064a')) return false; // definite, not a nisba
  return true;
}

/** The word after عبد / أبو / بن: a name, and for عبد also a definite divine name (عبد الرحمن، عبد الله). */
function particleObject(t: MediaToken | undefined): boolean {
  if (!isArabicWord(t) || NON_NAME.has(t.norm) || isVerb(t)) return false;
  return nameToken(t) || t.norm.startsWith('\u0627\u0644');
}

/** Offset in the raw token text after `letters` base letters (skipping their diacritics and tatweel). */
function rawOffset(text: string, letters: number): number {
  let i = 0;
  let n = 0;
  while (i < text.length && n < letters) {
    i++;
    n++;
    while (i < text.length && /[\u064b-\u065f\u0670\u0640]/.test(text[i] ?? '')) i++;
  }
  return i;
}

class Collector {
  readonly out: MediaEntity[] = [];
  readonly used: boolean[];
  readonly text: string;
  readonly tokens: readonly MediaToken[];
  constructor(text: string, tokens: readonly MediaToken[]) {
    this.text = text;
    this.tokens = tokens;
    this.used = new Array<boolean>(tokens.length).fill(false);
  }

  free(first: number, last: number): boolean {
    for (let k = first; k < last; k++) if (this.used[k]) return false;
    return true;
  }

  add(
    first: number,
    last: number,
    stripped: number,
    e: Omit<MediaEntity, 'text' | 'start' | 'end' | 'normalized'>,
  ): void {
    const ft = this.tokens[first];
    const lt = this.tokens[last - 1];
    if (ft === undefined || lt === undefined || !this.free(first, last)) return;
    const start = ft.start + rawOffset(ft.text, stripped);
    const text = this.text.slice(start, lt.end);
    for (let k = first; k < last; k++) this.used[k] = true;
    this.out.push({ ...e, text, start, end: lt.end, normalized: normalizeMedia(text) });
  }
}

function lexiconPass(c: Collector): void {
  const { tokens } = c;
  for (let i = 0; i < tokens.length; i++) {
    const org = ORGS.matchAt(tokens, i);
    const place = PLACES.matchAt(tokens, i);
    const orgLen = org === undefined ? 0 : org.last - org.first;
    const placeLen = place === undefined ? 0 : place.last - place.first;
    if (org !== undefined && orgLen >= placeLen) {
      const { canonical, subtype, links } = org.value;
      c.add(org.first, org.last, org.stripped, {
        type: 'organisation',
        canonical,
        ...(subtype === undefined ? {} : { subtype }),
        ...(links === undefined ? {} : { links }),
        rule: subtype === 'listed-group' ? 'curated-alias' : 'lexicon',
      });
      i = org.last - 1;
    } else if (place !== undefined) {
      addPlace(c, place.first, place.last, place.stripped, place.value);
      i = place.last - 1;
    }
  }
}

function addPlace(c: Collector, first: number, last: number, stripped: number, v: PlaceValue): void {
  const { tokens } = c;
  // "ريف دير الزور الشرقي": the countryside of a town, with an optional compass adjective
  const prev = tokens[first - 1];
  if (
    prev !== undefined &&
    stripped === 0 &&
    procliticVariants(prev.norm).includes(COUNTRYSIDE) &&
    c.free(first - 1, last)
  ) {
    const dir = COMPASS_N.get(tokens[last]?.norm ?? '');
    const end = dir === undefined ? last : last + 1;
    const head = procliticVariants(prev.norm).indexOf(COUNTRYSIDE);
    c.add(first - 1, end, prev.norm.length - (procliticVariants(prev.norm)[head]?.length ?? 0), {
      type: 'place',
      canonical: `${dir === undefined ? '' : `${dir} `}${v.canonical} countryside`,
      subtype: 'region',
      ...(v.country === undefined ? {} : { country: v.country }),
      rule: 'gazetteer',
    });
    return;
  }
  c.add(first, last, stripped, {
    type: 'place',
    canonical: v.canonical,
    subtype: v.subtype,
    ...(v.country === undefined ? {} : { country: v.country }),
    rule: 'gazetteer',
  });
}

/** حقل / حقلي X و Y: named oil and gas fields (known ones get their English name). */
function facilityPass(c: Collector): void {
  const { tokens } = c;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || !procliticVariants(t.norm).some((v) => FACILITY_HEAD.has(v))) continue;
    let j = i + 1;
    for (let n = 0; n < 3; n++) {
      const hit = FACILITY.matchAt(tokens, j);
      const tok = tokens[j];
      if (hit === undefined || tok === undefined) break;
      c.add(hit.first, hit.last, hit.stripped, {
        type: 'place',
        canonical: hit.value.canonical,
        subtype: 'facility',
        country: hit.value.country ?? '',
        rule: 'facility',
      });
      j = hit.last;
      if (!tokens[j]?.norm.startsWith('\u0648')) break;
    }
  }
}

/** وزارة المالية اللبنانية, البنك المركزي العراقي: an organisation head followed by definite words. */
function orgHeadPass(c: Collector): void {
  const { tokens } = c;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || c.used[i] || !procliticVariants(t.norm).some((v) => ORG_HEADS.has(v))) continue;
    let j = i + 1;
    // "شركة الصقر للصرافة": definite words, then trade words with li- + al- (للصرافة، للتجارة)
    while (j < tokens.length && j - i <= 4 && !c.used[j] && isArabicWord(tokens[j])) {
      const n = tokens[j]?.norm ?? '';
      if (n.startsWith('\u0627\u0644') || (j > i + 1 && n.startsWith('\u0644\u0644') && n.length > 4)) j++;
      else break;
    }
    // "حركة فتح", "شركة أرامكو": a named-group head followed by one name word
    if (
      j === i + 1 &&
      NAMED_HEADS.has(t.forms[t.forms.length - 1] ?? '') &&
      nameToken(tokens[j]) &&
      !c.used[j]
    ) {
      const nt = tokens[j + 1];
      if (nt === undefined || nt.kind === 'punct' || !nameToken(nt)) j++;
    }
    if (j === i + 1) continue;
    const head = procliticVariants(t.norm).find((v) => ORG_HEADS.has(v)) ?? t.norm;
    c.add(i, j, t.norm.length - head.length, { type: 'organisation', rule: 'org-head' });
    i = j - 1;
  }
}

function personSpan(c: Collector, first: number, rule: string, maxLen = 3): number {
  const j = nameRunEnd(c, first, first, maxLen);
  if (beforeDefiniteWord(c, j)) return j;
  if (j - first >= 2) c.add(first, j, 0, { type: 'person', rule });
  return j;
}

function personPass(c: Collector): void {
  const { tokens } = c;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || c.used[i] || !isArabicWord(t)) continue;
    // apposition: "دميتري فيوكتيستوف، نائب رئيس": up to three name tokens before a comma and a title
    if ((t.text === '،' || t.text === ',') && TITLES.matchAt(tokens, i + 1) !== undefined) continue;
    const title = TITLES.matchAt(tokens, i, false);
    if (title !== undefined) {
      let j = title.last;
      while (j < tokens.length && j - title.last < 3 && tokens[j]?.norm.startsWith('\u0627\u0644')) j++;
      if (nameToken(tokens[j]) && nameToken(tokens[j + 1])) personSpan(c, j, 'title');
      continue;
    }
    const given = MAQSURA_WORDS.test(t.text)
      ? undefined
      : procliticVariants(t.norm).find((v) => GIVEN.has(v));
    const next = tokens[i + 1];
    const nextIsParticle = next !== undefined && PARTICLES.has(next.norm) && particleObject(tokens[i + 2]);
    if (
      given !== undefined &&
      (nameToken(next) || nextIsParticle || (PARTICLES.has(given) && particleObject(next)))
    ) {
      const s = personSpanFrom(c, i, t.norm.length - given.length);
      if (s > i) i = s - 1;
    }
  }
  // "وقال محمد البرادعي إن …": two or three name words between a reporting verb and إن / أن / a colon
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || t.kind !== 'word' || !isVerb(t)) continue;
    let j = i + 1;
    while (j < tokens.length && j - i <= 3 && !c.used[j] && nameToken(tokens[j])) j++;
    const after = tokens[j];
    const opens =
      after !== undefined &&
      (SPEECH_OPENERS.has(after.norm) || after.text === ':' || after.text === '،' || after.text === ',');
    if (j - i >= 3 && opens) c.add(i + 1, j, 0, { type: 'person', rule: 'reporting-verb' });
  }
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (
      t === undefined ||
      (t.text !== '،' && t.text !== ',') ||
      TITLES.matchAt(tokens, i + 1, false) === undefined
    )
      continue;
    let k = i;
    while (k > 0 && i - k < 3 && nameToken(tokens[k - 1]) && !c.used[k - 1]) k--;
    if (i - k >= 2) c.add(k, i, 0, { type: 'person', rule: 'apposition' });
  }
}

function personSpanFrom(c: Collector, i: number, stripped: number): number {
  const { tokens } = c;
  let j = i + 1;
  const head = tokens[i]?.forms.find((v) => PARTICLES.has(v));
  if (head !== undefined && particleObject(tokens[j])) j++;
  j = nameRunEnd(c, i, j, 4);
  if (beforeDefiniteWord(c, j)) return j;
  if (j - i >= 2) c.add(i, j, stripped, { type: 'person', rule: 'given-name' });
  return j;
}

/**
 * The end of a run of name tokens that started at `start`, read on from `j`, at most `maxLen` tokens from `start`:
 * a particle (bin, abu …) followed by its object is taken as a pair; a used token or a non-name ends the run.
 */
function nameRunEnd(c: Collector, start: number, j: number, maxLen: number): number {
  const { tokens } = c;
  let end = j;
  while (end < tokens.length && end - start < maxLen && !c.used[end]) {
    const t = tokens[end];
    if (t === undefined) break;
    if (PARTICLES.has(t.norm) && particleObject(tokens[end + 1])) {
      end += 2;
      continue;
    }
    if (!nameToken(t)) break;
    end++;
  }
  return end;
}

/** "رئيس قسم التحديات": a definite word right after means the run is a noun in construct, not a name. */
function beforeDefiniteWord(c: Collector, j: number): boolean {
  const after = c.tokens[j];
  return after !== undefined && isArabicWord(after) && after.norm.startsWith('\u0627\u0644');
}

/** English: runs of capitalised words, typed by lexicon, suffix or title. */
function latinPass(c: Collector): void {
  const { tokens } = c;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || c.used[i] || t.kind !== 'word' || !/^[A-Z][a-z'’-]+$|^[A-Z]{2,}$/.test(t.text))
      continue;
    if (NON_NAME_EN.has(t.text) || TITLES_LATIN.has(t.text)) continue;
    let j = i;
    while (j < tokens.length && j - i < 5 && !c.used[j]) {
      const w = tokens[j];
      if (
        w === undefined ||
        w.kind !== 'word' ||
        !/^[A-Z]/.test(w.text) ||
        (j > i && NON_NAME_EN.has(w.text))
      ) {
        // "Bank of England": a lower-case "of" inside an organisation name
        if (w?.text === 'of' && /^[A-Z]/.test(tokens[j + 1]?.text ?? '') && j > i) {
          j++;
          continue;
        }
        break;
      }
      j++;
    }
    if (tokens[j - 1]?.text === 'of') j--;
    const words = tokens.slice(i, j).map((w) => w.text);
    const prev = tokens[i - 1]?.text ?? '';
    const startOfSentence = i === 0 || /[.!?"“]/.test(prev);
    if (words.length >= 2 && words.some((w) => ORG_SUFFIX.has(w)))
      c.add(i, j, 0, { type: 'organisation', rule: 'capitalised' });
    else if (words.length >= 2 && words.length <= 3 && (!startOfSentence || TITLES_LATIN.has(prev)))
      c.add(i, j, 0, { type: 'person', rule: TITLES_LATIN.has(prev) ? 'title' : 'capitalised' });
    else if (
      words.length >= 2 &&
      words.length <= 3 &&
      startOfSentence &&
      /^(said|told|says)$/.test(tokens[j]?.text ?? '')
    )
      c.add(i, j, 0, { type: 'person', rule: 'capitalised' });
    i = Math.max(i, j - 1);
  }
}

/** Later mentions of a person's family name alone ("فيوكتيستوف") refer to the person found earlier. */
function coreferencePass(c: Collector): void {
  const surnames = new Map<string, MediaEntity>();
  for (const e of c.out) {
    if (e.type !== 'person') continue;
    const parts = e.normalized.split(/\s+/);
    const last = parts[parts.length - 1];
    if (last !== undefined && last.length >= 4) surnames.set(last, e);
  }
  if (surnames.size === 0) return;
  const { tokens } = c;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || c.used[i] || t.kind !== 'word') continue;
    for (const v of procliticVariants(t.norm)) {
      const e = surnames.get(v);
      if (e !== undefined) {
        c.add(i, i + 1, t.norm.length - v.length, {
          type: 'person',
          rule: 'coreference',
          canonical: e.canonical ?? e.normalized,
        });
        break;
      }
    }
  }
}

/**
 * Finds persons, organisations and places in a tokenised article with lexicons (curated listed-group aliases,
 * organisations, the curated gazetteer) and rules (titles, given names, apposition, organisation heads,
 * facility heads, "ريف X", capitalised English names, family-name coreference). Deterministic; spans index
 * the original text. Entities are returned in text order.
 */
export function extractEntities(
  text: string,
  tokens: readonly MediaToken[],
  exclude: ReadonlyArray<{ readonly start: number; readonly end: number }> = [],
): MediaEntity[] {
  const c = new Collector(text, tokens);
  // tokens inside amounts ("ليرة سورية") are not places or names
  for (const r of exclude)
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      if (t !== undefined && t.start >= r.start && t.end <= r.end) c.used[k] = true;
    }
  lexiconPass(c);
  facilityPass(c);
  orgHeadPass(c);
  personPass(c);
  latinPass(c);
  coreferencePass(c);
  return c.out.sort((a, b) => a.start - b.start);
}
