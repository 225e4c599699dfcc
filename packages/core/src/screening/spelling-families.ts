/**
 * Spelling families of common Arabic-origin names in Latin script: romanisations of one Arabic name that
 * a consonant key alone cannot tell from different names (Yusuf/Youssef vs Mary/Mario both differ only in
 * vowels). Members of a family meet as 'spelling-variant' at full strength; other Latin pairs with the same
 * key need close spellings. Built from the OFAC/UN lists' own alias pairs and the OFAC name fixtures.
 */
const FAMILIES: readonly string[] = [
  'muhammad mohammed mohamed mohamad mohammad muhammed mohamud mohummad muhamad mohd mohamaed mouhamed mohammadi',
  'ahmad ahmed ahmet ahmat achmad',
  'mahmud mahmoud mahmood mehmood mahmut',
  'hussein husayn hussain husain hussien hossein husein housein hussin hosein huseyin',
  'hassan hasan hasen hassen hassane',
  'hassani hasani',
  'yusuf youssef yousef yousif yusef youssouf yousuf yusif yossef',
  'ibrahim ebrahim ibraheem brahim ibrahima',
  'usama osama oussama ousama osamah',
  'umar omar omer ömer oumar',
  'uthman othman osman usman otman',
  'ali aly alee',
  'abdullah abdallah abdulla abdalla abdellah abdoulaye abdelilah',
  'khalid khaled khaleed',
  'khalil khaleel halil',
  'mustafa mostafa moustafa mustapha mostapha',
  'said saeed sayed sayyid saied seyed syed sayid saiid',
  'salih saleh salah salahuddin',
  'hamid hameed hamed',
  'hamad hammad',
  'rashid rasheed rachid rached',
  'majid majeed magid maged',
  'jamal gamal djamel jamel',
  'karim kareem karime',
  'nasir nasser naser nassir nasr',
  'qasim kassim qassem kasem kassem qasem gasim',
  'tariq tarik tarek tareq',
  'walid waleed oualid',
  'zaid zayd zeid said',
  'yahya yahia yehia yahiya',
  'isa issa eisa aissa',
  'musa moussa mousa mussa',
  'ismail ismael esmail smail',
  'jafar jaafar jafer djafar',
  'faisal faysal faycal feisal',
  'abbas abass',
  'anwar anouar anuar',
  'ayman aiman',
  'bakr bakar bakir',
  'hamza hamzah hamzeh',
  'hafiz hafez hafeez',
  'idris idriss edris',
  'jabir jaber',
  'mansur mansour mansoor',
  'mahdi mehdi',
  'munir mounir',
  'nabil nabeel',
  'nur nour noor',
  'qadir kader qader kadir',
  'rahman rehman rahmane',
  'sadiq sadek sadeq sadik siddiq',
  'sharif sherif cherif shareef',
  'shaikh sheikh shaykh cheikh',
  'sulayman suleiman sulaiman soliman sleiman suleyman',
  'tahir taher tahar',
  'wali waly',
  'yasin yassin yaseen yassine',
  'zakariya zakaria zakariyya zakariyah',
  'aziz azeez',
  'laden ladin',
  'qaida qaeda qaidah',
  'amer aamer amir ameer',
  'hatim hatem',
  'haytham haitham haisam heysam',
  'iman eman',
  'hani hany',
];

const byName = new Map<string, number>();
FAMILIES.forEach((line, i) => {
  for (const n of line.split(' ')) if (!byName.has(n)) byName.set(n, i);
});

/** Arabic-script spellings (normalised as in normalize.ts) of the commonest names, pointing at their Latin family. */
const ARABIC_FORMS: Readonly<Record<string, string>> = {
  محمد: 'muhammad',
  احمد: 'ahmad',
  محمود: 'mahmud',
  حسين: 'hussein',
  حسن: 'hassan',
  يوسف: 'yusuf',
  ابراهيم: 'ibrahim',
  اسامه: 'usama',
  عمر: 'umar',
  عثمان: 'uthman',
  علي: 'ali',
  خالد: 'khalid',
  خليل: 'khalil',
  مصطفي: 'mustafa',
  سعيد: 'said',
  صالح: 'salih',
  حامد: 'hamid',
  حمد: 'hamad',
  رشيد: 'rashid',
  ماجد: 'majid',
  جمال: 'jamal',
  كريم: 'karim',
  ناصر: 'nasir',
  قاسم: 'qasim',
  طارق: 'tariq',
  وليد: 'walid',
  زيد: 'zaid',
  يحيي: 'yahya',
  عيسي: 'isa',
  موسي: 'musa',
  اسماعيل: 'ismail',
  جعفر: 'jafar',
  فيصل: 'faisal',
  عباس: 'abbas',
  انور: 'anwar',
  ايمن: 'ayman',
  حمزه: 'hamza',
  منصور: 'mansur',
  مهدي: 'mahdi',
  نور: 'nur',
  شريف: 'sharif',
  سليمان: 'sulayman',
  طاهر: 'tahir',
  ياسين: 'yasin',
  زكريا: 'zakariya',
  عزيز: 'aziz',
  عامر: 'amer',
  حاتم: 'hatim',
  هيثم: 'haytham',
  ايمان: 'iman',
  هاني: 'hani',
};

/**
 * For an Arabic-script token of a common name and a Latin token, whether they are the same name (true),
 * different common names (false: محمد is not Mahmud, though both keys are m-h-m-d), or unknown (undefined).
 */
export function arabicFamilyAgrees(arabic: string, latin: string): boolean | undefined {
  const fa = arabicForm(arabic);
  const fl = byName.get(latin);
  if (fa === undefined || fl === undefined) return undefined;
  return byName.get(fa) === fl;
}

/** True for the Arabic-script spelling of one of the commonest names (حسين, علي, يوسف). */
export function isCommonArabicName(arabic: string): boolean {
  return arabicForm(arabic) !== undefined;
}

/** True for a Latin spelling of one of the common Arabic-origin names above (Mohammed, Ahmad, Ali, Youssef). */
export function isArabicNameSpelling(latin: string): boolean {
  return byName.has(latin);
}

/** True when two normalised Latin tokens are spellings of the same Arabic name. */
export function sameSpellingFamily(a: string, b: string): boolean {
  const fa = byName.get(a);
  return fa !== undefined && fa === byName.get(b);
}

function knownArabicName(token: string): string | undefined {
  const direct = arabicForm(token);
  if (direct !== undefined) return direct;
  // a nisba on a given name (محمدي, احمدي): a family name built on the given name
  return token.endsWith('ي') ? arabicForm(token.slice(0, -1)) : undefined;
}

/**
 * The family of an Arabic-script spelling, own keys only: a token that starts in Arabic script may go on in Latin
 * (بنconstructor, whose tail after بن is looked up), and "constructor" must not find Object's.
 */
function arabicForm(token: string): string | undefined {
  return Object.hasOwn(ARABIC_FORMS, token) ? ARABIC_FORMS[token] : undefined;
}

/**
 * True when two Arabic-script tokens are two different common names, or nisbas built on two different common
 * names (محمدی is not احمدی, محمد is not محمود), though one letter apart; false when unknown or the same.
 */
export function arabicNamesDiffer(a: string, b: string): boolean {
  const fa = knownArabicName(a);
  const fb = knownArabicName(b);
  if (fa === undefined || fb === undefined) return false;
  return byName.get(fa) !== byName.get(fb);
}
