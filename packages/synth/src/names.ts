import type { EntityType, Rng } from '@raqib/core';
import type { CountryGroup } from './geography.ts';

const LATIN_FIRST = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Charles',
  'Karen',
  'Daniel',
  'Nancy',
  'Matthew',
  'Lisa',
  'Anthony',
  'Emma',
  'Lukas',
  'Sophie',
  'Jan',
  'Anna',
  'Pierre',
  'Camille',
  'Marco',
  'Giulia',
  'Javier',
  'Lucia',
  'Pieter',
  'Sanne',
  'Oliver',
  'Amelia',
  'Erik',
  'Ingrid',
  'Piotr',
  'Zofia',
  'Hans',
  'Claire',
  'Raj',
  'Priya',
  'Wei',
  'Li',
  'Hiroshi',
  'Yuki',
  'Carlos',
  'Ana',
  'Dmitri',
  'Olga',
  'Kemal',
  'Ayse',
  'Chinedu',
];
const LATIN_LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Dubois',
  'Moreau',
  'Laurent',
  'Rossi',
  'Russo',
  'Bianchi',
  'Fernández',
  'López',
  'de Vries',
  'Jansen',
  'Bakker',
  'Andersson',
  'Nielsen',
  'Kowalski',
  'Nowak',
  'Huber',
  'Patel',
  'Sharma',
  'Wang',
  'Zhang',
  'Tanaka',
  'Sato',
  'Silva',
  'Santos',
  'Ivanov',
  'Petrova',
  'Yılmaz',
  'Okafor',
];
const ARABIC_FIRST: readonly (readonly [string, string])[] = [
  ['محمد', 'Mohammed'],
  ['أحمد', 'Ahmed'],
  ['علي', 'Ali'],
  ['عمر', 'Omar'],
  ['خالد', 'Khaled'],
  ['يوسف', 'Youssef'],
  ['إبراهيم', 'Ibrahim'],
  ['حسن', 'Hassan'],
  ['حسين', 'Hussein'],
  ['مصطفى', 'Mustafa'],
  ['عبد الله', 'Abdullah'],
  ['عبد الرحمن', 'Abdulrahman'],
  ['سعيد', 'Saeed'],
  ['ماجد', 'Majed'],
  ['فيصل', 'Faisal'],
  ['طارق', 'Tariq'],
  ['سامي', 'Sami'],
  ['كريم', 'Karim'],
  ['فاطمة', 'Fatima'],
  ['عائشة', 'Aisha'],
  ['مريم', 'Maryam'],
  ['زينب', 'Zainab'],
  ['نور', 'Nour'],
  ['ليلى', 'Layla'],
  ['سارة', 'Sara'],
  ['هدى', 'Huda'],
  ['رنا', 'Rana'],
  ['ياسمين', 'Yasmin'],
  ['أمل', 'Amal'],
  ['سلمى', 'Salma'],
  ['جميلة', 'Jamila'],
  ['منى', 'Mona'],
];
const ARABIC_LAST: readonly (readonly [string, string])[] = [
  ['العلي', 'Al-Ali'],
  ['الحسن', 'Al-Hassan'],
  ['الخطيب', 'Al-Khatib'],
  ['المصري', 'Al-Masri'],
  ['الشامي', 'Al-Shami'],
  ['الحلبي', 'Al-Halabi'],
  ['البغدادي', 'Al-Baghdadi'],
  ['التميمي', 'Al-Tamimi'],
  ['الزعبي', 'Al-Zoubi'],
  ['العبيدي', 'Al-Obaidi'],
  ['الجبوري', 'Al-Jubouri'],
  ['الدليمي', 'Al-Dulaimi'],
  ['القحطاني', 'Al-Qahtani'],
  ['الحربي', 'Al-Harbi'],
  ['العتيبي', 'Al-Otaibi'],
  ['النعيمي', 'Al-Nuaimi'],
  ['حداد', 'Haddad'],
  ['نصار', 'Nassar'],
  ['عثمان', 'Othman'],
  ['منصور', 'Mansour'],
  ['سليمان', 'Suleiman'],
  ['يونس', 'Younes'],
  ['عباس', 'Abbas'],
  ['الأحمد', 'Al-Ahmad'],
  ['الكردي', 'Al-Kurdi'],
  ['السوداني', 'Al-Sudani'],
  ['اليمني', 'Al-Yamani'],
];
const COMPANY_LATIN = [
  'Trading',
  'Logistics',
  'Holdings',
  'Foods',
  'Textiles',
  'Construction',
  'Consulting',
  'Electronics',
  'Pharma',
  'Motors',
  'Energy',
  'Imports',
  'Software',
  'Retail',
  'Shipping',
  'Agro',
];
const COMPANY_SUFFIX = ['LLC', 'Ltd', 'Inc.', 'GmbH', 'S.A.', 'B.V.', 'plc', 'SARL'];
const COMPANY_ARABIC = [
  'للتجارة',
  'للمقاولات',
  'للنقل',
  'للصناعات الغذائية',
  'للاستيراد والتصدير',
  'للإلكترونيات',
  'للأقمشة',
  'للسيارات',
];
const NPO_LATIN = [
  'Relief Foundation',
  'Aid Society',
  'Children Fund',
  'Humanitarian Trust',
  'Education Fund',
];
const NPO_ARABIC = ['جمعية {} الخيرية', 'مؤسسة {} للإغاثة', 'جمعية {} لرعاية الأيتام'];
const MSB_LATIN = ['Exchange', 'Money Transfer', 'Remittance Co.', 'Forex'];
const MSB_ARABIC = ['صرافة {}', 'شركة {} للصرافة', 'مكتب {} للحوالات'];
const GOV_LATIN = [
  'Ministry of Finance',
  'Tax Authority',
  'City Treasury',
  'Social Security Agency',
  'Customs Administration',
  'Public Utilities Board',
];
const GOV_ARABIC = [
  'وزارة المالية',
  'الهيئة العامة للضرائب',
  'أمانة المدينة',
  'المؤسسة العامة للتأمينات الاجتماعية',
];

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng.next() * list.length)] as T;
}

