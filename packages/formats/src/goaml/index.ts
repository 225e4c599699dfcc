export * from './goaml-currency.ts';
export * from './indicator-catalogue.ts';
export * from './latin-name.ts';
export * from './str-from-transactions.ts';
export * from './str-report.ts';
export * from './str-writer.ts';
