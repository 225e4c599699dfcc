/**
 * A date of birth written YYYY, YYYY-MM or YYYY-MM-DD, as it is stored: a month or day of 00 means unknown, as
 * lists write it (1961-00-00 is 1961, 1961-05-00 is 1961-05; the UK parsers read 00/00/1961 the same way).
 * Undefined for a date that cannot exist (1961-02-30, 1961-13-01): a typo stored as a birth date would count
 * against every screened person as a differing one.
 */
export function calendarDob(dob: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(dob);
  if (!m) return undefined;
  const [, year = '', month, day] = m;
  if (month === undefined || month === '00') return year;
  if (day === undefined || day === '00') return Number(month) <= 12 ? `${year}-${month}` : undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day) ? dob : undefined;
}
