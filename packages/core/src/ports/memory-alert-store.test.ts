import { alertStoreContract } from '@raqib/testkit';
import { MemoryAlertStore } from './memory-alert-store.ts';

alertStoreContract('memory', () => Promise.resolve(new MemoryAlertStore()));
