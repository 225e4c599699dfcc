import type { Case, CaseStatus } from './case.ts';

export interface CaseFilter {
  readonly status?: CaseStatus | undefined;
  readonly assignee?: string | undefined;
  readonly alertId?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

/** Where cases live (port). `saveCase` writes the whole case, timeline included. */
export interface CaseStore {
  saveCase(value: Case): Promise<void>;
  getCase(id: string): Promise<Case | undefined>;
  listCases(filter: CaseFilter): Promise<Case[]>;
  countCases(filter: CaseFilter): Promise<number>;
}

/** The case store in memory, for tests and a database-less server. Newest first. */
export class MemoryCaseStore implements CaseStore {
  readonly #cases = new Map<string, Case>();

  saveCase(value: Case): Promise<void> {
    this.#cases.set(value.id, value);
    return Promise.resolve();
  }

  getCase(id: string): Promise<Case | undefined> {
    return Promise.resolve(this.#cases.get(id));
  }

  #matching(filter: CaseFilter): Case[] {
    return [...this.#cases.values()]
      .filter(
        (c) =>
          (filter.status === undefined || c.status === filter.status) &&
          (filter.assignee === undefined || c.assignee === filter.assignee) &&
          (filter.alertId === undefined || c.alertIds.includes(filter.alertId)),
      )
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  }

  listCases(filter: CaseFilter): Promise<Case[]> {
    const offset = filter.offset ?? 0;
    return Promise.resolve(this.#matching(filter).slice(offset, offset + (filter.limit ?? 100)));
  }

  countCases(filter: CaseFilter): Promise<number> {
    return Promise.resolve(this.#matching(filter).length);
  }
}
