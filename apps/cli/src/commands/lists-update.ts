/**
 * `raqib lists update`: fetches the official lists from their publishers and loads them like `lists load`.
 * Every address can be overridden (`--source UN=http://…`), which is how it is tested against a local
 * HTTP server: the machines raqib is built on reach no outside address.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../cli-error.ts';

/** Official download addresses (documented in docs/screening.md). */
export const OFFICIAL_SOURCES: Readonly<
  Record<string, readonly { readonly file: string; readonly url: string }[]>
> = {
  UN: [{ file: 'UN_consolidated.xml', url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml' }],
  'OFAC-SDN': ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((file) => ({
    file,
    url: `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/${file}`,
  })),
  'OFAC-CONS': ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'].map((file) => ({
    file,
    url: `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/${file}`,
  })),
};

/** Largest download accepted per file. */
const MAX_DOWNLOAD = 200 * 1024 * 1024;
const TIMEOUT_MS = 120_000;

/**
 * Parses `--source LIST=URL` overrides. A URL ending in `/` is a base: each of the list's files is fetched
 * under it by its file name.
 */
export function resolveSources(
  only: readonly string[] | undefined,
  overrides: readonly string[],
): Record<string, { file: string; url: string }[]> {
  const names = only && only.length > 0 ? only : Object.keys(OFFICIAL_SOURCES);
  const out: Record<string, { file: string; url: string }[]> = {};
  for (const n of names) {
    const files = OFFICIAL_SOURCES[n];
    if (!files)
      throw new CliError(
        `unknown list "${n}" for update; known: ${Object.keys(OFFICIAL_SOURCES).join(', ')}`,
      );
    out[n] = files.map((f) => ({ ...f }));
  }
  for (const o of overrides) {
    const eq = o.indexOf('=');
    const name = o.slice(0, eq);
    const url = o.slice(eq + 1);
    if (eq < 1 || !/^https?:\/\//.test(url))
      throw new CliError(`--source must be LIST=http(s)://…, got "${o}"`);
    const files = out[name];
    if (!files) continue;
    out[name] = files.map((f) => ({
      file: f.file,
      url: url.endsWith('/') ? `${url}${f.file}` : files.length === 1 ? url : `${url}/${f.file}`,
    }));
  }
  return out;
}

async function download(url: string, path: string): Promise<number> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!res.ok || !res.body) throw new CliError(`${url}: HTTP ${res.status} ${res.statusText}`);
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > MAX_DOWNLOAD)
      throw new CliError(`${url}: ${declared} bytes exceeds the ${MAX_DOWNLOAD}-byte limit`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > MAX_DOWNLOAD) throw new CliError(`${url}: more than ${MAX_DOWNLOAD} bytes`);
      chunks.push(chunk);
    }
    writeFileSync(path, Buffer.concat(chunks));
    return size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${url}: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Downloads each list into its own folder under a fresh temporary directory, named with today's date so
 * that undated files (OFAC) take the download date as their version. Returns the folders.
 */
export async function fetchLists(
  sources: Record<string, { file: string; url: string }[]>,
  today: string,
  log: (line: string) => void,
): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'raqib-lists-'));
  const dirs: string[] = [];
  for (const [name, files] of Object.entries(sources)) {
    const dir = join(root, `${name}-${today}`);
    mkdirSync(dir);
    for (const f of files) {
      const bytes = await download(f.url, join(dir, f.file));
      log(`fetched ${name} ${f.file}: ${bytes} bytes from ${f.url}`);
    }
    dirs.push(dir);
  }
  return dirs;
}
