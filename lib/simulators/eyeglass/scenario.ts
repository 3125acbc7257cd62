import { z } from "zod";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const FAILOVER_KINDS = ["failover", "failback", "drtest", "rehearsal"] as const;
export type FailoverKind = (typeof FAILOVER_KINDS)[number];

/** A failover with exact timings, so history tests can check measured RTOs to the millisecond. */
const scriptedFailoverSchema = z.object({
  /** Epoch ms the job starts (it does not queue behind others). */
  startsAt: z.number().int(),
  kind: z.enum(FAILOVER_KINDS).default("failover"),
  /** Start → end of the "Make target writable" step. */
  rtoMs: z.number().int().positive(),
  /** Whole job; defaults to the plan's natural length after the writable step. */
  durationMs: z.number().int().positive().optional(),
  /** "failed" fails the writable step itself, so service is never restored. */
  outcome: z.enum(["success", "failed"]).default("success"),
});
export type ScriptedFailover = z.infer<typeof scriptedFailoverSchema>;

/**
 * Scenario settings: the UNCONFIRMED parts of the vendor contract (VENDOR-NOTES) with their
 * plausible defaults, plus the pace and mix of the estate.
 */
export const eyeglassScenarioSchema = z.object({
  /** Unit of `started`/`finished`: almost surely epoch milliseconds. */
  timeUnit: z.enum(["ms", "s"]).default("ms"),
  /** Whether steps that have not started yet appear in jobStatusDetails (as PENDING). */
  pendingSteps: z.enum(["hidden", "listed"]).default("hidden"),
  /** jobStatusDetails.status of a cancelled job: the vocabulary has no confirmed word for it. */
  cancelledStatus: z.string().min(1).default("ERROR"),
  /** Eyeglass runs one failover at a time; later ones wait as PENDING. */
  serialFailovers: z.boolean().default(true),
  /** About one failover in n (by id) lists with a jobStatusDetails no client can read; 0: none. */
  brokenFailoverEvery: z.number().int().min(0).default(0),
  historyMs: z
    .number()
    .int()
    .positive()
    .default(21 * DAY),
  failoverRetentionMs: z
    .number()
    .int()
    .positive()
    .default(30 * DAY),
  failoverMeanIntervalMs: z
    .number()
    .int()
    .positive()
    .default(12 * HOUR),
  randomFailovers: z.boolean().default(true),
  /** A running failover, a queued DR test and a few notable past ones, for a live demo. */
  demoFailovers: z.boolean().default(true),
  /** Every generated failover restores service exactly this long after it starts. */
  fixedRtoMs: z.number().int().positive().nullable().default(null),
  scriptedFailovers: z.array(scriptedFailoverSchema).default([]),
  readinessIntervalMs: z
    .number()
    .int()
    .positive()
    .default(15 * MINUTE),
  readinessRetentionMs: z.number().int().positive().default(DAY),
  replicationIntervalMs: z
    .number()
    .int()
    .positive()
    .default(5 * MINUTE),
  replicationRetentionMs: z
    .number()
    .int()
    .positive()
    .default(6 * HOUR),
});
/** A scenario's deliberately unreadable failover (brokenFailoverEvery), chosen by a hash of its id. */
export function isBrokenFailover(scenario: { brokenFailoverEvery: number }, id: string): boolean {
  if (scenario.brokenFailoverEvery === 0) return false;
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % scenario.brokenFailoverEvery === 0;
}

export type EyeglassScenario = z.infer<typeof eyeglassScenarioSchema>;

/**
 * "large": a year of a DR estate's failovers (one every ~20 hours, ~440 with their step trees and
 * logs), kept for the year. Explicit settings override the preset's.
 */
const PRESETS: Record<string, Record<string, unknown>> = {
  large: {
    historyMs: 365 * DAY,
    failoverMeanIntervalMs: 20 * HOUR,
    failoverRetentionMs: 400 * DAY,
  },
};

export function parseScenario(raw: Record<string, unknown> | undefined): EyeglassScenario {
  const { preset, ...rest } = raw ?? {};
  const base = typeof preset === "string" ? (PRESETS[preset] ?? {}) : {};
  const parsed = eyeglassScenarioSchema.safeParse({ ...base, ...rest });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `eyeglass scenario: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`,
    );
  }
  return parsed.data;
}
