export * from './api-alerts.ts';
export * from './api-cases.ts';
export * from './api-keys.ts';
export * from './api-screening.ts';
export * from './api-transactions.ts';
export * from './monitoring-config.ts';
export * from './transaction.ts';
