export * from './eval/index.ts';
export * from './goaml/index.ts';
export * from './transactions/index.ts';
