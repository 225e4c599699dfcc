import type { MediaCustomer } from '@raqib/core';
import { parse } from 'csv-parse/sync';

/** A customers file that cannot be used, naming the file, line and problem. */
export class CustomersFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CustomersFileError';
  }
}

const MAX_CUSTOMERS_BYTES = 256 << 20;

/**
 * Reads customers to watch in the news from CSV with a header: `id,name` required, `type` (person |
 * organisation), `bank`, `account` and `country` optional. Every bad row is reported at once with its line.
 */
export function readCustomersCsv(text: string, file: string): MediaCustomer[] {
  if (text.length > MAX_CUSTOMERS_BYTES)
    throw new CustomersFileError(`${file}: exceeds the ${MAX_CUSTOMERS_BYTES}-byte limit`);
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(text, {
      columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (e) {
    throw new CustomersFileError(`${file}: ${(e as Error).message}`);
  }
  const first = rows[0];
  if (first !== undefined && (!('id' in first) || !('name' in first)))
    throw new CustomersFileError(
      `${file}: header must name the columns id and name (found: ${Object.keys(first).join(', ')})`,
    );
  const errors: string[] = [];
  const out: MediaCustomer[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const line = i + 2;
    const id = r.id ?? '';
    const name = r.name ?? '';
    const type = (r.type ?? '').toLowerCase();
    if (id === '') errors.push(`${file}:${line}: id is empty`);
    else if (seen.has(id)) errors.push(`${file}:${line}: id "${id}" appears twice`);
    if (name === '') errors.push(`${file}:${line}: name is empty`);
    if (type !== '' && type !== 'person' && type !== 'organisation' && type !== 'organization')
      errors.push(`${file}:${line}: type must be person or organisation, got "${r.type}"`);
    if ((r.bank ?? '') !== '' && (r.account ?? '') === '')
      errors.push(`${file}:${line}: bank given without account`);
    if (id === '' || name === '') return;
    seen.add(id);
    out.push({
      id,
      name,
      type: type === 'organisation' || type === 'organization' ? 'organisation' : 'person',
      ...((r.account ?? '') === '' ? {} : { account: { bank: r.bank ?? '', account: r.account ?? '' } }),
      ...((r.country ?? '') === '' ? {} : { country: (r.country ?? '').toUpperCase() }),
    });
  });
  if (errors.length > 0)
    throw new CustomersFileError(
      errors.slice(0, 20).join('\n') + (errors.length > 20 ? `\n… and ${errors.length - 20} more` : ''),
    );
  return out;
}
