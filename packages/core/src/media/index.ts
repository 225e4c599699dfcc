export * from './amounts.ts';
export type { AmountQualifier } from './lexicon-numbers.ts';
export { AMOUNT_QUALIFIERS } from './lexicon-numbers.ts';
export { normalizeMedia } from './normalize.ts';
export * from './sentences.ts';
export * from './tokenize.ts';
