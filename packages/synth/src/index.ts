export { AMLWORLD_FORMATS, AMLWORLD_HEADER, formatAmlworldTimestamp } from './amlworld-text.ts';
export {
  type DatasetSummary,
  DEFAULT_RATE,
  DEFAULT_START,
  type GenerateOptions,
  SyntheticDataset,
  UNTYPED_SHARE,
} from './generator.ts';
export { COUNTRIES, EXODUS_ORIGINS } from './geography.ts';
export { PATTERN_NOTES, PATTERN_TYPES, type PatternType } from './laundering-plan.ts';
export { UN_LISTED_NAMES } from './sanctioned-names.ts';
export { DATASET_FILES, type WriteProgress, writeDataset } from './write-dataset.ts';
