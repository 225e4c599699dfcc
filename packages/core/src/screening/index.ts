/**
 * Sanctions screening: normalise → transliterate → candidate index → score → explain.
 *
 * Typical use:
 * ```ts
 * const index = buildScreeningIndex(entries);
 * const matches = screenName(index, 'Usama bin Ladin', { type: 'person', dob: '1957' });
 * const alerts = screenParties(index, parties, { clock });
 * ```
 */
export * from './attribute-score.ts';
export * from './countries.ts';
export * from './curated-aliases.ts';
export * from './demonyms.ts';
export * from './explanation.ts';
export * from './list-entry.ts';
export * from './name-parse.ts';
export * from './name-score.ts';
export * from './name-variants.ts';
export * from './normalize.ts';
export * from './party-activity.ts';
export * from './party-screening.ts';
export * from './phonetic-key.ts';
export * from './screening-index.ts';
export * from './string-distance.ts';
export * from './token-similarity.ts';
