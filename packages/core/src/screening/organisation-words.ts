/**
 * Arabic-script organisation vocabulary and its English and French renderings. Listed groups are named in
 * Arabic by the UN and in translation by everyone else (الجماعة الإسلامية المقاتلة الليبية = Libyan Islamic
 * Fighting Group = Groupe islamique combattant libyen), so no transliteration key reaches them. This is a
 * word glossary, not a table of names: only generic words of organisation names (group, front, network,
 * army, exchange…), adjectives of religion and arms, and the country and regional names and nisbas that
 * appear in them. Personal names are never in it (they meet by transliteration).
 * Written from general Arabic, Persian and Urdu usage; entries are normalised as in normalize.ts, and the
 * article ال is already split off by the parser.
 */
import { normalizeText } from './normalize.ts';

const GLOSSARY: Readonly<Record<string, string>> = {
  // kinds of organisation
  جماعة: 'group groupe',
  جمعية: 'society association charity',
  جبهة: 'front',
  حركة: 'movement mouvement',
  حرکت: 'movement',
  تحریک: 'movement',
  حزب: 'party parti',
  تنظيم: 'organization organisation',
  منظمة: 'organization organisation',
  شبكة: 'network',
  جيش: 'army armee',
  كتائب: 'brigades battalions',
  كتيبة: 'brigade battalion',
  لواء: 'brigade',
  مكتب: 'office bureau',
  صرافة: 'exchange',
  صرافي: 'exchange',
  دولة: 'state etat',
  اتحاد: 'union',
  مجلس: 'council',
  هيئة: 'commission committee authority board',
  مؤسسة: 'foundation establishment',
  بنك: 'bank banque',
  مصرف: 'bank banque',
  // what the organisation says of itself
  اسلامي: 'islamic islamique islamiste',
  اسلامية: 'islamic islamique islamiste',
  مقاتلة: 'fighting combatant combattant',
  مسلحة: 'armed arme',
  خيرية: 'charitable charity welfare',
  اغاثة: 'relief',
  احياء: 'revival',
  تراث: 'heritage',
  انصار: 'supporters partisans followers',
  مهاجرين: 'emigrants migrants',
  مجاهدين: 'mujahideen fighters',
  دولي: 'international',
  دولية: 'international',
  عالمي: 'world global',
  عالمية: 'world global',
  // places and their nisbas
  مصر: 'egypt',
  مصري: 'egyptian',
  ليبيا: 'libya',
  ليبي: 'libyan',
  ليبية: 'libyan libyen',
  مغرب: 'maghreb morocco',
  مغربي: 'moroccan marocain',
  مغربية: 'moroccan marocain',
  تونس: 'tunisia',
  تونسي: 'tunisian tunisien',
  تونسية: 'tunisian tunisien',
  جزائر: 'algeria',
  جزائري: 'algerian',
  عراق: 'iraq',
  عراقي: 'iraqi',
  شام: 'levant syria',
  سوريا: 'syria',
  سوري: 'syrian',
  يمن: 'yemen',
  يمني: 'yemeni',
  سودان: 'sudan',
  صومال: 'somalia',
  عرب: 'arab arabian',
  عربي: 'arab arabian',
  عربية: 'arab arabian',
  جزيرة: 'peninsula',
  افريقيا: 'africa afrique',
  غرب: 'west ouest',
  شرق: 'east',
  باكستان: 'pakistan',
  افغانستان: 'afghanistan',
};

const TRANSLATIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(GLOSSARY).map(([ar, words]) => [normalizeText(ar), words.split(' ')]),
);

const NONE: readonly string[] = [];

/** English and French renderings of a normalised Arabic-script word of an organisation name ([] if none). */
export function translationsOf(arabicToken: string): readonly string[] {
  return TRANSLATIONS.get(arabicToken) ?? NONE;
}
