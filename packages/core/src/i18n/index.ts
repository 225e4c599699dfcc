export * from './count-phrase.ts';
