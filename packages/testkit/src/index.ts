export { buildAlert } from './alert-builder.ts';
export { alertStoreContract } from './alert-store-contract.ts';
export { apiKeyStoreContract, buildApiKey } from './api-key-store-contract.ts';
export { auditLogContract } from './audit-log-contract.ts';
export { type BusContractOptions, busContract } from './bus-contract.ts';
export { natsServerBinary, type OwnNatsServer, sparePort, startOwnNatsServer } from './bus-nats-server.ts';
export { buildCase, caseStoreContract } from './case-store-contract.ts';
export { natsTestUrl, postgresTestUrl, skipNotice } from './services.ts';
export { buildTransaction, transactionStoreContract } from './transaction-store-contract.ts';
