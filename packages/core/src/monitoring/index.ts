export * from './config.ts';
export * from './detector.ts';
export * from './detectors/registry.ts';
export * from './explain.ts';
export * from './fx-reference.ts';
export * from './jurisdictions.ts';
export * from './monitor.ts';
export * from './typologies.ts';
