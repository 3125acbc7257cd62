import { z } from "zod";
import type { Outcome } from "./job";

/** Scenario switches: UNCONFIRMED vendor facts (with the plausible default) and scale/demo knobs. */
export const ontapScenarioSchema = z.object({
  /** Finished jobs preloaded for scale runs. */
  bulkJobs: z.number().int().min(0).max(2_000_000).default(0),
  /** Keep finished jobs instead of deleting them 300 s after they end (scale runs only). */
  retainFinished: z.boolean().default(false),
  /** Jobs in the starting estate besides the bulk ones. */
  initialJobs: z.number().int().min(0).max(10_000).default(45),
  meanIntervalMs: z.number().int().positive().default(40_000),
  /** UNCONFIRMED: the HTTP status that carries a refused PATCH (the error code is documented). */
  patchErrorStatus: z.number().int().min(400).max(599).default(400),
  /** UNCONFIRMED: ONTAP says a cancelled job ends in success or failure, not which one or with what message. */
  cancelOutcome: z.enum(["success", "failure"]).default("failure"),
  cancelMessage: z.string().default("Job canceled by user request."),
  /** False: every PATCH answers 458773 (job manager not initialised), as right after a takeover. */
  jobManagerReady: z.boolean().default(true),
  /** Simulates return_timeout expiring: at most this many records per page, whatever max_records says. */
  timeoutPageRecords: z.number().int().positive().nullable().default(null),
  /** The cluster's time zone, as the offset ONTAP prints in timestamps. */
  utcOffsetMinutes: z.number().int().min(-720).max(840).default(0),
  /** How long after it ends a job is deleted (ONTAP: 300 s); tests shorten it. */
  retentionMs: z.number().int().positive().default(300_000),
  /**
   * Time the cluster spends per record while iterating the collection (a loaded cluster). A page
   * ends early when `return_timeout` (default 15 s, per the 9.12.1 doc) runs out, with a `next`
   * link; without a return_timeout under the client's own timeout a big page never arrives in time.
   */
  recordCostMs: z.number().min(0).max(10_000).default(0),
  /** About one job in n (by uuid) carries a start_time no client can parse; 0: none. */
  brokenJobEvery: z.number().int().min(0).default(0),
});

export type OntapScenario = z.infer<typeof ontapScenarioSchema>;

/**
 * "large": a cluster that kept a long history (retention raised by the admin, as Harvest users
 * see on busy clusters): 20,000 finished jobs besides the recent ones. Explicit settings win.
 */
const PRESETS: Record<string, Partial<OntapScenario>> = {
  large: { bulkJobs: 20_000, retainFinished: true },
};

/** A scenario's deliberately unreadable job (brokenJobEvery), chosen by its uuid. */
export function isBrokenJob(scenario: OntapScenario, uuid: string): boolean {
  return (
    scenario.brokenJobEvery > 0 &&
    Number.parseInt(uuid.slice(0, 8), 16) % scenario.brokenJobEvery === 0
  );
}

export function parseScenario(raw: Record<string, unknown> | undefined): OntapScenario {
  const { preset, ...rest } = raw ?? {};
  const base = typeof preset === "string" ? (PRESETS[preset] ?? {}) : {};
  return ontapScenarioSchema.parse({ ...base, ...rest });
}

/** How a cancelled job ends; 459753 is the doc's generic "failed with custom error from the program". */
export function cancelOutcome(scenario: OntapScenario): Outcome {
  return scenario.cancelOutcome === "success"
    ? { state: "success", code: 0, message: scenario.cancelMessage }
    : { state: "failure", code: 459753, message: scenario.cancelMessage };
}
