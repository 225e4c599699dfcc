export * from './alert-store.ts';
export * from './bus.ts';
export * from './bus-memory.ts';
export * from './bus-tx-message.ts';
export * from './memory-alert-store.ts';
export * from './tx-stream.ts';
