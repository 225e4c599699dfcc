import type { Migration } from 'kysely';
import { m0001Alerts } from './0001-alerts.ts';
import { m0100Screening } from './0100-screening.ts';
import { m0200Cases } from './0200-cases.ts';
import { m0201AuditLog } from './0201-audit-log.ts';
import { m0202ApiKeys } from './0202-api-keys.ts';
import { m0203Transactions } from './0203-transactions.ts';
import { m0204CaseDocuments } from './0204-case-documents.ts';
import { m0205TransactionsFlag } from './0205-transactions-flag.ts';
import { m0300Media } from './0300-media.ts';
import { m0400ScaleLedger } from './0400-scale-ledger.ts';
import { m0401ScaleFirings } from './0401-scale-firings.ts';
import { m0402ScaleSnapshots } from './0402-scale-snapshots.ts';
import { m0403ScaleStreamIsTheLog } from './0403-scale-stream-is-the-log.ts';
import { m0404ScaleRejects } from './0404-scale-rejects.ts';
import { m0405ScaleSeenIdsHorizon } from './0405-scale-seen-ids-horizon.ts';

/**
 * Every migration, by name; names sort in the order they run. Number ranges per area:
 * 0001–0099 monitoring, 0100–0199 screening, 0200–0299 cases/audit/keys, 0300–0399 media, 0400–0499 scale-out.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-alerts': m0001Alerts,
  '0100-screening': m0100Screening,
  '0200-cases': m0200Cases,
  '0201-audit-log': m0201AuditLog,
  '0202-api-keys': m0202ApiKeys,
  '0203-transactions': m0203Transactions,
  '0204-case-documents': m0204CaseDocuments,
  '0205-transactions-flag': m0205TransactionsFlag,
  '0300-media': m0300Media,
  '0400-scale-ledger': m0400ScaleLedger,
  '0401-scale-firings': m0401ScaleFirings,
  '0402-scale-snapshots': m0402ScaleSnapshots,
  '0403-scale-stream-is-the-log': m0403ScaleStreamIsTheLog,
  '0404-scale-rejects': m0404ScaleRejects,
  '0405-scale-seen-ids-horizon': m0405ScaleSeenIdsHorizon,
};
