export { buildAlert } from './alert-builder.ts';
export { alertStoreContract } from './alert-store-contract.ts';
export { natsTestUrl, postgresTestUrl, skipNotice } from './services.ts';
