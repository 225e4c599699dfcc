export * from './audit-chain.ts';
export * from './audit-log.ts';
export * from './canonical-json.ts';
export * from './case.ts';
export * from './case-store.ts';
export * from './case-workflow.ts';
export * from './unit-of-work.ts';
export * from './workbench-ports.ts';
