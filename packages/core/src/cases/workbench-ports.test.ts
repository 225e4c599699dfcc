import { apiKeyStoreContract } from '@raqib/testkit';
import { MemoryApiKeyStore } from './workbench-ports.ts';

apiKeyStoreContract('memory', () => Promise.resolve(new MemoryApiKeyStore()));
