import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_BODY_LIMIT } from './app.ts';

/** The repository root (apps/server/src → ../../..), for defaults that point into the checkout. */
export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

const fxRates = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.issues.push({ code: 'custom', input: text, message: 'must be JSON such as {"USD":3.6725}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()));

/**
 * The server's settings, from the environment (house rule 6: parsed once, every problem reported together,
 * then frozen). Command-line flags of `raqib serve` override RAQIB_PORT and RAQIB_DB.
 */
export const serverConfigSchema = z.object({
  RAQIB_DB: z.string().min(1).default('./raqib.db'),
  RAQIB_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  RAQIB_HOST: z.string().min(1).default('127.0.0.1'),
  RAQIB_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(DEFAULT_BODY_LIMIT),
  RAQIB_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  RAQIB_WEB_DIST: z.string().optional(),
  /** A sanctions list file or folder for /v1/screen; `none` turns screening off. Default: the demo excerpts. */
  RAQIB_LISTS: z.string().optional(),
  /** Reference files (banks.csv, accounts.csv) for countries and holder names; default: ./demo-out/data when present. */
  RAQIB_BANKS: z.string().optional(),
  RAQIB_ACCOUNTS: z.string().optional(),
  /** On start, replay this many days of stored API transactions into the monitor (0: start empty). */
  RAQIB_WARMUP_DAYS: z.coerce.number().min(0).max(3650).default(30),
  RAQIB_WARMUP_MAX: z.coerce.number().int().min(0).default(500_000),
  RAQIB_GOAML_RENTITY_ID: z.coerce.number().int().min(1).default(1),
  RAQIB_GOAML_BRANCH: z.string().max(255).optional(),
  RAQIB_GOAML_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('AED'),
  /** Units of local currency per foreign unit; the default is the AED's fixed USD peg. */
  RAQIB_GOAML_FX: fxRates.default({ USD: 3.6725 }),
  /**
   * Currencies without a configured rate: `approximate` converts at raqib's rough reference levels and marks every
   * such transaction and the draft with a warning (demo data has many currencies); `none` refuses the draft.
   */
  RAQIB_GOAML_FX_FALLBACK: z.enum(['approximate', 'none']).default('approximate'),
  /** The FIU's indicator list ([{code,label}]); defaults to the UAE list in ../shared when present. */
  RAQIB_GOAML_INDICATORS: z.string().optional(),
  RAQIB_GOAML_REPORTER: z.string().max(200).optional(),
  RAQIB_GOAML_REPORTER_EMAIL: z.string().email().optional(),
});

export type ServerConfig = Readonly<z.output<typeof serverConfigSchema>> & {
  readonly webDist: string;
  readonly indicatorsFile: string | undefined;
  readonly listsPath: string | undefined;
  readonly banksFile: string | undefined;
  readonly accountsFile: string | undefined;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadServerConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ServerConfig {
  const parsed = serverConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid server configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  const uaeList = resolve(REPO_ROOT, '../shared/data/goaml/lookups-ae/report_indicators.json');
  // the public-domain list excerpts in fixtures/ make screening work out of the box; production sets RAQIB_LISTS
  const demoLists = resolve(REPO_ROOT, 'fixtures/sanctions');
  const listsPath =
    c.RAQIB_LISTS === 'none' ? undefined : (c.RAQIB_LISTS ?? (existsSync(demoLists) ? demoLists : undefined));
  return Object.freeze({
    ...c,
    webDist: c.RAQIB_WEB_DIST ?? resolve(REPO_ROOT, 'apps/web/dist'),
    indicatorsFile: c.RAQIB_GOAML_INDICATORS ?? (existsSync(uaeList) ? uaeList : undefined),
    listsPath,
    // `npm run demo` writes its reference files here; `raqib serve` in the same folder picks them up
    banksFile:
      c.RAQIB_BANKS ??
      (existsSync('demo-out/data/banks.csv') ? resolve('demo-out/data/banks.csv') : undefined),
    accountsFile:
      c.RAQIB_ACCOUNTS ??
      (existsSync('demo-out/data/accounts.csv') ? resolve('demo-out/data/accounts.csv') : undefined),
  });
}
