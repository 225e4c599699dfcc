import type { ScanSummary } from './run-scan.ts';

/** The scan summary as a person reads it. */
export function printScanSummary(summary: ScanSummary, dbLocation: string | undefined): void {
  const { records } = summary;
  const lines = [
    `${summary.interrupted ? 'scan INTERRUPTED' : 'scan complete'}: ${summary.input}`,
    `  records   read ${records.read}, accepted ${records.accepted}, quarantined ${records.quarantined}` +
      (records.quarantined > 0 ? ` (see ${summary.quarantineFile})` : ''),
    `  flagged   ${summary.flagged} transactions`,
    `  alerts    ${summary.alerts}` +
      (dbLocation
        ? ` (stored in ${dbLocation}: ${summary.stored.inserted} new, ${summary.stored.updated} updated)`
        : ''),
  ];
  const typologies = Object.entries(summary.alertsByTypology).sort((a, b) => b[1] - a[1]);
  for (const [t, n] of typologies) lines.push(`            ${t.padEnd(16)} ${n}`);
  lines.push(
    `  speed     ${summary.transactionsPerSecond.toLocaleString('en-US')} tx/s (${summary.seconds.toFixed(1)} s)`,
    `  outputs   ${Object.values(summary.outputs).join(', ')}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}
