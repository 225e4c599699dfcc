import { findCurrency, parseAmount, type Transaction } from '@raqib/core';
import { XMLParser } from 'fast-xml-parser';
import { ApiError } from './errors.ts';

/**
 * Reads the credit transfers of a pacs.008 (FIToFICstmrCdtTrf) request body. Hostile XML is refused before
 * parsing: a DOCTYPE (the carrier of external entities and entity-expansion bombs) is rejected outright, and the
 * parser runs with entity processing off, so no entity is ever resolved or expanded.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'CdtTrfTxInf',
});

type XmlNode = Record<string, unknown>;
const node = (v: unknown): XmlNode | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as XmlNode) : undefined;
const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v === '' ? undefined : v;
  const n = node(v);
  return n && typeof n['#text'] === 'string' ? (n['#text'] as string) : undefined;
};
const at = (root: unknown, ...path: string[]): unknown => {
  let cur: unknown = root;
  for (const p of path) cur = node(cur)?.[p];
  return cur;
};

function accountId(acct: unknown): string | undefined {
  return text(at(acct, 'Id', 'IBAN')) ?? text(at(acct, 'Id', 'Othr', 'Id'));
}
function agentId(agent: unknown): string | undefined {
  return (
    text(at(agent, 'FinInstnId', 'BICFI')) ??
    text(at(agent, 'FinInstnId', 'ClrSysMmbId', 'MmbId')) ??
    text(at(agent, 'FinInstnId', 'Othr', 'Id')) ??
    text(at(agent, 'FinInstnId', 'Nm'))
  );
}

export interface Pacs008Problem {
  readonly index: number;
  readonly problems: readonly string[];
}

export function parsePacs008Body(xml: string): { transactions: Transaction[]; invalid: Pacs008Problem[] } {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new ApiError(
      'XML_REJECTED',
      'XML with a DOCTYPE or ENTITY declaration is refused (no entities are processed)',
    );
  }
  let doc: unknown;
  try {
    doc = parser.parse(xml, true);
  } catch (error) {
    throw new ApiError('XML_REJECTED', `not well-formed XML: ${(error as Error).message}`);
  }
  const transfer = at(doc, 'Document', 'FIToFICstmrCdtTrf');
  if (node(transfer) === undefined) {
    throw new ApiError('XML_REJECTED', 'expected a pacs.008 Document with FIToFICstmrCdtTrf');
  }
  const created = text(at(transfer, 'GrpHdr', 'CreDtTm'));
  const msgId = text(at(transfer, 'GrpHdr', 'MsgId')) ?? 'pacs008';
  const items = (node(transfer)?.CdtTrfTxInf as unknown[] | undefined) ?? [];
  const transactions: Transaction[] = [];
  const invalid: Pacs008Problem[] = [];
  items.forEach((item, index) => {
    const problems: string[] = [];
    const amountNode = at(item, 'IntrBkSttlmAmt');
    const currency = text(at(amountNode, '@Ccy')) ?? '';
    const amountText = text(amountNode);
    if (findCurrency(currency)?.code !== currency)
      problems.push(`IntrBkSttlmAmt: unknown currency "${currency}"`);
    const amount = amountText === undefined ? undefined : parseAmount(amountText, currency);
    if (amount === undefined) problems.push(`IntrBkSttlmAmt: "${amountText ?? ''}" is not a valid amount`);
    const when = text(at(item, 'IntrBkSttlmDt')) ?? created;
    const ts =
      when === undefined
        ? Number.NaN
        : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(when) || when.length === 10 ? when : `${when}Z`);
    if (Number.isNaN(ts)) problems.push('IntrBkSttlmDt / GrpHdr.CreDtTm: missing or not a date');
    const fromAccount = accountId(at(item, 'DbtrAcct'));
    const toAccount = accountId(at(item, 'CdtrAcct'));
    const fromBank = agentId(at(item, 'DbtrAgt'));
    const toBank = agentId(at(item, 'CdtrAgt'));
    if (fromAccount === undefined) problems.push('DbtrAcct: no IBAN or Othr/Id');
    if (toAccount === undefined) problems.push('CdtrAcct: no IBAN or Othr/Id');
    if (fromBank === undefined) problems.push('DbtrAgt: no BICFI, member id or name');
    if (toBank === undefined) problems.push('CdtrAgt: no BICFI, member id or name');
    const id =
      text(at(item, 'PmtId', 'UETR')) ??
      text(at(item, 'PmtId', 'TxId')) ??
      text(at(item, 'PmtId', 'EndToEndId')) ??
      `${msgId}/${index}`;
    if (problems.length > 0 || amount === undefined) {
      invalid.push({ index, problems });
      return;
    }
    const purpose = text(at(item, 'RmtInf', 'Ustrd')) ?? text(at(item, 'Purp', 'Cd'));
    transactions.push({
      id,
      row: -1,
      ts,
      fromBank: fromBank as string,
      fromAccount: fromAccount as string,
      toBank: toBank as string,
      toAccount: toAccount as string,
      amountPaid: amount,
      currencyPaid: currency,
      amountReceived: amount,
      currencyReceived: currency,
      paymentFormat: 'Wire',
      fromCountry: text(at(item, 'Dbtr', 'PstlAdr', 'Ctry')),
      toCountry: text(at(item, 'Cdtr', 'PstlAdr', 'Ctry')),
      purpose,
      debtorName: text(at(item, 'Dbtr', 'Nm')),
      creditorName: text(at(item, 'Cdtr', 'Nm')),
    });
  });
  if (items.length === 0) throw new ApiError('XML_REJECTED', 'the pacs.008 message holds no CdtTrfTxInf');
  return { transactions, invalid };
}
