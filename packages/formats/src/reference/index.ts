export * from './accounts.ts';
export * from './banks.ts';
export * from './jurisdictions.ts';
