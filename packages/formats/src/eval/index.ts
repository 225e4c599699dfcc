export * from './alerts-file.ts';
export * from './amlsim-eval.ts';
export * from './amlworld-eval.ts';
export * from './flags-file.ts';
export * from './metrics.ts';
export * from './patterns-file.ts';
