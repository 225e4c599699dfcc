export * from './goaml/index.ts';
export * from './transactions/index.ts';
