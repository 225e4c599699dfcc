import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-support.ts';
import { OFFICIAL_SOURCES, redactUrl, resolveSources } from './lists-update.ts';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/sanctions');
const TOKEN = 'not-a-real-token-42';

/** The UN excerpt as a later publication: KPi.001 delisted, CDi.001 amended, a new date. */
const UN_A = readFileSync(join(FIXTURES, 'un-excerpt.xml'), 'utf8');
const UN_B = UN_A.replace(
  'dateGenerated="2026-02-27T00:00:09.554Z"',
  'dateGenerated="2026-03-15T00:00:05.000Z"',
)
  .replace(
    /<INDIVIDUAL>(?:(?!<\/INDIVIDUAL>)[\s\S])*?<REFERENCE_NUMBER>KPi\.001<\/REFERENCE_NUMBER>[\s\S]*?<\/INDIVIDUAL>\s*/,
    '',
  )
  .replace(/(<REFERENCE_NUMBER>CDi\.001<\/REFERENCE_NUMBER>)/, '$1<LISTED_ON>2012-12-31</LISTED_ON>');

/** Paths the stand-in publishers serve; `un` switches between the two UN publications. */
let un = UN_A;
const requests: string[] = [];
const files: Record<string, () => Buffer | string> = {
  '/un/consolidated.xml': () => un,
  '/ofac/sdn.csv': () => readFileSync(join(FIXTURES, 'ofac-2021-07-07/sdn.csv')),
  '/ofac/alt.csv': () => readFileSync(join(FIXTURES, 'ofac-2021-07-07/alt.csv')),
  '/ofac/add.csv': () => readFileSync(join(FIXTURES, 'ofac-2021-07-07/add.csv')),
  '/ofac/sdn_comments.csv': () => readFileSync(join(FIXTURES, 'ofac-2021-07-07/sdn_comments.csv')),
  '/eu/content': () => readFileSync(join(FIXTURES, 'eu-fsf-2018-12-21-excerpt.xml')),
  '/uk/UK-Sanctions-List.xml': () => readFileSync(join(FIXTURES, 'uk-sanctions-list-2026-09-02-excerpt.xml')),
  '/uk/truncated.xml': () =>
    readFileSync(join(FIXTURES, 'uk-sanctions-list-2026-09-02-excerpt.xml'), 'utf8').slice(0, 900),
};

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const path = (req.url ?? '').replace(/\?.*$/, '');
    const body = files[path];
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    // the EU endpoint answers only with its token, as the real one does
    if (path === '/eu/content' && !(req.url ?? '').includes(`token=${TOKEN}`)) {
      res.writeHead(403).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
});

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'raqib-update-'));
}

const allSources = (): string[] => [
  '--source',
  `UN=${base}/un/consolidated.xml`,
  '--source',
  `OFAC-SDN=${base}/ofac/`,
  '--source',
  `EU=${base}/eu/content`,
  '--source',
  `UK=${base}/uk/`,
];

