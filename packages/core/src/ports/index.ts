export * from './alert-store.ts';
export * from './bus.ts';
export * from './bus-memory.ts';
export * from './bus-tx-message.ts';
export * from './bus-tx-round.ts';
export * from './memory-alert-store.ts';
export * from './tx-round-assembler.ts';
export * from './tx-stream.ts';
