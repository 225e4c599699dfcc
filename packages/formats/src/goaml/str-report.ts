import type { EntityType } from '@raqib/core';

/** One side of a reported transaction: an account, and what is known of its holder. */
export interface GoamlParty {
  readonly bank: string;
  readonly account: string;
  /** ISO 3166-1 alpha-2; unknown → "-" in the report. */
  readonly country?: string | undefined;
  /** The holder's name in any script; romanised for the schema, the original kept beside it. */
  readonly holderName?: string | undefined;
  readonly holderType?: EntityType | undefined;
  readonly institutionName?: string | undefined;
  readonly currency?: string | undefined;
}

export interface GoamlTransaction {
  readonly id: string;
  /** Epoch ms. */
  readonly ts: number;
  readonly description: string;
  readonly location: string;
  /** goAML conduction (transmode) code, e.g. ELCFT, SWIFT, CDM. */
  readonly transmodeCode: string;
  /** goAML funds type of each side, e.g. ELCFT, CASH, CRPTC. */
  readonly fromFundsCode: string;
  readonly toFundsCode: string;
  /** Amount in the report's local currency, as an exact decimal string. */
  readonly amountLocal: string;
  /** The original amount when the payment was in another currency. */
  readonly foreign?:
    | { readonly currency: string; readonly amount: string; readonly rate: string }
    | undefined;
  readonly from: GoamlParty;
  readonly to: GoamlParty;
  /** goAML transaction `comments`, e.g. how amount_local was converted. */
  readonly comments?: string | undefined;
}

export interface GoamlReportingPerson {
  readonly name: string;
  readonly occupation?: string | undefined;
  readonly email?: string | undefined;
}

/** Everything a goAML STR needs, already decided: the writer only renders it. */
export interface GoamlStr {
  /** The reporting entity's id issued by the FIU (goAML `rentity_id`). */
  readonly rentityId: number;
  readonly rentityBranch?: string | undefined;
  /** The reporting entity's own reference, e.g. the case id. */
  readonly entityReference: string;
  /** Epoch ms. */
  readonly reportDate: number;
  /** ISO 4217 code of the local currency (AED for the UAE FIU). */
  readonly localCurrency: string;
  readonly reportingPerson?: GoamlReportingPerson | undefined;
  readonly reason: string;
  readonly action?: string | undefined;
  readonly transactions: readonly GoamlTransaction[];
  /**
   * Parties reported without transactions (a sanctions-screening hit on an account holder): the report is then
   * activity-based, `report_code` SAR, with one `report_party` each.
   */
  readonly activity?: readonly GoamlActivityParty[] | undefined;
  readonly indicators: readonly string[];
}

export interface GoamlActivityParty {
  readonly party: GoamlParty;
  /** 0–10: how strongly the party is suspected (raqib: the alert score × 10). */
  readonly significance: number;
  readonly reason: string;
}
