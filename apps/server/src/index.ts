export { buildApp, DEFAULT_BODY_LIMIT } from './app.ts';
export { generateApiKey, hashApiKey } from './auth.ts';
export { type ComposeAdapters, type Composition, compose } from './compose.ts';
export { ConfigError, loadServerConfig, REPO_ROOT, type ServerConfig, serverConfigSchema } from './config.ts';
export type { AppDeps, Assessment, TransactionScorer } from './deps.ts';
export { ERROR_STATUS, type ErrorCode } from './errors.ts';
export { keyCreatedAudit, keyRevokedAudit, publicKey } from './key-audit.ts';
export { type RunningServer, startServer } from './main.ts';
export { verifyAudit } from './routes/audit.ts';
