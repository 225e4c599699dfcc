import { findCurrency, parseMinorUnits, type Transaction } from '@raqib/core';
import { decodeXmlText } from '../lists/xml-text.ts';
import { accountPartProblem, idProblem } from './fields.ts';

/**
 * Maps one parsed ISO 20022 pacs.008 `CdtTrfTxInf` (fast-xml-parser output, namespace prefixes removed, values
 * kept as strings) and its message's group header to a Transaction, or to the reason it cannot be one.
 */

type Node = Record<string, unknown>;

/** The group header fields a transaction may inherit. */
export interface Pacs008Group {
  readonly msgId: string | undefined;
  readonly creDtTm: string | undefined;
  /** Older message versions carry the settlement date at group level. */
  readonly sttlmDt: string | undefined;
}

function child(node: unknown, key: string): unknown {
  return node !== null && typeof node === 'object' ? (node as Node)[key] : undefined;
}

/**
 * Text at a path; elements with attributes carry their text in `#text`. The parser leaves entity processing to
 * the reader (safe-xml.ts): without decoding here, `Smith &amp; Sons` would be screened and stored as written.
 */
export function textAt(node: unknown, ...path: string[]): string | undefined {
  let cur = node;
  for (const key of path) cur = child(cur, key);
  if (cur !== null && typeof cur === 'object' && !Array.isArray(cur)) cur = (cur as Node)['#text'];
  if (typeof cur === 'string') {
    const text = decodeXmlText(cur).trim();
    return text === '' ? undefined : text;
  }
  if (typeof cur === 'number') return String(cur);
  return undefined;
}

function attrAt(node: unknown, path: readonly string[], attr: string): string | undefined {
  let cur = node;
  for (const key of path) cur = child(cur, key);
  const v = child(cur, `@_${attr}`);
  return typeof v === 'string' ? decodeXmlText(v).trim() : undefined;
}

export function groupFromHeader(grpHdr: unknown): Pacs008Group {
  return {
    msgId: textAt(grpHdr, 'MsgId'),
    creDtTm: textAt(grpHdr, 'CreDtTm'),
    sttlmDt: textAt(grpHdr, 'IntrBkSttlmDt'),
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * ISO 20022 ISODate/ISODateTime to epoch ms. A date-time without an offset is read as UTC (the standard leaves it
 * to bilateral agreement; UTC keeps runs independent of the machine's zone). Returns NaN when invalid.
 */
export function isoTime(text: string): number {
  let m = DATE.exec(text);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!) ? utc(+m[1]!, +m[2]! - 1, +m[3]!) : Number.NaN;
  m = DATE_TIME.exec(text);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, s] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!];
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return Number.NaN;
  const frac = m[7] === undefined ? 0 : Math.floor(Number(`0${m[7]}`) * 1000);
  let ms = utc(y, mo - 1, d, h, mi, s) + frac;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  return ms;
}

/** Date.UTC, except that a year below 100 stays that year (Date.UTC reads 0022 as 1922). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const ms = Date.UTC(y, mo, d, h, mi, s);
  return y < 100 ? new Date(ms).setUTCFullYear(y) : ms;
}

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Event time: the credit/debit time, else acceptance time, else the settlement date (with the message's
 *  creation time of day when it was created that same day). */
function eventTime(tx: unknown, group: Pacs008Group): { ts: number; text: string } | string {
  const exact =
    textAt(tx, 'SttlmTmIndctn', 'CdtDtTm') ??
    textAt(tx, 'SttlmTmIndctn', 'DbtDtTm') ??
    textAt(tx, 'AccptncDtTm');
  const date = textAt(tx, 'IntrBkSttlmDt') ?? group.sttlmDt;
  let text = exact;
  if (text === undefined) {
    const cre = group.creDtTm;
    text = date === undefined || cre?.startsWith(date) ? cre : date;
  }
  if (text === undefined) return 'bad time: no IntrBkSttlmDt, AccptncDtTm or GrpHdr/CreDtTm';
  const ts = isoTime(text);
  return Number.isNaN(ts) ? `bad time "${text}": expected ISO 8601 date or date-time` : { ts, text };
}

