export * from './accounts.ts';
export * from './banks.ts';
