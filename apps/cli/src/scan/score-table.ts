/**
 * The flag threshold as the scores kept here compare with it. Scores are float32 and a threshold such as 0.35 is
 * not: the stored 0.35 is just below 0.35 and would miss its own threshold. The detection stage compares its
 * float32 scores the same way, so flags.csv, the summary and the API agree on every row.
 */
export function storedThreshold(threshold: number): number {
  return Math.fround(threshold);
}

/**
 * Final score per data row, kept in a growable Float32Array so that 5M rows cost 20 MB. Typologies are kept
 * only for rows that were ever scored above zero (a small minority), as a Map.
 */
export class ScoreTable {
  #scores = new Float32Array(1 << 16);
  #present = new Uint8Array(1 << 16);
  #typologies = new Map<number, Set<string>>();
  #maxRow = -1;

  #ensure(row: number): void {
    if (row < this.#scores.length) return;
    let size = this.#scores.length;
    while (size <= row) size *= 2;
    const scores = new Float32Array(size);
    scores.set(this.#scores);
    const present = new Uint8Array(size);
    present.set(this.#present);
    this.#scores = scores;
    this.#present = present;
  }

  /** Records that a row was accepted, with score 0 until a detector raises it. */
  accept(row: number): void {
    this.#ensure(row);
    this.#present[row] = 1;
    if (row > this.#maxRow) this.#maxRow = row;
  }

  /** Raises a row's score (the final score is the maximum seen) and adds typologies. */
  raise(row: number, score: number, typologies: readonly string[]): void {
    if (row < 0) return;
    this.#ensure(row);
    if (score > (this.#scores[row] ?? 0)) this.#scores[row] = score;
    if (typologies.length > 0) {
      let set = this.#typologies.get(row);
      if (!set) {
        set = new Set();
        this.#typologies.set(row, set);
      }
      for (const t of typologies) set.add(t);
    }
  }

  get maxRow(): number {
    return this.#maxRow;
  }

  isAccepted(row: number): boolean {
    return this.#present[row] === 1;
  }

  score(row: number): number {
    return this.#scores[row] ?? 0;
  }

  typologies(row: number): readonly string[] {
    const set = this.#typologies.get(row);
    return set ? [...set].sort() : [];
  }
}
