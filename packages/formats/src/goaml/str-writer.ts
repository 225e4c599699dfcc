import { XMLBuilder } from 'fast-xml-parser';
import { goamlCurrency } from './goaml-currency.ts';
import { splitPersonName, toGoamlLatin } from './latin-name.ts';
import type { GoamlParty, GoamlStr, GoamlTransaction } from './str-report.ts';

export interface GoamlWriteOptions {
  /**
   * Where a person's name in its original script goes. `full_name_frn` is the schema's field for it (flagged as
   * supported from 5.2 in the FIU's 5.0.2 export); `alias` is accepted by every 5.x portal.
   */
  readonly originalNameElement?: 'full_name_frn' | 'alias';
}

type Node = Record<string, unknown>;

/** goAML dates are xs:dateTime without a zone; raqib reports UTC. */
function sqlDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

const PERSON_TYPES = new Set(['individual']);

/** A Latin name for a schema field that must not be empty. */
function latinOr(text: string | undefined, fallback: string, max: number): string {
  const latin = text === undefined ? '' : toGoamlLatin(text, max);
  return latin === '' ? fallback : latin;
}

function accountNode(party: GoamlParty, options: GoamlWriteOptions): Node {
  const node: Node = {};
  if (party.institutionName !== undefined) node.institution_name = party.institutionName.slice(0, 255);
  node.institution_code = party.bank.slice(0, 50);
  node.account = party.account.slice(0, 255);
  const latinHolder = latinOr(party.holderName, `Account ${party.account}`, 255);
  node.account_name = latinHolder;
  const original = party.holderName?.trim();
  const transliterated = original !== undefined && original !== '' && original !== latinHolder;
  if (original !== undefined && original !== '') {
    if (party.holderType !== undefined && PERSON_TYPES.has(party.holderType)) {
      const { first, last } = splitPersonName(latinHolder);
      const person: Node = { first_name: first, last_name: last };
      if (transliterated) person[options.originalNameElement ?? 'full_name_frn'] = original.slice(0, 100);
      node.signatory = { is_primary: 1, t_person: person };
    } else if (party.holderType !== undefined && party.holderType !== 'unknown') {
      node.t_entity = { name: latinHolder };
    }
  }
  // the original script is kept for every holder type, persons and entities alike
  if (transliterated) node.comments = `Account holder name as written: ${original}`;
  return node;
}

function transactionNode(tx: GoamlTransaction, options: GoamlWriteOptions): Node {
  const from: Node = { from_funds_code: tx.fromFundsCode };
  const comments = tx.comments === undefined ? [] : [tx.comments];
  const foreignCode = tx.foreign === undefined ? undefined : goamlCurrency(tx.foreign.currency);
  if (tx.foreign !== undefined && foreignCode === undefined) {
    // goAML has no code for this currency: the original amount is kept in words instead
    comments.push(`original amount ${tx.foreign.amount} ${tx.foreign.currency} at ${tx.foreign.rate}`);
  }
  if (tx.foreign !== undefined && foreignCode !== undefined) {
    from.from_foreign_currency = {
      foreign_currency_code: foreignCode,
      foreign_amount: tx.foreign.amount,
      foreign_exchange_rate: tx.foreign.rate,
    };
  }
  from.from_account = accountNode(tx.from, options);
  from.from_country = tx.from.country ?? '-';
  const node: Node = {
    transactionnumber: tx.id.slice(0, 100),
    internal_ref_number: tx.id.slice(0, 100),
    transaction_location: tx.location.slice(0, 255),
    transaction_description: tx.description.slice(0, 8000),
    date_transaction: sqlDate(tx.ts),
    transmode_code: tx.transmodeCode,
    // transmode_comment is one character in the schema; "E" (electronic) as in the FIU's own samples
    transmode_comment: 'E',
    amount_local: tx.amountLocal,
    t_from: from,
    t_to: {
      to_funds_code: tx.toFundsCode,
      to_account: accountNode(tx.to, options),
      to_country: tx.to.country ?? '-',
    },
  };
  if (comments.length > 0) node.comments = comments.join('; ').slice(0, 8000);
  return node;
}

/**
 * Renders a goAML 5.0.2 STR (`report_code` STR, transaction-based, account to account). Element order follows
 * the schema's sequences; text is escaped by the XML builder. Validated against the FIU schema in the tests.
 */
export function writeGoamlStr(report: GoamlStr, options: GoamlWriteOptions = {}): string {
  const activity = report.activity ?? [];
  if (report.transactions.length === 0 && activity.length === 0) {
    throw new Error('a goAML report needs at least one transaction or reported party');
  }
  if (report.indicators.length === 0) throw new Error('a goAML STR needs at least one report indicator');
  const root: Node = {
    rentity_id: report.rentityId,
  };
  if (report.rentityBranch !== undefined) root.rentity_branch = report.rentityBranch.slice(0, 255);
  root.submission_code = 'E';
  // transaction-based suspicion is an STR; a party reported without transactions is an activity report (SAR)
  root.report_code = report.transactions.length > 0 ? 'STR' : 'SAR';
  root.entity_reference = report.entityReference.slice(0, 255);
  root.submission_date = sqlDate(report.reportDate);
  root.currency_code_local = report.localCurrency;
  if (report.reportingPerson !== undefined) {
    const { first, last } = splitPersonName(latinOr(report.reportingPerson.name, '-', 200));
    const person: Node = { first_name: first, last_name: last };
    if (report.reportingPerson.email !== undefined) person.email = report.reportingPerson.email;
    if (report.reportingPerson.occupation !== undefined)
      person.occupation = report.reportingPerson.occupation;
    root.reporting_person = person;
  }
  root.reason = report.reason.slice(0, 8000);
  if (report.action !== undefined) root.action = report.action.slice(0, 8000);
  if (report.transactions.length > 0) {
    root.transaction = report.transactions.map((t) => transactionNode(t, options));
  } else {
    root.activity = {
      report_parties: {
        report_party: activity.map((a) => ({
          account: accountNode(a.party, options),
          significance: Math.max(0, Math.min(10, Math.round(a.significance))),
          reason: a.reason.slice(0, 8000),
        })),
      },
    };
  }
  root.report_indicators = { indicator: [...report.indicators] };
  const builder = new XMLBuilder({
    format: true,
    indentBy: '  ',
    processEntities: true,
    suppressEmptyNode: false,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ report: root }) as string}`;
}
