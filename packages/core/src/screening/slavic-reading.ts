/**
 * The spelling of a Latin token as English-style romanisations of Slavic names write it, or the token itself:
 * German, Polish, Czech and Baltic romanisations write й as j after e/i/y (Sergej, Zelenskyj = Sergey,
 * Zelenskyy), в as w (Wolodymyr = Volodymyr), and Latvian adds the nominative -s to a Russian name (Sergejs
 * Lavrovs = Sergey Lavrov; only after j and -ov/-ev, where no English name ends so).
 */
export function slavicReading(t: string): string {
  if (!t.includes('j') && !t.includes('w') && !t.endsWith('s')) return t; // hot path: most tokens
  return t
    .replace(/(j|[oe]v)s$/, '$1')
    .replace(/([eiy])j(?=$|[^aeiou])/g, '$1y')
    .replace(/w/g, 'v');
}
