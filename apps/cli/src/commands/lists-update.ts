/**
 * `raqib lists update`: fetches the official lists from their publishers and loads them like `lists load`.
 * Every address can be overridden (`--source UN=http://…`), which is how it is tested against a local
 * HTTP server: the machines raqib is built on reach no outside address.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../cli-error.ts';

export interface ListSource {
  /** File name the download is saved under (the loader detects the format from it and its content). */
  readonly file: string;
  readonly url: string;
}

const OFAC_EXPORTS = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';

/**
 * Official download addresses (documented in docs/lists.md). The EU file needs a token the EU's Financial
 * Sanctions Files site hands out: it is appended from `--eu-token` / RAQIB_EU_TOKEN, never stored or printed.
 */
export const OFFICIAL_SOURCES: Readonly<Record<string, readonly ListSource[]>> = {
  UN: [{ file: 'UN_consolidated.xml', url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml' }],
  'OFAC-SDN': ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((file) => ({
    file,
    url: `${OFAC_EXPORTS}/${file}`,
  })),
  'OFAC-CONS': ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'].map((file) => ({
    file,
    url: `${OFAC_EXPORTS}/${file}`,
  })),
  EU: [
    {
      file: 'eu-fsf.xml',
      url: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content',
    },
  ],
  UK: [
    { file: 'UK-Sanctions-List.xml', url: 'https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml' },
  ],
};

/** Largest download accepted per file (the full EU XML is the largest list, ~25 MB). */
const MAX_DOWNLOAD = 200 * 1024 * 1024;
const TIMEOUT_MS = 120_000;

/** An address as it may be printed: a token in the query string is replaced by `***`. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&]*/gi, '$1***');
}

export interface ResolvedSources {
  readonly sources: Record<string, ListSource[]>;
  /** Lists left out, with the reason (printed, so that nothing is skipped silently). */
  readonly skipped: readonly string[];
}

/**
 * Picks the lists to fetch and applies `--source LIST=URL` overrides. A URL ending in `/` is a base: each of
 * the list's files is fetched under it by its file name. The EU list is skipped, with a note, when no token
 * was given for the official address.
 */
export function resolveSources(
  only: readonly string[] | undefined,
  overrides: readonly string[],
  euToken?: string | undefined,
): ResolvedSources {
  const explicit = only !== undefined && only.length > 0;
  const names = explicit ? only : Object.keys(OFFICIAL_SOURCES);
  const out: Record<string, ListSource[]> = {};
  for (const n of names) {
    const files = Object.hasOwn(OFFICIAL_SOURCES, n) ? OFFICIAL_SOURCES[n] : undefined;
    if (!files)
      throw new CliError(
        `unknown list "${n}" for update; known: ${Object.keys(OFFICIAL_SOURCES).join(', ')}`,
      );
    out[n] = files.map((f) => ({ ...f }));
  }
  const overridden = new Set<string>();
  const skipped: string[] = [];
  for (const o of overrides) {
    const eq = o.indexOf('=');
    const name = o.slice(0, eq);
    const url = o.slice(eq + 1);
    if (eq < 1 || !/^https?:\/\//.test(url))
      throw new CliError(`--source must be LIST=http(s)://…, got "${redactUrl(o)}"`);
    // a misspelt list name must not quietly fetch from the publisher instead of the mirror meant
    if (!Object.hasOwn(OFFICIAL_SOURCES, name))
      throw new CliError(
        `--source names an unknown list "${name}"; known: ${Object.keys(OFFICIAL_SOURCES).join(', ')}`,
      );
    const files = Object.hasOwn(out, name) ? out[name] : undefined;
    if (!files) {
      skipped.push(`--source ${name} unused: ${name} is not among the lists being updated`);
      continue;
    }
    overridden.add(name);
    out[name] = files.map((f) => ({
      file: f.file,
      url: url.endsWith('/') ? `${url}${f.file}` : files.length === 1 ? url : `${url}/${f.file}`,
    }));
  }
  const eu = out.EU;
  if (eu) {
    if (euToken) {
      out.EU = eu.map((f) => ({
        ...f,
        url: `${f.url}${f.url.includes('?') ? '&' : '?'}token=${encodeURIComponent(euToken)}`,
      }));
    } else if (!overridden.has('EU')) {
      if (explicit) throw new CliError('the EU list needs a token: pass --eu-token or set RAQIB_EU_TOKEN');
      delete out.EU;
      skipped.push('EU skipped: the EU file needs a token (--eu-token or RAQIB_EU_TOKEN)');
    }
  }
  return { sources: out, skipped };
}

async function download(url: string, path: string): Promise<number> {
  const shown = redactUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!res.ok || !res.body) throw new CliError(`${shown}: HTTP ${res.status} ${res.statusText}`);
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > MAX_DOWNLOAD)
      throw new CliError(`${shown}: ${declared} bytes exceeds the ${MAX_DOWNLOAD}-byte limit`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > MAX_DOWNLOAD) {
        controller.abort();
        throw new CliError(`${shown}: more than ${MAX_DOWNLOAD} bytes`);
      }
      chunks.push(chunk);
    }
    if (size === 0) throw new CliError(`${shown}: empty response`);
    writeFileSync(path, Buffer.concat(chunks));
    return size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    // fetch errors can quote the address: print only the redacted one
    throw new CliError(`${shown}: ${redactUrl((error as Error).message)}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Downloads each list into its own folder under a fresh temporary directory (`root`), named with today's date so
 * that undated files (OFAC) take the download date as their version. Returns each list's folder. Any failed
 * download fails the whole update before anything is stored, and removes what was fetched.
 */
export async function fetchLists(
  sources: Record<string, readonly ListSource[]>,
  today: string,
  log: (line: string) => void,
): Promise<{ root: string; dirs: { list: string; dir: string }[] }> {
  const root = mkdtempSync(join(tmpdir(), 'raqib-lists-'));
  const dirs: { list: string; dir: string }[] = [];
  try {
    for (const [name, files] of Object.entries(sources)) {
      const dir = join(root, `${name}-${today}`);
      mkdirSync(dir);
      for (const f of files) {
        const bytes = await download(f.url, join(dir, f.file));
        log(`fetched ${name} ${f.file}: ${bytes} bytes from ${redactUrl(f.url)}`);
      }
      dirs.push({ list: name, dir });
    }
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return { root, dirs };
}
