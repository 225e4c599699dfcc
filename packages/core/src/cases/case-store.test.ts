import { caseStoreContract } from '@raqib/testkit';
import { MemoryCaseStore } from './case-store.ts';

caseStoreContract('memory', () => Promise.resolve(new MemoryCaseStore()));
