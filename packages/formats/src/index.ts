export * from './eval/index.ts';
export * from './goaml/index.ts';
export * from './lists/index.ts';
export * from './media/index.ts';
export * from './reference/index.ts';
export * from './transactions/index.ts';
export * from './utf8.ts';
export * from './whole-text-file.ts';
