/**
 * Parse-only throughput of every transaction reader on the same transactions, for comparison:
 *
 *   npx tsx bench/parse-formats.ts --file DIR/transactions.csv [--rows 200000]
 *
 * Takes the first --rows rows of an AMLworld file (e.g. `raqib generate` output), writes them again as JSON Lines
 * (the transaction contract) and as one bulk pacs.008 message in the OS temp dir, then times each reader.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { toTransactionContract } from '@raqib/contracts';
import { formatAmount, type Transaction } from '@raqib/core';
import { readAmlworld, readTransactions, type TransactionFormat } from '@raqib/formats';

const { values } = parseArgs({
  options: { file: { type: 'string' }, rows: { type: 'string', default: '200000' } },
});
if (values.file === undefined) throw new Error('--file PATH of an AMLworld CSV is required');
const limit = Number(values.rows);

function pacs008Of(txs: readonly Transaction[]): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09"><FIToFICstmrCdtTrf>',
    `<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2022-09-01T00:00:00Z</CreDtTm><NbOfTxs>${txs.length}</NbOfTxs></GrpHdr>`,
  ];
  for (const t of txs) {
    parts.push(
      `<CdtTrfTxInf><PmtId><EndToEndId>E${t.row}</EndToEndId><TxId>T${t.row}</TxId></PmtId>` +
        `<IntrBkSttlmAmt Ccy="${t.currencyReceived}">${formatAmount(t.amountReceived, t.currencyReceived)}</IntrBkSttlmAmt>` +
        `<AccptncDtTm>${new Date(t.ts).toISOString()}</AccptncDtTm>` +
        `<InstdAmt Ccy="${t.currencyPaid}">${formatAmount(t.amountPaid, t.currencyPaid)}</InstdAmt>` +
        `<Dbtr><Nm>Debtor ${t.fromAccount}</Nm></Dbtr><DbtrAcct><Id><Othr><Id>${t.fromAccount}</Id></Othr></Id></DbtrAcct>` +
        `<DbtrAgt><FinInstnId><ClrSysMmbId><MmbId>${t.fromBank}</MmbId></ClrSysMmbId></FinInstnId></DbtrAgt>` +
        `<CdtrAgt><FinInstnId><ClrSysMmbId><MmbId>${t.toBank}</MmbId></ClrSysMmbId></FinInstnId></CdtrAgt>` +
        `<Cdtr><Nm>Creditor ${t.toAccount}</Nm></Cdtr><CdtrAcct><Id><Othr><Id>${t.toAccount}</Id></Othr></Id></CdtrAcct>` +
        '</CdtTrfTxInf>',
    );
  }
  parts.push('</FIToFICstmrCdtTrf></Document>');
  return parts.join('\n');
}

async function time(format: TransactionFormat, path: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let n = 0;
  let bad = 0;
  for await (const b of readTransactions(path, { format })) {
    n += b.accepted.length;
    bad += b.rejected.length;
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(
    `${JSON.stringify({ bench: 'parse-formats', format, rows: n, rejected: bad, seconds: Number(s.toFixed(2)), rowsPerSec: Math.round(n / s), rowsPerCpuSec: Math.round(n / cpuS), loadAverage: Number(loadavg()[0]?.toFixed(1)) })}\n`,
  );
}

const txs: Transaction[] = [];
for await (const b of readAmlworld(values.file)) {
  txs.push(...b.accepted);
  if (txs.length >= limit) break;
}
txs.length = Math.min(txs.length, limit);
const csvRows = join(tmpdir(), `raqib-bench-formats-${txs.length}.csv`);
const jsonl = join(tmpdir(), `raqib-bench-formats-${txs.length}.jsonl`);
const xml = join(tmpdir(), `raqib-bench-formats-${txs.length}.xml`);
// The first rows of the source file itself (header included), so each reader sees the same transactions.
const source = readFileSync(values.file, 'utf8');
let cut = 0;
for (let i = 0; i <= txs.length && cut >= 0; i++) cut = source.indexOf('\n', cut + 1);
writeFileSync(csvRows, cut < 0 ? source : source.slice(0, cut + 1));
writeFileSync(jsonl, `${txs.map((t) => JSON.stringify(toTransactionContract(t))).join('\n')}\n`);
writeFileSync(xml, pacs008Of(txs));
await time('amlworld', csvRows);
await time('jsonl', jsonl);
await time('pacs008', xml);