/** Arab-world banks' customers get Arabic names, half of them in Arabic script, half transliterated. */
function arabicPerson(rng: Rng): string {
  const first = pick(rng, ARABIC_FIRST);
  const father = pick(rng, ARABIC_FIRST.slice(0, 18));
  const last = pick(rng, ARABIC_LAST);
  return rng.next() < 0.5 ? `${first[0]} ${father[0]} ${last[0]}` : `${first[1]} ${father[1]} ${last[1]}`;
}

function latinPerson(rng: Rng): string {
  return `${pick(rng, LATIN_FIRST)} ${pick(rng, LATIN_LAST)}`;
}

/** A plausible holder name for an account of the given type at a bank in the given country group. */
export function holderName(rng: Rng, type: EntityType, group: CountryGroup): string {
  const arab = group === 'gulf' || group === 'levant' || group === 'conflict' ? 0.85 : 0.08;
  const isArab = rng.next() < arab;
  const script = isArab && rng.next() < 0.5;
  switch (type) {
    case 'individual':
    case 'unknown':
      return isArab ? arabicPerson(rng) : latinPerson(rng);
    case 'company':
      if (script) return `شركة ${pick(rng, ARABIC_LAST)[0]} ${pick(rng, COMPANY_ARABIC)}`;
      return `${isArab ? pick(rng, ARABIC_LAST)[1] : pick(rng, LATIN_LAST)} ${pick(rng, COMPANY_LATIN)} ${pick(rng, COMPANY_SUFFIX)}`;
    case 'npo':
      if (script) return pick(rng, NPO_ARABIC).replace('{}', pick(rng, ARABIC_FIRST)[0]);
      return `${isArab ? pick(rng, ARABIC_FIRST)[1] : pick(rng, LATIN_LAST)} ${pick(rng, NPO_LATIN)}`;
    case 'msb':
      if (script) return pick(rng, MSB_ARABIC).replace('{}', pick(rng, ARABIC_LAST)[0]);
      return `${isArab ? pick(rng, ARABIC_LAST)[1] : pick(rng, LATIN_LAST)} ${pick(rng, MSB_LATIN)}`;
    case 'government':
      return script ? pick(rng, GOV_ARABIC) : pick(rng, GOV_LATIN);
  }
}