describe('raqib lists update', () => {
  it('knows every publisher: UN, OFAC SDN set and consolidated set, EU, UK', () => {
    expect(Object.keys(OFFICIAL_SOURCES)).toEqual(['UN', 'OFAC-SDN', 'OFAC-CONS', 'EU', 'UK']);
    expect(OFFICIAL_SOURCES['OFAC-SDN']?.map((f) => f.url)).toEqual([
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/sdn.csv',
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/alt.csv',
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/add.csv',
      'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/sdn_comments.csv',
    ]);
    expect(OFFICIAL_SOURCES.UK?.[0]?.url).toBe(
      'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml',
    );
    const eu = resolveSources(['EU'], [], TOKEN).sources.EU?.[0]?.url;
    expect(eu).toBe(
      `https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=${TOKEN}`,
    );
    expect(redactUrl(eu ?? '')).toBe(
      'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=***',
    );
  });

  it('skips the EU list with a note when no token is given, and refuses when EU is asked for by name', () => {
    const all = resolveSources(undefined, []);
    expect(Object.keys(all.sources)).toEqual(['UN', 'OFAC-SDN', 'OFAC-CONS', 'UK']);
    expect(all.skipped).toEqual(['EU skipped: the EU file needs a token (--eu-token or RAQIB_EU_TOKEN)']);
    expect(() => resolveSources(['EU'], [])).toThrow('the EU list needs a token');
  });

  it('refuses a list named like an Object property, for update or in --source', () => {
    expect(() => resolveSources(['constructor'], [])).toThrow('unknown list "constructor" for update');
    expect(() => resolveSources(['toString'], [])).toThrow('unknown list "toString" for update');
    expect(() => resolveSources(['UN'], ['constructor=https://example.org/'])).toThrow(
      '--source names an unknown list "constructor"',
    );
    expect(() => resolveSources(['UN'], ['__proto__=https://example.org/'])).toThrow(
      '--source names an unknown list "__proto__"',
    );
  });

  it('refuses a --source for an unknown list and notes one for a list not being updated', () => {
    expect(() => resolveSources(['UN'], ['UNN=https://mirror.example/'])).toThrow(
      '--source names an unknown list "UNN"',
    );
    const r = resolveSources(['UN'], ['UK=https://mirror.example/']);
    expect(Object.keys(r.sources)).toEqual(['UN']);
    expect(r.skipped).toEqual(['--source UK unused: UK is not among the lists being updated']);
  });

  it('fetches every list from its publisher, loads each with its own date, and never prints the token', async () => {
    un = UN_A;
    const db = join(tmp(), 'r.db');
    const r = await runCli([
      'lists',
      'update',
      '--only',
      'UN,OFAC-SDN,EU,UK',
      ...allSources(),
      '--eu-token',
      TOKEN,
      '--db',
      db,
    ]);
    expect(r.err).not.toContain(TOKEN);
    expect(r.out).not.toContain(TOKEN);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('UN 2026-02-27: 26 entries (first version loaded)');
    expect(r.out).toMatch(/OFAC-SDN \d{4}-\d{2}-\d{2}: 12 entries \(first version loaded\)/);
    expect(r.out).toContain('EU 2018-12-21: 2 entries (first version loaded)');
    expect(r.out).toContain('UK 2026-09-02: 2 entries (first version loaded)');
    expect(r.err).toContain(`fetched EU eu-fsf.xml: `);
    expect(r.err).toContain(`${base}/eu/content?token=***`);
    expect(requests).toContain(`/eu/content?token=${TOKEN}`);
    const show = await runCli(['lists', 'show', '--db', db]);
    expect(show.out).toMatch(/\* EU\s+2018-12-21\s+2 entries\s+eu-fsf-xml/);
    expect(show.out).toMatch(/\* UK\s+2026-09-02\s+2 entries\s+uk-sanctions-list-xml/);
  });

  it('reports the delta of a newer publication and re-screens the stored customers against it', async () => {
    un = UN_A;
    const dir = tmp();
    const db = join(dir, 'r.db');
    const first = await runCli([
      'lists',
      'update',
      '--only',
      'UN',
      '--source',
      `UN=${base}/un/consolidated.xml`,
      '--db',
      db,
    ]);
    expect(first.code, first.err).toBe(0);
    const customers = join(dir, 'customers.csv');
    writeFileSync(
      customers,
      'id,name,type\nC1,Yun Ho-jin,person\nC2,Iyad Ag Ghali,person\nC3,Jane Smith,person\n',
    );
    const screened = await runCli([
      'screen',
      '--file',
      customers,
      '--out',
      join(dir, 'hits.csv'),
      '--db',
      db,
    ]);
    expect(screened.code, screened.err).toBe(0);
    const before = readFileSync(join(dir, 'hits.csv'), 'utf8');
    expect(before).toMatch(/^C1,Yun Ho-jin,[\d.]+,UN,KPi\.001,/m);
    expect(before).toMatch(/^C2,Iyad Ag Ghali,[\d.]+,UN,QDi\.316,/m);

    un = UN_B;
    const r = await runCli([
      'lists',
      'update',
      '--only',
      'UN',
      '--source',
      `UN=${base}/un/consolidated.xml`,
      '--db',
      db,
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(
      'UN 2026-03-15: 25 entries; since 2026-02-27: +0 added, -1 removed, ~1 changed, 24 unchanged',
    );
    expect(r.out).toContain('    removed: KPi.001');
    expect(r.out).toContain('    changed: CDi.001');
    // C1's entry is gone: only C2 still hits
    expect(r.out).toContain('re-screened 3 stored customers: 1 with hits');
    expect(r.out).toMatch(/ {4}C2 "Iyad Ag Ghali" → UN QDi\.316 /);
    expect(r.out).not.toMatch(/C1 "Yun Ho-jin" →/);
  });

  it('fails as a whole, storing nothing, when one download fails or is cut short', async () => {
    un = UN_A;
    const db = join(tmp(), 'r.db');
    const missing = await runCli([
      'lists',
      'update',
      '--only',
      'UN,UK',
      '--source',
      `UN=${base}/un/consolidated.xml`,
      '--source',
      `UK=${base}/nope/`,
      '--db',
      db,
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`${base}/nope/UK-Sanctions-List.xml: HTTP 404`);
    const noToken = await runCli([
      'lists',
      'update',
      '--only',
      'EU',
      '--source',
      `EU=${base}/eu/content`,
      '--db',
      db,
    ]);
    expect(noToken.code).toBe(2);
    expect(noToken.err).toContain(`${base}/eu/content: HTTP 403`);
    const cut = await runCli([
      'lists',
      'update',
      '--only',
      'UN,UK',
      '--source',
      `UN=${base}/un/consolidated.xml`,
      '--source',
      `UK=${base}/uk/truncated.xml`,
      '--db',
      db,
    ]);
    expect(cut.code).toBe(2);
    expect(cut.err).toMatch(
      /list not loaded: .*UK-Sanctions-List\.xml: line \d+ \(end of file\): malformed XML: the file ends inside <Designations><Designation>/,
    );
    const wrong = await runCli([
      'lists',
      'update',
      '--only',
      'UN',
      '--source',
      `UN=${base}/uk/UK-Sanctions-List.xml`,
      '--db',
      db,
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/list not loaded: .*UN_consolidated\.xml, fetched as UN, holds the UK list/);
    const show = await runCli(['lists', 'show', '--db', db]);
    expect(show.out).toBe('no list loaded\n');
  });
});

describe('raqib lists load: versions', () => {
  it('stores the versions of one list oldest first, and refuses an older version than the current one', async () => {
    const dir = tmp();
    const db = join(dir, 'r.db');
    const newer = join(dir, 'un-2026-03-15.xml');
    writeFileSync(newer, UN_B);
    // given newest first, the older is still stored first, so the newer ends current with the delta between them
    const both = await runCli(['lists', 'load', newer, join(FIXTURES, 'un-excerpt.xml'), '--db', db]);
    expect(both.code, both.err).toBe(0);
    expect(both.out.indexOf('UN 2026-02-27')).toBeLessThan(both.out.indexOf('UN 2026-03-15'));
    expect(both.out).toContain(
      'UN 2026-03-15: 25 entries; since 2026-02-27: +0 added, -1 removed, ~1 changed',
    );
    const older = await runCli(['lists', 'load', join(FIXTURES, 'un-excerpt.xml'), '--db', db]);
    expect(older.code).toBe(2);
    expect(older.err).toMatch(
      /list not loaded: .*un-excerpt\.xml is UN 2026-02-27, older than the current UN 2026-03-15; pass --allow-older/,
    );
    expect((await runCli(['lists', 'show', '--db', db])).out).toMatch(/\* UN\s+2026-03-15/);
    const rollback = await runCli([
      'lists',
      'load',
      join(FIXTURES, 'un-excerpt.xml'),
      '--allow-older',
      '--db',
      db,
    ]);
    expect(rollback.code, rollback.err).toBe(0);
    expect(rollback.out).toContain(
      'UN 2026-02-27: 26 entries; since 2026-03-15: +1 added, -0 removed, ~1 changed',
    );
  });
});