function amount(tx: unknown, element: string): { minor: number; ccy: string } | string | undefined {
  const text = textAt(tx, element);
  const ccy = attrAt(tx, [element], 'Ccy');
  if (text === undefined && ccy === undefined) return undefined;
  if (text === undefined) return `${element}: amount is empty`;
  if (ccy === undefined) return `${element}: no Ccy attribute`;
  const info = findCurrency(ccy);
  if (info === undefined || info.code !== ccy) return `unknown currency "${ccy}" in ${element}/@Ccy`;
  if (text.startsWith('-')) return `${element} "${text}": negative amount`;
  const minor = parseMinorUnits(text, info.exponent);
  if (minor === undefined) {
    return /^\d*\.?\d+$/.test(text)
      ? `${element} "${text}": more decimals than ${ccy} carries`
      : `${element} "${text}": amount is not a number`;
  }
  return { minor, ccy };
}

function accountId(acct: unknown): string | undefined {
  return textAt(acct, 'Id', 'IBAN') ?? textAt(acct, 'Id', 'Othr', 'Id');
}

/** The agent's identifier: BIC, else clearing-system member id, else another id. */
function agentId(agent: unknown): string | undefined {
  const fi = child(agent, 'FinInstnId');
  return (
    textAt(fi, 'BICFI') ?? textAt(fi, 'BIC') ?? textAt(fi, 'ClrSysMmbId', 'MmbId') ?? textAt(fi, 'Othr', 'Id')
  );
}

