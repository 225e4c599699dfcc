/**
 * Country names → ISO 3166 alpha-2. Lists write countries as names ("Syrian Arab Republic", "Iran (Islamic
 * Republic of)"); queries give codes. The table is built from the ECMAScript Intl region names (English and
 * Arabic, so no data file to keep current) plus the UN and OFAC long forms that Intl does not produce.
 */
import { normalizeText } from './normalize.ts';

const EXTRA: Readonly<Record<string, string>> = {
  'syrian arab republic': 'SY',
  'iran islamic republic of': 'IR',
  'russian federation': 'RU',
  'democratic peoples republic of korea': 'KP',
  'north korea': 'KP',
  dprk: 'KP',
  'korea north': 'KP',
  'republic of korea': 'KR',
  'south korea': 'KR',
  'korea south': 'KR',
  'united republic of tanzania': 'TZ',
  'viet nam': 'VN',
  'libyan arab jamahiriya': 'LY',
  'united states of america': 'US',
  usa: 'US',
  'united kingdom of great britain and northern ireland': 'GB',
  uk: 'GB',
  'great britain': 'GB',
  'democratic republic of the congo': 'CD',
  'congo democratic republic of the': 'CD',
  'republic of the congo': 'CG',
  'lao peoples democratic republic': 'LA',
  'bolivia plurinational state of': 'BO',
  'venezuela bolivarian republic of': 'VE',
  'republic of moldova': 'MD',
  'state of palestine': 'PS',
  palestinian: 'PS',
  'west bank': 'PS',
  gaza: 'PS',
  'gaza strip': 'PS',
  turkiye: 'TR',
  burma: 'MM',
  'cote divoire': 'CI',
  'ivory coast': 'CI',
  'the former yugoslav republic of macedonia': 'MK',
  'north macedonia': 'MK',
  kosovo: 'XK',
  'czech republic': 'CZ',
  swaziland: 'SZ',
  'cabo verde': 'CV',
  'holy see': 'VA',
  'micronesia federated states of': 'FM',
  // Spellings of the UN and OFAC files (../shared/data/sanctions) that this Node's Intl names do not produce:
  // Intl writes "Türkiye", "Bosnia & Herzegovina", "Myanmar (Burma)", "Hong Kong SAR China", and its names
  // change with the ICU version, so the lists' own spellings are written here
  turkey: 'TR',
  'bosnia and herzegovina': 'BA',
  'trinidad and tobago': 'TT',
  'antigua and barbuda': 'AG',
  'saint kitts and nevis': 'KN',
  'saint vincent and the grenadines': 'VC',
  myanmar: 'MM',
  'hong kong': 'HK',
  'china hong kong special administrative region': 'HK',
  macau: 'MO',
  'virgin islands british': 'VG',
  'man isle of': 'IM',
  'bahamas the': 'BS',
  'congo republic of the': 'CG',
  'cote d ivoire': 'CI',
  'macedonia the former yugoslav republic of': 'MK',
  'north macedonia the republic of': 'MK',
};

/** ISO 3166-1 alpha-3 → alpha-2 as 5-letter groups (from Debian iso-codes), for lists that write IRQ, SYR… */
const ALPHA3 =
  'ABWAW AFGAF AGOAO AIAAI ALAAX ALBAL ANDAD AREAE ARGAR ARMAM ASMAS ATAAQ ATFTF ATGAG AUSAU AUTAT ' +
  'AZEAZ BDIBI BELBE BENBJ BESBQ BFABF BGDBD BGRBG BHRBH BHSBS BIHBA BLMBL BLRBY BLZBZ BMUBM BOLBO ' +
  'BRABR BRBBB BRNBN BTNBT BVTBV BWABW CAFCF CANCA CCKCC CHECH CHLCL CHNCN CIVCI CMRCM CODCD COGCG ' +
  'COKCK COLCO COMKM CPVCV CRICR CUBCU CUWCW CXRCX CYMKY CYPCY CZECZ DEUDE DJIDJ DMADM DNKDK DOMDO ' +
  'DZADZ ECUEC EGYEG ERIER ESHEH ESPES ESTEE ETHET FINFI FJIFJ FLKFK FRAFR FROFO FSMFM GABGA GBRGB ' +
  'GEOGE GGYGG GHAGH GIBGI GINGN GLPGP GMBGM GNBGW GNQGQ GRCGR GRDGD GRLGL GTMGT GUFGF GUMGU GUYGY ' +
  'HKGHK HMDHM HNDHN HRVHR HTIHT HUNHU IDNID IMNIM INDIN IOTIO IRLIE IRNIR IRQIQ ISLIS ISRIL ITAIT ' +
  'JAMJM JEYJE JORJO JPNJP KAZKZ KENKE KGZKG KHMKH KIRKI KNAKN KORKR KWTKW LAOLA LBNLB LBRLR LBYLY ' +
  'LCALC LIELI LKALK LSOLS LTULT LUXLU LVALV MACMO MAFMF MARMA MCOMC MDAMD MDGMG MDVMV MEXMX MHLMH ' +
  'MKDMK MLIML MLTMT MMRMM MNEME MNGMN MNPMP MOZMZ MRTMR MSRMS MTQMQ MUSMU MWIMW MYSMY MYTYT NAMNA ' +
  'NCLNC NERNE NFKNF NGANG NICNI NIUNU NLDNL NORNO NPLNP NRUNR NZLNZ OMNOM PAKPK PANPA PCNPN PERPE ' +
  'PHLPH PLWPW PNGPG POLPL PRIPR PRKKP PRTPT PRYPY PSEPS PYFPF QATQA REURE ROURO RUSRU RWARW SAUSA ' +
  'SDNSD SENSN SGPSG SGSGS SHNSH SJMSJ SLBSB SLESL SLVSV SMRSM SOMSO SPMPM SRBRS SSDSS STPST SURSR ' +
  'SVKSK SVNSI SWESE SWZSZ SXMSX SYCSC SYRSY TCATC TCDTD TGOTG THATH TJKTJ TKLTK TKMTM TLSTL TONTO ' +
  'TTOTT TUNTN TURTR TUVTV TWNTW TZATZ UGAUG UKRUA UMIUM URYUY USAUS UZBUZ VATVA VCTVC VENVE VGBVG ' +
  'VIRVI VNMVN VUTVU WLFWF WSMWS YEMYE ZAFZA ZMBZM ZWEZW ';

