export * from './amlsim.ts';
export * from './amlworld.ts';
export * from './detect-format.ts';
export * from './jsonl.ts';
export * from './pacs008.ts';
export * from './pacs008-record.ts';
export * from './read-transactions.ts';
export * from './types.ts';
