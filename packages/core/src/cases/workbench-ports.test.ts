import { apiKeyStoreContract, caseDocumentStoreContract, transactionStoreContract } from '@raqib/testkit';
import { MemoryApiKeyStore, MemoryCaseDocumentStore, MemoryTransactionStore } from './workbench-ports.ts';

apiKeyStoreContract('memory', () => Promise.resolve(new MemoryApiKeyStore()));
transactionStoreContract('memory', () => Promise.resolve(new MemoryTransactionStore()));
caseDocumentStoreContract('memory', () => Promise.resolve(new MemoryCaseDocumentStore()));
