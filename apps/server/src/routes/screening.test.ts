import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScreeningIndex } from '@raqib/core';
import { loadListPath } from '@raqib/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type TestServer, testServer } from '../test-support.ts';

// public-domain excerpts of the UN and OFAC lists kept in the repository (fixtures/sanctions/SOURCES.md)
const fixtures = resolve(fileURLToPath(import.meta.url), '../../../../../fixtures/sanctions');

let s: TestServer;
let off: TestServer;
beforeAll(async () => {
  const entries = loadListPath(fixtures).flatMap((l) => [...l.entries]);
  s = await testServer({ screening: buildScreeningIndex(entries) });
  off = await testServer();
});
afterAll(async () => {
  await s.app.close();
  await off.app.close();
});

const screen = (server: TestServer, url: string, payload: object) =>
  server.app.inject({ method: 'POST', url, headers: bearer(server.keys.analyst), payload });

describe('POST /v1/screen', () => {
  it('finds a listed person from an Arabic-script query, with the matched tokens explained', async () => {
    const res = await screen(s, '/v1/screen', { name: 'صدام حسين التكريتي' });
    expect(res.statusCode, res.body).toBe(200);
    const [top] = res.json().matches;
    expect(top).toMatchObject({ list: 'UN', kind: 'person' });
    expect(top.primaryName).toMatch(/SADDAM/);
    expect(top.score).toBeGreaterThan(0.8);
    expect(top.explanation.tokens.length).toBeGreaterThan(1);
  });

  it('screens a batch, one result per query in order', async () => {
    const res = await screen(s, '/v1/screen/batch', {
      queries: [{ name: 'Saddam Hussein al-Tikriti', type: 'person' }, { name: 'Jane Q. Nobody' }],
    });
    const results = res.json().results as { query: string; matches: unknown[] }[];
    expect(results.map((r) => r.query)).toEqual(['Saddam Hussein al-Tikriti', 'Jane Q. Nobody']);
    expect(results[0]?.matches.length).toBeGreaterThan(0);
    expect(results[1]?.matches).toEqual([]);
  });

  it('validates the query and says when no lists are loaded', async () => {
    const bad = await screen(s, '/v1/screen', { name: '', dob: '1937-4' });
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION' });
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['dob', 'name']);
    const none = await screen(off, '/v1/screen', { name: 'x' });
    expect(none.statusCode).toBe(503);
    expect(none.json().error.code).toBe('SCREENING_UNAVAILABLE');
  });
});
