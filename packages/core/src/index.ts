export * from './cases/index.ts';
export * from './graph/index.ts';
export * from './media/index.ts';
export * from './model/index.ts';
export * from './monitoring/index.ts';
export * from './monitoring/partition.ts';
export * from './ports/index.ts';
export * from './screening/index.ts';
