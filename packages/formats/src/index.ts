export * from './transactions/index.ts';
