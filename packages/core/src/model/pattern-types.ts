/**
 * The labelled laundering pattern types: AMLworld's eight, then the seed article's three terrorist-financing
 * schemes. The generator plants them, patterns.txt names them, and the evaluation reports recall per type in this
 * order.
 */
export const PATTERN_TYPES = [
  'FAN-OUT',
  'FAN-IN',
  'CYCLE',
  'SCATTER-GATHER',
  'GATHER-SCATTER',
  'BIPARTITE',
  'STACK',
  'RANDOM',
  'TF-EXODUS',
  'TF-CELL-FUNDING',
  'TF-FX-PREMIUM',
] as const;
export type PatternType = (typeof PATTERN_TYPES)[number];
