import { existsSync } from 'node:fs';
import { streamLines } from '../transactions/line-stream.ts';

export interface AlertsCount {
  readonly alerts: number;
  /** Alerts per typology name (an alert with several typologies counts once under each). */
  readonly byTypology: Readonly<Record<string, number>>;
}

/**
 * Counts the alerts in an `alerts.jsonl` (one JSON alert per line, as `raqib scan` writes). Returns undefined
 * when the file does not exist; a line that is not a JSON object is an Error naming the file and line.
 */
export async function countAlerts(path: string): Promise<AlertsCount | undefined> {
  if (!existsSync(path)) return undefined;
  let alerts = 0;
  const byTypology: Record<string, number> = {};
  let lineNo = 0;
  for await (const batch of streamLines(path)) {
    for (const line of batch) {
      lineNo++;
      if (line.trim().length === 0) continue;
      let alert: unknown;
      try {
        alert = JSON.parse(line);
      } catch (err) {
        throw new Error(
          `${path}: line ${lineNo}: not JSON (${err instanceof Error ? err.message : String(err)})`,
        );
      }
      if (typeof alert !== 'object' || alert === null || Array.isArray(alert)) {
        throw new Error(`${path}: line ${lineNo}: expected a JSON object (an alert)`);
      }
      alerts++;
      const typologies = (alert as { typologies?: unknown }).typologies;
      if (Array.isArray(typologies)) {
        for (const t of typologies) if (typeof t === 'string') byTypology[t] = (byTypology[t] ?? 0) + 1;
      }
    }
  }
  return { alerts, byTypology };
}
