/**
 * Party screening inside transaction monitoring: the names a transaction or reference file carries
 * (accounts.csv entity_name, pacs.008 Dbtr/Cdtr Nm) are screened, and each hit becomes one sanctions alert
 * (source 'screening', typology T20: designated parties) that carries the match explanation.
 */
import type { Alert } from '../model/alert.ts';
import type { Clock } from '../model/clock.ts';
import { stableId } from '../model/ids.ts';
import type { AccountRef } from '../model/transaction.ts';
import { explanationText } from './explanation.ts';
import { normalizeText } from './normalize.ts';
import {
  DEFAULT_THRESHOLD,
  type ScreeningIndex,
  type ScreeningMatch,
  screenName,
} from './screening-index.ts';

export const PARTY_ROLES = ['account-holder', 'debtor', 'creditor', 'customer'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** A named party seen in monitored data. */
export interface ScreenedParty {
  readonly name: string;
  readonly role: PartyRole;
  readonly account?: AccountRef | undefined;
  /** Transaction that named the party, if any. */
  readonly txId?: string | undefined;
  /** Data row (0-based) of the record that named the party, if it came from a file. */
  readonly row?: number | undefined;
  /** Time of the transaction (epoch ms), if any. */
  readonly ts?: number | undefined;
  readonly dob?: string | undefined;
  readonly country?: string | undefined;
  readonly type?: 'person' | 'organisation' | undefined;
}

export interface PartyScreeningOptions {
  readonly clock: Clock;
  readonly threshold?: number | undefined;
  /** Version of the screening configuration (lists, threshold), recorded on each alert. */
  readonly configVersion?: string | undefined;
}

export const SCREENING_TYPOLOGY = 'T20';
export const SCREENING_DETECTOR = 'sanctions-screening';
export const SCREENING_DETECTOR_VERSION = '1';

/** Band of a screening score: .03 at 0.95 and above, .02 at 0.9, .01 otherwise. */
function band(score: number): string {
  return score >= 0.95 ? '.03' : score >= 0.9 ? '.02' : '.01';
}

/**
 * Screens parties and returns one alert per (party, account, listed entry). A name seen in many
 * transactions is screened once; its alert lists every transaction and row that named it.
 */
export function screenParties(
  index: ScreeningIndex,
  parties: readonly ScreenedParty[],
  options: PartyScreeningOptions,
): Alert[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const cache = new Map<string, ScreeningMatch[]>();
  const groups = new Map<
    string,
    { party: ScreenedParty; match: ScreeningMatch; txs: Set<string>; rows: Set<number>; ts: number[] }
  >();
  for (const party of parties) {
    const norm = normalizeText(party.name);
    if (norm.length === 0) continue;
    const cacheKey = `${norm}\u0001${party.type ?? ''}\u0001${party.dob ?? ''}\u0001${party.country ?? ''}`;
    let matches = cache.get(cacheKey);
    if (!matches) {
      matches = screenName(index, party.name, {
        threshold,
        limit: 5,
        type: party.type,
        dob: party.dob,
        country: party.country,
      });
      cache.set(cacheKey, matches);
    }
    const accountKey = party.account ? `${party.account.bank}|${party.account.account}` : '';
    for (const match of matches) {
      const key = `${match.entry.list}:${match.entry.refId}\u0001${norm}\u0001${accountKey}`;
      let g = groups.get(key);
      if (!g) {
        g = { party, match, txs: new Set(), rows: new Set(), ts: [] };
        groups.set(key, g);
      }
      if (party.txId !== undefined) g.txs.add(party.txId);
      if (party.row !== undefined) g.rows.add(party.row);
      if (party.ts !== undefined) g.ts.push(party.ts);
    }
  }
  const now = options.clock.now();
  const alerts: Alert[] = [];
  for (const [key, g] of groups) {
    const { entry, score, matchedName, explanation } = g.match;
    const text = explanationText(explanation);
    const start = g.ts.length > 0 ? Math.min(...g.ts) : now;
    const end = g.ts.length > 0 ? Math.max(...g.ts) : now;
    alerts.push({
      id: stableId('scr', [key]),
      source: 'screening',
      typologies: [SCREENING_TYPOLOGY],
      score,
      accounts: g.party.account ? [g.party.account] : [],
      transactions: [...g.txs].sort(),
      rows: [...g.rows].sort((a, b) => a - b),
      subgraph: { nodes: [], edges: [] },
      start,
      end,
      explanation: {
        en: `${g.party.role} "${g.party.name}" may be designated: ${entry.list} ${entry.refId} "${matchedName.text}" (score ${score.toFixed(3)}). ${text}`,
        ar: `الطرف «${g.party.name}» قد يكون مدرجاً على قائمة العقوبات ${entry.list} (${entry.refId}) باسم «${matchedName.text}»، درجة التطابق ${score.toFixed(3)}`,
      },
      findings: [
        {
          detector: SCREENING_DETECTOR,
          version: SCREENING_DETECTOR_VERSION,
          band: band(score),
          value: score,
          unit: 'score',
          detail: text,
        },
      ],
      configVersion: options.configVersion ?? `screening-v${SCREENING_DETECTOR_VERSION}@${threshold}`,
      createdAt: now,
      status: 'new',
      details: {
        party: { name: g.party.name, role: g.party.role },
        list: entry.list,
        listVersion: entry.listVersion,
        refId: entry.refId,
        entryKind: entry.kind,
        programmes: entry.programmes,
        matchedName: matchedName.text,
        explanation,
      },
    });
  }
  alerts.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return alerts;
}