const BIC = /^[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?$/;
const IBAN = /^([A-Z]{2})\d{2}[A-Z0-9]{10,30}$/;

/** Country of a party: its postal address, else its agent's BIC (chars 5–6), the agent's address, the IBAN. */
function country(party: unknown, agent: unknown, account: unknown): string | undefined {
  const fi = child(agent, 'FinInstnId');
  const bic = textAt(fi, 'BICFI') ?? textAt(fi, 'BIC');
  const iban = textAt(account, 'Id', 'IBAN');
  return (
    textAt(party, 'PstlAdr', 'Ctry') ??
    (bic === undefined ? undefined : BIC.exec(bic)?.[1]) ??
    textAt(fi, 'PstlAdr', 'Ctry') ??
    (iban === undefined ? undefined : IBAN.exec(iban.replace(/\s+/g, ''))?.[1])
  );
}

const COUNTRY = /^[A-Z]{2}$/;

/**
 * Why a party's or its agent's postal country is not an ISO 3166 alpha-2 code (ISO 20022's CountryCode, `[A-Z]{2}`),
 * or undefined: a country is matched against the jurisdiction lists and travels on the stream, so a wrong one is
 * refused with its record instead of being carried along.
 */
function countryProblem(tx: unknown, party: 'Dbtr' | 'Cdtr'): string | undefined {
  for (const [path, node] of [
    [`${party}/PstlAdr/Ctry`, child(tx, party)],
    [`${party}Agt/FinInstnId/PstlAdr/Ctry`, child(child(tx, `${party}Agt`), 'FinInstnId')],
  ] as const) {
    const code = textAt(node, 'PstlAdr', 'Ctry');
    if (code !== undefined && !COUNTRY.test(code)) {
      const shown = code.length > 20 ? `${code.slice(0, 20)}…` : code;
      return `${path} "${shown}": expected an ISO 3166 alpha-2 country code such as "DE"`;
    }
  }
  return undefined;
}

function purpose(tx: unknown): string | undefined {
  const ustrd = child(child(tx, 'RmtInf'), 'Ustrd');
  const parts = (Array.isArray(ustrd) ? ustrd : [ustrd])
    .map((u) => (typeof u === 'string' ? decodeXmlText(u).trim() : typeof u === 'number' ? String(u) : ''))
    .filter((u) => u.length > 0);
  if (parts.length > 0) return parts.join(' ');
  const code = textAt(tx, 'Purp', 'Cd') ?? textAt(tx, 'Purp', 'Prtry');
  return code === undefined ? undefined : `purpose code ${code}`;
}

/** The transaction's id: UETR, else TxId, else a real EndToEndId, else InstrId, else message id + index. */
export function pacs008Id(tx: unknown, group: Pacs008Group, indexInMessage: number): string {
  const e2e = textAt(tx, 'PmtId', 'EndToEndId');
  return (
    textAt(tx, 'PmtId', 'UETR') ??
    textAt(tx, 'PmtId', 'TxId') ??
    (e2e !== undefined && e2e !== 'NOTPROVIDED' ? e2e : undefined) ??
    textAt(tx, 'PmtId', 'InstrId') ??
    `${group.msgId ?? 'message'}#${indexInMessage}`
  );
}

export function pacs008ToTransaction(
  tx: unknown,
  group: Pacs008Group,
  row: number,
  indexInMessage: number,
): Transaction | string {
  const time = eventTime(tx, group);
  if (typeof time === 'string') return time;
  const settled = amount(tx, 'IntrBkSttlmAmt');
  if (settled === undefined) return 'IntrBkSttlmAmt is missing';
  if (typeof settled === 'string') return settled;
  const instructed = amount(tx, 'InstdAmt') ?? settled;
  if (typeof instructed === 'string') return instructed;
  const fromBank = agentId(child(tx, 'DbtrAgt'));
  const toBank = agentId(child(tx, 'CdtrAgt'));
  const fromAccount = accountId(child(tx, 'DbtrAcct'));
  const toAccount = accountId(child(tx, 'CdtrAcct'));
  if (fromBank === undefined) return 'empty account: DbtrAgt has no BICFI, ClrSysMmbId/MmbId or Othr/Id';
  if (toBank === undefined) return 'empty account: CdtrAgt has no BICFI, ClrSysMmbId/MmbId or Othr/Id';
  if (fromAccount === undefined) return 'empty account: DbtrAcct has no IBAN or Othr/Id';
  if (toAccount === undefined) return 'empty account: CdtrAcct has no IBAN or Othr/Id';
  const tooLong =
    accountPartProblem('DbtrAgt', fromBank.length) ??
    accountPartProblem('CdtrAgt', toBank.length) ??
    accountPartProblem('DbtrAcct', fromAccount.length) ??
    accountPartProblem('CdtrAcct', toAccount.length);
  if (tooLong !== undefined) return tooLong;
  const badCountry = countryProblem(tx, 'Dbtr') ?? countryProblem(tx, 'Cdtr');
  if (badCountry !== undefined) return badCountry;
  // the id is judged as JSON Lines and the API judge it: a file must not pass here what they refuse
  const id = pacs008Id(tx, group, indexInMessage);
  const badId = idProblem('PmtId', id.length);
  if (badId !== undefined) return badId;
  return {
    id,
    row,
    ts: time.ts,
    fromBank,
    fromAccount,
    toBank,
    toAccount,
    amountPaid: instructed.minor,
    currencyPaid: instructed.ccy,
    amountReceived: settled.minor,
    currencyReceived: settled.ccy,
    paymentFormat: 'Wire',
    fromCountry: country(child(tx, 'Dbtr'), child(tx, 'DbtrAgt'), child(tx, 'DbtrAcct')),
    toCountry: country(child(tx, 'Cdtr'), child(tx, 'CdtrAgt'), child(tx, 'CdtrAcct')),
    purpose: purpose(tx),
    debtorName: textAt(tx, 'Dbtr', 'Nm'),
    creditorName: textAt(tx, 'Cdtr', 'Nm'),
  };
}
