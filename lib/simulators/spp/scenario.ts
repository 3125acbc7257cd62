import { z } from "zod";

/** Scenario settings: vendor behaviour the documents leave open, plus the estate's pace. */
export const sppScenarioSchema = z.object({
  /** Reproduce IBM bug IT45897: every page reports `total: 0`. */
  totalZero: z.boolean().default(false),
  /** Login sessions lapse after this long without a request. */
  sessionIdleMs: z
    .number()
    .int()
    .positive()
    .default(45 * 60_000),
  /** How long a canceled session stays CANCELING before it reads CANCELED. */
  cancelingMs: z.number().int().min(0).default(20_000),
  /** How far back the estate's history reaches at start. */
  historyMs: z
    .number()
    .int()
    .min(0)
    .default(24 * 3_600_000),
  meanIntervalMs: z
    .number()
    .int()
    .positive()
    .default(8 * 60_000),
  /** Finished sessions older than this drop out, as SPP's job-log retention does. */
  retentionMs: z
    .number()
    .int()
    .positive()
    .default(2 * 24 * 3_600_000),
  /** Render every n-th session (by id) without its status, as a record Jobdeck must quarantine; 0: none. */
  brokenSessionEvery: z.number().int().min(0).default(0),
  /** Write `logTime` as a string of digits, as some SPP releases do. */
  stringLogTimes: z.boolean().default(false),
});
export type SppScenario = z.infer<typeof sppScenarioSchema>;

/** What a demo or test may change while the simulator runs (POST /__sim/scenario). */
export const sppScenarioPatchSchema = z
  .object({ totalZero: z.boolean(), cancelingMs: z.number().int().min(0) })
  .partial()
  .strict();

/**
 * "large": a year of history on a busy appliance (a session every ~12 minutes, ~40,000 sessions with
 * progress and logs), kept for the year. Explicit settings override the preset's.
 */
export const SPP_PRESETS: Record<string, Partial<SppScenario>> = {
  large: {
    historyMs: 365 * 24 * 3_600_000,
    meanIntervalMs: 12 * 60_000,
    retentionMs: 400 * 24 * 3_600_000,
  },
};

export function parseSppScenario(raw: Record<string, unknown> | undefined): SppScenario {
  const { preset, ...rest } = raw ?? {};
  const base = typeof preset === "string" ? (SPP_PRESETS[preset] ?? {}) : {};
  return sppScenarioSchema.parse({ ...base, ...rest });
}
