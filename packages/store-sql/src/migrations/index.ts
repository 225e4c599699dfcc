import type { Migration } from 'kysely';
import { m0001Alerts } from './0001-alerts.ts';

/**
 * Every migration, by name; names sort in the order they run. Number ranges per area:
 * 0001–0099 monitoring, 0100–0199 screening, 0200–0299 cases/audit/keys, 0300–0399 media, 0400–0499 scale-out.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-alerts': m0001Alerts,
};
