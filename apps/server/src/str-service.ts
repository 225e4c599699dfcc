import type { Alert, Case, Transaction } from '@raqib/core';
import {
  chooseIndicators,
  strFromTransactions,
  UAE_TYPOLOGY_INDICATORS,
  writeGoamlStr,
} from '@raqib/formats';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';

/** A transaction known only from an alert's subgraph (evidence from a file scan, not stored by the API). */
function fromEdge(edge: Alert['subgraph']['edges'][number]): Transaction {
  const [fromBank = '', fromAccount = ''] = edge.from.split('|');
  const [toBank = '', toAccount = ''] = edge.to.split('|');
  return {
    id: edge.txId,
    row: -1,
    ts: edge.ts,
    fromBank,
    fromAccount,
    toBank,
    toAccount,
    amountPaid: edge.amount,
    currencyPaid: edge.currency,
    amountReceived: edge.amount,
    currencyReceived: edge.currency,
    paymentFormat: 'Other',
  };
}

export interface StrDraft {
  readonly xml: string;
  readonly hash: string;
  readonly indicators: readonly string[];
  readonly unknownIndicators: readonly string[];
  readonly warnings: readonly string[];
}

/** Builds the goAML STR of a case from its alerts' evidence. Problems come back as STR_* errors naming the record. */
export async function draftStr(
  deps: AppDeps,
  c: Case,
  request: {
    indicators?: string[] | undefined;
    reason?: string | undefined;
    action?: string | undefined;
    fxRates?: Record<string, number> | undefined;
  },
): Promise<StrDraft> {
  const alerts = (await Promise.all(c.alertIds.map((id) => deps.alerts.getAlert(id)))).filter(
    (a): a is Alert => a !== undefined,
  );
  const evidenceIds = [...new Set(alerts.flatMap((a) => a.transactions))];
  const stored = await deps.transactions.getTransactions(evidenceIds);
  const byId = new Map<string, Transaction>(stored.map((s) => [s.tx.id, s.tx]));
  for (const a of alerts)
    for (const e of a.subgraph.edges) if (!byId.has(e.txId)) byId.set(e.txId, fromEdge(e));
  const typologies = [...new Set(alerts.flatMap((a) => a.typologies))];
  let indicators: readonly string[];
  let unknown: readonly string[] = [];
  const { catalogue } = deps.goaml;
  if (catalogue) {
    const choice = chooseIndicators(
      catalogue,
      typologies,
      request.indicators,
      deps.goaml.typologyIndicators ?? UAE_TYPOLOGY_INDICATORS,
    );
    if (request.indicators && choice.unknown.length > 0) {
      throw new ApiError(
        'STR_UNKNOWN_INDICATOR',
        `indicator codes not in ${catalogue.source}: ${choice.unknown.join(', ')}`,
        {
          unknown: choice.unknown,
        },
      );
    }
    indicators = choice.codes;
    unknown = choice.unknown;
  } else {
    indicators = request.indicators ?? [];
  }
  const reason =
    request.reason ??
    [c.title, ...alerts.map((a) => a.explanation.en)].filter((s) => s.trim() !== '').join('\n');
  const built = strFromTransactions({
    entity: request.fxRates
      ? { ...deps.goaml.entity, fxToLocal: { ...deps.goaml.entity.fxToLocal, ...request.fxRates } }
      : deps.goaml.entity,
    reference: c.id,
    reportDate: deps.clock.now(),
    reason,
    action: request.action,
    transactions: [...byId.values()],
    // screening hits carry no transactions: their accounts are reported as parties of an activity report
    activity: alerts.flatMap((a) =>
      a.accounts.map((acc) => ({
        bank: acc.bank,
        account: acc.account,
        score: a.score,
        reason: a.explanation.en,
      })),
    ),
    indicators,
    accounts: deps.goaml.accounts,
    banks: deps.goaml.banks,
  });
  if (!built.ok)
    throw new ApiError('STR_NOT_REPORTABLE', built.problems.join('; '), {
      problems: built.problems,
      missingRates: built.missingRates,
    });
  const xml = writeGoamlStr(built.report);
  return { xml, hash: deps.hash(xml), indicators, unknownIndicators: unknown, warnings: built.warnings };
}
