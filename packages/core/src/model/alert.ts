import type { AccountRef } from './transaction.ts';

export const ALERT_SOURCES = ['monitoring', 'screening', 'media'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

export const ALERT_STATUSES = ['new', 'triaged', 'in-case', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** A detector's contribution to an alert: what it measured and which band that fell in. */
export interface DetectorFinding {
  readonly detector: string;
  readonly version: string;
  /** Band reference, e.g. ".01" (low) … ".03" (high); ".00" means the detector did not fire. */
  readonly band: string;
  /** The measured value the band was read from (count, ratio, amount…), with its unit. */
  readonly value: number;
  readonly unit: string;
  readonly detail?: string | undefined;
}

export interface SubgraphEdge {
  readonly txId: string;
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  readonly currency: string;
  readonly ts: number;
}

export interface Subgraph {
  /** Account keys (`bank|account`). */
  readonly nodes: readonly string[];
  readonly edges: readonly SubgraphEdge[];
}

/**
 * One alert per pattern instance: the transactions that make up the instance are its evidence.
 * The id is derived from the typology and the evidence, so a rerun over the same data yields the same id.
 */
export interface Alert {
  readonly id: string;
  readonly source: AlertSource;
  /** Typology names, e.g. ["FAN-OUT"], ["TF-EXODUS", "T08"]. */
  readonly typologies: readonly string[];
  readonly score: number;
  readonly accounts: readonly AccountRef[];
  /** Evidence transaction ids. */
  readonly transactions: readonly string[];
  /** Data-row indexes of the evidence, where the transactions came from a file. */
  readonly rows: readonly number[];
  readonly subgraph: Subgraph;
  readonly start: number;
  readonly end: number;
  readonly explanation: { readonly en: string; readonly ar: string };
  readonly findings: readonly DetectorFinding[];
  /** Version of the typology/detector configuration that produced the alert. */
  readonly configVersion: string;
  readonly createdAt: number;
  readonly status: AlertStatus;
  /** The analyst the alert is assigned to, as the store knows it (set through AlertStore.setAlertStatus). */
  readonly assignee?: string | undefined;
  /** Free-form structured details (screening match explanation, media article…). */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}
