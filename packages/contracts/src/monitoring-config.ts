import {
  DEFAULT_TYPOLOGIES,
  DETECTORS,
  type DetectorConfig,
  defaultMonitoringConfig,
  type MonitoringConfig,
  type TypologyConfig,
} from '@raqib/core';
import { z } from 'zod';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const ascending = (t: readonly [number, number, number]) => t[0] <= t[1] && t[1] <= t[2];
const bandWeights = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1)]);
const bands = z
  .tuple([z.number(), z.number(), z.number()])
  .refine(ascending, { message: 'band cut-offs must be ascending' });

function detectorSchema(d: (typeof DETECTORS)[number]) {
  const params: Record<string, z.ZodOptional<z.ZodNumber>> = {};
  for (const [k, spec] of Object.entries(d.configSchema)) {
    params[k] = z
      .number()
      .min(spec.min)
      .max(spec.max)
      .describe(`${spec.description} (${spec.unit})`)
      .optional();
  }
  return z
    .object({
      enabled: z.boolean().optional(),
      params: z.object(params).strict().optional(),
      bands: bands.optional(),
    })
    .strict();
}

const detectorIds = DETECTORS.map((d) => d.id) as [string, ...string[]];

/**
 * The user-editable monitoring configuration (JSON). Only `version` is required: every other field overrides the
 * default of `defaultMonitoringConfig()`. Parameter ranges come from each detector's own config schema; windows
 * are in milliseconds within 1 h … 30 d.
 */
export const MONITORING_CONFIG_SCHEMA = z
  .object({
    version: z.string().min(1).max(100),
    flagThreshold: z.number().min(0).max(1).optional(),
    alertMergeGapMs: z
      .number()
      .int()
      .min(HOUR)
      .max(30 * DAY)
      .optional(),
    maxDisorderMs: z.number().int().min(0).max(DAY).optional(),
    retainTransactions: z
      .number()
      .int()
      .min(1024)
      .max(1 << 26)
      .optional(),
    busyRatePerDay: z.number().min(1).max(1e6).optional(),
    maxEvidence: z.number().int().min(1).max(100_000).optional(),
    passThrough: z
      .object({
        windowMs: z
          .number()
          .int()
          .min(HOUR)
          .max(30 * DAY)
          .optional(),
        minRatio: z.number().min(0).max(1).optional(),
        maxRatio: z.number().min(1).max(10).optional(),
        maxScan: z.number().int().min(1).max(1024).optional(),
        minBase: z.number().min(0).optional(),
      })
      .strict()
      .optional(),
    fundsTracing: z
      .object({
        enabled: z.boolean().optional(),
        windowMs: z
          .number()
          .int()
          .min(HOUR)
          .max(30 * DAY)
          .optional(),
        maxShare: z.number().min(0).max(10).optional(),
        minShare: z.number().min(0).max(10).optional(),
        minBase: z.number().min(0).optional(),
        factor: z.number().min(0).max(1).optional(),
        maxPayerRate: z.number().min(0).optional(),
        maxPayeeRate: z.number().min(0).optional(),
      })
      .strict()
      .optional(),
    detectors: z
      .object(Object.fromEntries(DETECTORS.map((d) => [d.id, detectorSchema(d).optional()])))
      .strict()
      .optional(),
    typologies: z
      .object(
        Object.fromEntries(
          DEFAULT_TYPOLOGIES.map((t) => [
            t.name,
            z
              .object({
                weights: z.partialRecord(z.enum(detectorIds), bandWeights).optional(),
                alertThreshold: z.number().min(0).max(1).optional(),
              })
              .strict()
              .optional(),
          ]),
        ),
      )
      .strict()
      .optional(),
  })
  .strict();

export type MonitoringConfigInput = z.infer<typeof MONITORING_CONFIG_SCHEMA>;

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/**
 * Parses a user configuration over the defaults. All problems are reported at once (path and message, naming the
 * source); the result is frozen.
 */
export function parseMonitoringConfig(json: unknown, source = 'monitoring config'): MonitoringConfig {
  const r = MONITORING_CONFIG_SCHEMA.safeParse(json);
  if (!r.success) {
    const list = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${source}: ${list.length} problem(s): ${list.join('; ')}`);
  }
  const input = r.data;
  const base = defaultMonitoringConfig();
  const detectors: Record<string, DetectorConfig> = {};
  for (const [id, d] of Object.entries(base.detectors)) {
    const o = input.detectors?.[id];
    detectors[id] = {
      enabled: o?.enabled ?? d.enabled,
      params: { ...d.params, ...(o?.params ?? {}) } as Record<string, number>,
      bands: o?.bands ?? d.bands,
    };
  }
  const typologies: Record<string, TypologyConfig> = {};
  for (const [name, t] of Object.entries(base.typologies)) {
    const o = input.typologies?.[name];
    typologies[name] = {
      weights: o?.weights ? { ...t.weights, ...o.weights } : t.weights,
      alertThreshold: o?.alertThreshold ?? t.alertThreshold,
    } as TypologyConfig;
  }
  const fundsTracing = {
    ...base.fundsTracing,
    ...(input.fundsTracing ?? {}),
  } as MonitoringConfig['fundsTracing'];
  // a lower bound above the upper one would silently turn funds tracing off
  if (fundsTracing.minShare > fundsTracing.maxShare) {
    throw new Error(
      `${source}: 1 problem(s): fundsTracing.minShare (${fundsTracing.minShare}) is above fundsTracing.maxShare (${fundsTracing.maxShare})`,
    );
  }
  return deepFreeze({
    version: input.version,
    flagThreshold: input.flagThreshold ?? base.flagThreshold,
    alertMergeGapMs: input.alertMergeGapMs ?? base.alertMergeGapMs,
    maxDisorderMs: input.maxDisorderMs ?? base.maxDisorderMs,
    retainTransactions: input.retainTransactions ?? base.retainTransactions,
    busyRatePerDay: input.busyRatePerDay ?? base.busyRatePerDay,
    maxEvidence: input.maxEvidence ?? base.maxEvidence,
    passThrough: { ...base.passThrough, ...(input.passThrough ?? {}) } as MonitoringConfig['passThrough'],
    fundsTracing,
    detectors,
    typologies,
  });
}
