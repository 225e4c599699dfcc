import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { csvParseProblem } from '../transactions/csv-parse-problem.ts';
import { MAX_LINE_LENGTH, openCheck } from '../transactions/line-stream.ts';
import { readTransactions } from '../transactions/read-transactions.ts';
import { type AlertQuality, alertQuality, readAlertEvidence } from './alerts-file.ts';
import { checkFlagsFitData, type FlagsTable } from './flags-file.ts';
import { alertsPerThousand, type Confusion, type Scores, scores } from './metrics.ts';

/** Column names that carry AMLSim's account id and account-level label, across its output versions. */
const ID_COLUMNS = ['nodeid', 'ACCOUNT_ID', 'acct_id'];
const LABEL_COLUMNS = ['isFraud', 'IS_SAR', 'is_sar', 'isSAR', 'prior_sar_count'];

function truthy(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === '1' || t === 'true') return true;
  if (t === '0' || t === 'false') return false;
  return undefined;
}

/**
 * Reads AMLSim account labels: `nodes.csv` (`nodeid,isFraud,…`, the 2019 samples) or `accounts.csv`
 * (`ACCOUNT_ID,…,isFraud,…`). General CSV, so csv-parse. A bad id or label is an Error naming file and line.
 */
export async function readAmlsimAccountLabels(path: string): Promise<Map<string, boolean>> {
  await openCheck(path);
  // bounded like every line reader: csv-parse would buffer a record of any size (no newline, an unclosed quote)
  const parser = createReadStream(path).pipe(
    parse({ info: true, bom: true, trim: true, skip_empty_lines: true, max_record_size: MAX_LINE_LENGTH }),
  );
  const labels = new Map<string, boolean>();
  const lineOf = new Map<string, number>();
  let idCol = -1;
  let labelCol = -1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (idCol < 0) {
        idCol = record.findIndex((c) => ID_COLUMNS.includes(c));
        labelCol = record.findIndex((c) => LABEL_COLUMNS.includes(c));
        if (idCol < 0 || labelCol < 0) {
          throw new Error(
            `${path}: line ${info.lines}: expected an account id column (${ID_COLUMNS.join('/')}) and a label column ` +
              `(${LABEL_COLUMNS.join('/')}), got "${record.join(',').slice(0, 200)}"`,
          );
        }
        continue;
      }
      const id = record[idCol] ?? '';
      const label = truthy(record[labelCol] ?? '');
      if (id.length === 0) throw new Error(`${path}: line ${info.lines}: empty account id`);
      if (label === undefined)
        throw new Error(`${path}: line ${info.lines}: label "${record[labelCol]}" is not 0/1/true/false`);
      // a repeated account would have its last label win without a word, whichever was right
      const first = lineOf.get(id);
      if (first !== undefined)
        throw new Error(`${path}: line ${info.lines}: account id "${id}" repeated (first on line ${first})`);
      lineOf.set(id, info.lines);
      labels.set(id, label);
    }
  } catch (err) {
    if (err instanceof Error && err.message.startsWith(path)) throw err;
    throw new Error(`${path}: ${csvParseProblem(err)}`, { cause: err });
  }
  if (idCol < 0) throw new Error(`${path}: empty file`);
  return labels;
}

export interface AccountEval extends Scores {
  readonly mode: 'accounts';
  readonly rows: number;
  readonly quarantined: number;
  readonly flaggedRows: number;
  readonly accounts: number;
  readonly suspicious: number;
  /** Accounts with at least one flagged transaction. */
  readonly flaggedAccounts: number;
  readonly confusion: Confusion;
  /** Accounts seen in transactions but missing from the label file (counted as not suspicious). */
  readonly unlabelledAccounts: number;
  readonly alerts: number | null;
  readonly alertsPerThousand: number | null;
  /** Alerts naming at least one suspicious account, overall and per typology; null without alerts. */
  readonly alertQuality: AlertQuality | null;
}

/**
 * Account-level evaluation on AMLSim output: an account counts as found when any of its transactions (as payer
 * or payee) is flagged; labels are AMLSim's per-account isFraud.
 */
export async function evaluateAmlsim(input: {
  readonly transactions: string;
  readonly labels: string;
  readonly flags: FlagsTable;
  readonly alerts?: string | undefined;
  readonly onBytes?: (read: number, total: number) => void;
}): Promise<AccountEval> {
  const labels = await readAmlsimAccountLabels(input.labels);
  const found = new Set<string>();
  const seen = new Set<string>();
  let rows = 0;
  let quarantined = 0;
  let flaggedRows = 0;
  for await (const batch of readTransactions(input.transactions, {
    format: 'amlsim',
    ...(input.onBytes ? { onBytes: input.onBytes } : {}),
  })) {
    rows += batch.accepted.length + batch.rejected.length;
    quarantined += batch.rejected.length;
    for (const tx of batch.accepted) {
      seen.add(tx.fromAccount);
      seen.add(tx.toAccount);
      if (input.flags.flagged[tx.row] === 1) {
        flaggedRows++;
        found.add(tx.fromAccount);
        found.add(tx.toAccount);
      }
    }
  }
  checkFlagsFitData(input.flags, rows, input.transactions);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let unlabelled = 0;
  const universe = new Set([...labels.keys(), ...seen]);
  let suspicious = 0;
  for (const account of universe) {
    const label = labels.get(account);
    if (label === undefined) unlabelled++;
    if (label) suspicious++;
    const hit = found.has(account);
    if (label) {
      if (hit) tp++;
      else fn++;
    } else if (hit) fp++;
    else tn++;
  }
  const confusion = { tp, fp, fn, tn };
  const evidence = await readAlertEvidence(input.alerts ?? '');
  return {
    mode: 'accounts',
    rows,
    quarantined,
    flaggedRows,
    accounts: universe.size,
    suspicious,
    flaggedAccounts: found.size,
    confusion,
    ...scores(confusion),
    unlabelledAccounts: unlabelled,
    alerts: evidence?.length ?? null,
    alertsPerThousand: evidence ? alertsPerThousand(evidence.length, rows - quarantined) : null,
    alertQuality: evidence
      ? alertQuality(evidence, (a) => a.accounts.some((x) => labels.get(x) === true))
      : null,
  };
}