let table: Map<string, string> | undefined;
let alpha3: Map<string, string> | undefined;
let alpha2: Set<string> | undefined;

/**
 * Retired ISO 3166 codes that Intl still names after their successors, each with its successor: SU "Russia",
 * FX "France", UK "United Kingdom", YU "Serbia", DY "Benin", HV "Burkina Faso", ZR "Congo - Kinshasa",
 * TP "Timor-Leste". None is a country code (isCountryCode), so names are no longer read to them; entries an
 * earlier raqib stored with them are told apart on the next load (store-sql's list delta notes).
 */
export const RETIRED_COUNTRY_CODES: Readonly<Record<string, string>> = {
  SU: 'RU',
  FX: 'FR',
  UK: 'GB',
  YU: 'RS',
  DY: 'BJ',
  HV: 'BF',
  ZR: 'CD',
  TP: 'TL',
};

/** True for an ISO 3166-1 alpha-2 code (upper case), or XK, which the lists use for Kosovo. */
export function isCountryCode(code: string): boolean {
  alpha2 ??= new Set([
    ...ALPHA3.trim()
      .split(' ')
      .map((g) => g.slice(3)),
    'XK',
  ]);
  return alpha2.has(code);
}

function build(): Map<string, string> {
  const map = new Map<string, string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const ar = new Intl.DisplayNames(['ar'], { type: 'region', fallback: 'none' });
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      // Intl names retired codes after their successors (RETIRED_COUNTRY_CODES: SU "Russia", FX "France"…):
      // read in A–Z order they would replace the real code
      if (!isCountryCode(code)) continue;
      for (const names of [en, ar]) {
        const name = names.of(code);
        if (name && name !== code) map.set(normalizeText(name), code);
      }
    }
  }
  for (const [name, code] of Object.entries(EXTRA)) map.set(normalizeText(name), code);
  return map;
}

/**
 * ISO 3166 alpha-2 code for a country name or code (English or Arabic), or undefined when unknown.
 * Adjectives of nationality are not recognised here (a country field names countries): a nationality field is read
 * with nationalityCode (demonyms.ts), which also reads them.
 */
export function countryCode(nameOrCode: string): string | undefined {
  const raw = nameOrCode.trim();
  // UK is no ISO code but is how the United Kingdom is commonly written; passed through it would match no GB
  if (/^[A-Za-z]{2}$/.test(raw)) return raw.toUpperCase() === 'UK' ? 'GB' : raw.toUpperCase();
  if (/^[A-Z]{3}$/.test(raw)) {
    alpha3 ??= new Map(ALPHA3.split(' ').map((g) => [g.slice(0, 3), g.slice(3)]));
    const code = alpha3.get(raw);
    if (code) return code;
  }
  table ??= build();
  const norm = normalizeText(raw);
  return table.get(norm) ?? table.get(norm.replace(/^the /, ''));
}

/**
 * countryCode, but only a code isCountryCode accepts: countryCode passes any two letters through, and ZZ stored
 * on an entry or a customer would match no country. Undefined for a name or code that is no country.
 */
export function isoCountryCode(nameOrCode: string): string | undefined {
  const code = countryCode(nameOrCode);
  return code !== undefined && isCountryCode(code) ? code : undefined;
}
