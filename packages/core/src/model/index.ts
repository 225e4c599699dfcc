export * from './alert.ts';
export * from './clock.ts';
export * from './currency.ts';
export * from './ids.ts';
export * from './money.ts';
export * from './pattern-types.ts';
export * from './reference.ts';
export * from './transaction.ts';
