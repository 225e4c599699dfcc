import type { MonitoringConfig, ReferenceData } from '@raqib/core';
import { loadScanReference, referenceDataOf } from '../scan/load-reference.ts';

export interface WorkerReferenceFlags {
  banks?: string | undefined;
  accounts?: string | undefined;
  config?: string | undefined;
  jurisdictions?: string | undefined;
  fxRates?: string | undefined;
}

/**
 * The reference data and configuration a worker's monitors run with. They must be the ones the single-process
 * scan would get, or the lanes' alerts differ from the scan's, so they are read by the scan's own loader. Day FX
 * rates (`--fx-rates`, the fx-rates.csv of `raqib generate`) are optional, as for the scan: every worker follows
 * the whole stream, so currency values learnt from it are the scan's (decision 0062).
 * Any problem is a CliError naming the file.
 */
export async function loadWorkerReference(
  flags: WorkerReferenceFlags,
): Promise<{ reference: ReferenceData; config: MonitoringConfig }> {
  const loaded = await loadScanReference(flags);
  return { reference: referenceDataOf(loaded), config: loaded.config };
}
