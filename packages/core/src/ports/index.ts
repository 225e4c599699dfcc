export * from './alert-store.ts';
export * from './memory-alert-store.ts';
