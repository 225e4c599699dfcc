/**
 * OFAC keeps dates of birth, nationalities, documents and weak aliases inside the free-text Remarks
 * column ("DOB 10 Dec 1948; POB Giza, Egypt; Passport 1084010 (Egypt); a.k.a. 'BNC'."). These patterns
 * read the stable parts of that text; what they do not recognise stays in the remarks.
 */
/** A document read from the remarks, its issuing country as written ("Passport 1084010 (Egypt)"). */
export interface OfacRemarkDocument {
  readonly type: string;
  readonly value: string;
  readonly countryName?: string | undefined;
}

const MONTHS: Readonly<Record<string, string>> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** One OFAC date ("10 Dec 1948", "Dec 1948", "1948", "circa 1948") → ISO partial date. */
export function ofacDate(text: string): string | undefined {
  const t = text.trim().replace(/^circa\s+/i, '');
  let m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m) {
    const mon = MONTHS[(m[2] ?? '').toLowerCase()];
    return mon ? `${m[3]}-${mon}-${(m[1] ?? '').padStart(2, '0')}` : undefined;
  }
  m = /^([A-Za-z]{3})[a-z]* (\d{4})$/.exec(t);
  if (m) {
    const mon = MONTHS[(m[1] ?? '').toLowerCase()];
    return mon ? `${m[2]}-${mon}` : undefined;
  }
  m = /^(\d{4})$/.exec(t);
  return m ? m[1] : undefined;
}

function dob(text: string): string | undefined {
  const range = /^(.+?)\s+to\s+(.+)$/.exec(text);
  if (range) {
    const a = ofacDate(range[1] ?? '');
    const b = ofacDate(range[2] ?? '');
    return a && b ? `${a.slice(0, 4)}/${b.slice(0, 4)}` : undefined;
  }
  return ofacDate(text);
}

const ID_TYPES = [
  'Passport',
  'National ID No.',
  'Identification Number',
  'Cedula No.',
  'Tax ID No.',
  'Registration Number',
  'Registration ID',
  'Vessel Registration Identification',
  'SSN',
  'D.N.I.',
  'C.U.R.P.',
  'R.F.C.',
  'NIT #',
  "Driver's License No.",
  'Residency Number',
  'Personal ID Card',
] as const;

export interface OfacRemarkFacts {
  readonly birthDates: string[];
  /** Nationalities, citizenships and countries of registration as written: the parser reads them to codes. */
  readonly countryNames: string[];
  /** Documents, their countries as written: the parser reads them to codes (or keeps them as text). */
  readonly identifiers: OfacRemarkDocument[];
  readonly weakAliases: string[];
}

/** Reads DOBs, nationalities, citizenships, documents and quoted weak a.k.a.s from a Remarks text. */
export function readOfacRemarks(remarks: string): OfacRemarkFacts {
  const facts: OfacRemarkFacts = { birthDates: [], countryNames: [], identifiers: [], weakAliases: [] };
  for (const raw of remarks.split(';')) {
    const part = raw.trim().replace(/\.$/, '');
    const alt = part.replace(/^alt\.\s+/, '');
    let m = /^DOB (.+)$/.exec(alt);
    if (m) {
      const d = dob(m[1] ?? '');
      if (d) facts.birthDates.push(d);
      continue;
    }
    m = /^(?:nationality|citizen|Nationality of Registration) (.+)$/.exec(alt);
    if (m) {
      if (m[1]) facts.countryNames.push(m[1]);
      continue;
    }
    m = /^a\.k\.a\. '(.+)'$/.exec(alt);
    if (m) {
      facts.weakAliases.push(m[1] ?? '');
      continue;
    }
    for (const type of ID_TYPES) {
      if (!alt.startsWith(`${type} `)) continue;
      const rest = alt.slice(type.length + 1);
      const idm = /^(.+?)(?:\s+\(([^)]+)\))?(?:,\s.*)?$/.exec(rest);
      const value = (idm?.[1] ?? rest).replace(
        /^IMO\s+/,
        type === 'Vessel Registration Identification' ? 'IMO ' : '',
      );
      facts.identifiers.push({ type, value, countryName: idm?.[2] });
      break;
    }
  }
  return facts;
}
