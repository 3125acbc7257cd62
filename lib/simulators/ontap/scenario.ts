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
});

export type OntapScenario = z.infer<typeof ontapScenarioSchema>;

export function parseScenario(raw: Record<string, unknown> | undefined): OntapScenario {
  return ontapScenarioSchema.parse(raw ?? {});
}

/** ONTAP deletes a job this long after it reaches a terminal state. */
export const RETENTION_MS = 300_000;

/** How a cancelled job ends; 459753 is the doc's generic "failed with custom error from the program". */
export function cancelOutcome(scenario: OntapScenario): Outcome {
  return scenario.cancelOutcome === "success"
    ? { state: "success", code: 0, message: scenario.cancelMessage }
    : { state: "failure", code: 459753, message: scenario.cancelMessage };
}
