/**
 * Fields the UK's two list formats (OFSI ConList CSV and the FCDO UK Sanctions List XML) write the same way.
 */
import type { EntityKind } from '@raqib/core';

/** dd/mm/yyyy with `dd`, `mm` or `00` standing for an unknown part → YYYY[-MM[-DD]]; undefined when not a date. */
export function ukDate(value: string): string | undefined {
  const m = /^(\d{2}|dd)\/(\d{2}|mm)\/(\d{4})$/i.exec(value.trim());
  if (!m) return undefined;
  const [, d = '', mo = '', y = ''] = m;
  if (!/^\d\d$/.test(mo) || mo === '00') return y;
  if (!/^\d\d$/.test(d) || d === '00') return `${y}-${mo}`;
  return `${y}-${mo}-${d}`;
}

/** Individual / Entity / Ship (either format's spelling, any case) → the entity kind; undefined otherwise. */
export function ukEntityKind(value: string): EntityKind | undefined {
  switch (value.trim().toLowerCase()) {
    case 'individual':
      return 'person';
    case 'entity':
      return 'organisation';
    case 'ship':
      return 'vessel';
    default:
      return undefined;
  }
}
