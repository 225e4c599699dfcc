/**
 * Units of physical quantities and the commodities that follow them in news ("25 ألف برميل نفط",
 * "3 أطنان من حبوب الكبتاغون", "25,000 barrels of oil"). Hand-written for raqib.
 */
export const QUANTITY_UNITS: Readonly<Record<string, readonly string[]>> = {
  barrel: ['برميل', 'براميل', 'برميلا', 'برميلاً', 'barrel', 'barrels', 'bbl'],
  tonne: ['طن', 'أطنان', 'طنا', 'طناً', 'tonne', 'tonnes', 'ton', 'tons', 'metric tons'],
  kg: [
    'كيلوغرام',
    'كيلوغرامات',
    'كيلوغراما',
    'كيلوغراماً',
    'كيلوجرام',
    'كيلوجرامات',
    'كيلو',
    'كغ',
    'كلغ',
    'kg',
    'kilograms',
    'kilos',
    'kilogram',
  ],
  gram: ['غرام', 'غرامات', 'جرام', 'grams', 'gram'],
  litre: ['لتر', 'لترات', 'لترا', 'litre', 'litres', 'liter', 'liters'],
  pill: ['حبة', 'حبات', 'قرص', 'أقراص', 'pills', 'tablets'],
  person: ['شخص', 'أشخاص', 'شخصا', 'شخصاً', 'people', 'persons'],
  piece: ['قطعة', 'قطع', 'قطعة أثرية', 'قطع أثرية', 'artefacts', 'artifacts', 'pieces'],
  vehicle: ['شاحنة', 'شاحنات', 'صهريج', 'صهاريج', 'trucks', 'tankers'],
};

/** Commodities named after a quantity's unit, optionally after من / of and a container word (حبوب). */
export const COMMODITIES: Readonly<Record<string, readonly string[]>> = {
  oil: ['نفط', 'النفط', 'الخام', 'oil', 'crude', 'crude oil'],
  fuel: ['وقود', 'الوقود', 'بنزين', 'مازوت', 'fuel', 'diesel', 'petrol'],
  gold: ['ذهب', 'الذهب', 'gold'],
  captagon: ['كبتاغون', 'الكبتاغون', 'كبتاجون', 'captagon'],
  cocaine: ['كوكايين', 'الكوكايين', 'cocaine'],
  heroin: ['هيروين', 'الهيروين', 'heroin'],
  hashish: ['حشيش', 'الحشيش', 'hashish', 'cannabis'],
  drugs: ['مخدرات', 'المخدرات', 'المواد المخدرة', 'drugs', 'narcotics'],
  cigarettes: ['سجائر', 'السجائر', 'cigarettes'],
  antiquities: ['آثار', 'الآثار', 'antiquities'],
  weapons: ['أسلحة', 'الأسلحة', 'weapons', 'arms'],
};

/** Words between a unit and its commodity that carry nothing ("3 أطنان من حبوب الكبتاغون"). */
export const COMMODITY_FILLERS: readonly string[] = ['من', 'حبوب', 'of'];
