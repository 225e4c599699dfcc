/**
 * A counted noun in the form the number asks for, by the CLDR plural category `Intl.PluralRules` gives: English
 * has two forms (1 account, 2 accounts), Arabic six (no account, one, two, 3–10 take the plural, 11–99 the
 * accusative singular, hundreds the genitive singular). Writing "{n} حسابات" for every number reads as wrong
 * Arabic for 1, 2 and anything above 10.
 */
export interface CountForms {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

const rules = new Map<string, Intl.PluralRules>();

/** The form of `forms` that `n` takes in `locale` (a BCP 47 tag); a category without a form takes `other`. */
export function countForm(n: number, forms: CountForms, locale: string): string {
  let r = rules.get(locale);
  if (r === undefined) {
    r = new Intl.PluralRules(locale);
    rules.set(locale, r);
  }
  return forms[r.select(n) as keyof CountForms] ?? forms.other;
}

/** `countForm` with `{n}` in the form replaced by `shown` (default: `n` in digits). */
export function countPhrase(n: number, forms: CountForms, locale: string, shown: string = String(n)): string {
  return countForm(n, forms, locale).replaceAll('{n}', shown);
}
