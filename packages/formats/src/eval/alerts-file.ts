import { existsSync } from 'node:fs';
import { streamLines } from '../transactions/line-stream.ts';

/** What eval needs of one alert: its typologies and its evidence (data rows and accounts). */
export interface AlertEvidence {
  readonly typologies: readonly string[];
  readonly rows: readonly number[];
  /** Account ids (the `account` part of each account reference). */
  readonly accounts: readonly string[];
}

/**
 * Reads an `alerts.jsonl` (one JSON alert per line, as `raqib scan` writes). Returns undefined when the file
 * does not exist; a line that is not a JSON object is an Error naming the file and line. Fields other than
 * typologies, rows and accounts are ignored; missing ones count as empty.
 */
export async function readAlertEvidence(path: string): Promise<AlertEvidence[] | undefined> {
  if (!existsSync(path)) return undefined;
  const out: AlertEvidence[] = [];
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
      const a = alert as { typologies?: unknown; rows?: unknown; accounts?: unknown };
      out.push({
        typologies: Array.isArray(a.typologies)
          ? a.typologies.filter((t): t is string => typeof t === 'string')
          : [],
        rows: Array.isArray(a.rows)
          ? a.rows.filter((r): r is number => Number.isSafeInteger(r) && r >= 0)
          : [],
        accounts: Array.isArray(a.accounts)
          ? a.accounts.flatMap((x: unknown) =>
              x && typeof x === 'object' && typeof (x as { account?: unknown }).account === 'string'
                ? [(x as { account: string }).account]
                : [],
            )
          : [],
      });
    }
  }
  return out;
}

/** Alerts, and how many of them are true, per typology (an alert with several typologies counts under each). */
export interface AlertQuality {
  readonly alerts: number;
  readonly trueAlerts: number;
  /** trueAlerts / alerts; null without alerts. */
  readonly precision: number | null;
  readonly byTypology: readonly {
    readonly typology: string;
    readonly alerts: number;
    readonly trueAlerts: number;
  }[];
}

/**
 * Alert-level precision: the share of the analyst's queue that points at real laundering. `isTrue` decides per
 * alert (transaction data: any evidence row is labelled; AMLSim: any account is suspicious).
 */
export function alertQuality(
  alerts: readonly AlertEvidence[],
  isTrue: (a: AlertEvidence) => boolean,
): AlertQuality {
  const by = new Map<string, { alerts: number; trueAlerts: number }>();
  let truths = 0;
  for (const a of alerts) {
    const t = isTrue(a);
    if (t) truths++;
    for (const typology of a.typologies.length > 0 ? a.typologies : ['(none)']) {
      const s = by.get(typology) ?? { alerts: 0, trueAlerts: 0 };
      s.alerts++;
      if (t) s.trueAlerts++;
      by.set(typology, s);
    }
  }
  return {
    alerts: alerts.length,
    trueAlerts: truths,
    precision: alerts.length === 0 ? null : truths / alerts.length,
    byTypology: [...by]
      .map(([typology, s]) => ({ typology, ...s }))
      .sort((x, y) => y.alerts - x.alerts || x.typology.localeCompare(y.typology)),
  };
}
