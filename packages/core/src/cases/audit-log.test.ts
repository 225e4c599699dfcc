import { auditLogContract } from '@raqib/testkit';
import { fnv1a64 } from '../model/ids.ts';
import { MemoryAuditLog } from './audit-log.ts';

// the SQL adapters chain with SHA-256; the core has no node:crypto, and the contract holds for any hash
const hash = (text: string) => fnv1a64(text) + fnv1a64(`salt${text}`);

auditLogContract('memory', () => Promise.resolve(new MemoryAuditLog(hash)), hash);
