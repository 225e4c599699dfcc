import { apiKeyStoreContract, transactionStoreContract } from '@raqib/testkit';
import { MemoryApiKeyStore, MemoryTransactionStore } from './workbench-ports.ts';

apiKeyStoreContract('memory', () => Promise.resolve(new MemoryApiKeyStore()));
transactionStoreContract('memory', () => Promise.resolve(new MemoryTransactionStore()));
