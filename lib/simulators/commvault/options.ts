import { z } from "zod";
import { vendorTextField } from "@/lib/simulators/engine/vendor-text";

export const DR_JOB_TYPES = [
  "planned-failover",
  "unplanned-failover",
  "test-failover",
  "failback",
] as const;
export type DrJobType = (typeof DR_JOB_TYPES)[number];

/** Commvault's own job-type strings, as the parent job summary reports them. */
export const JOB_TYPE_LABEL: Record<DrJobType, string> = {
  "planned-failover": "Planned Failover",
  "unplanned-failover": "Unplanned Failover",
  "test-failover": "Test Failover",
  failback: "Failback",
};

const wholeSeconds = z.number().int().positive().multipleOf(1000);

/**
 * Scenario settings. The UNCONFIRMED vendor facts (see VENDOR-NOTES) are here with their plausible
 * defaults, so a test can switch to the other variant and prove the connector copes.
 */
export const scenarioSchema = z.object({
  webServiceRoot: z
    .string()
    .regex(/^\/.*\/$/)
    .default("/commandcenter/api/"),
  /** Commvault ends a session after 30 minutes without a call. */
  tokenIdleMs: z
    .number()
    .int()
    .positive()
    .default(30 * 60_000),
  /** How far back the estate's DR job history reaches (well inside Commvault's job retention). */
  historyMs: z
    .number()
    .int()
    .positive()
    .default(21 * 86_400_000),
  /** Mean gap between new DR jobs while the simulator runs. */
  meanIntervalMs: z
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  /** Share of the backfilled history kept, so weeks of history stay a few hundred jobs. */
  historyDensity: z.number().min(0).max(1).default(0.08),
  /** Seed running and queued jobs at start, so a demo opens on live work. */
  liveJobs: z.boolean().default(true),
  /** UNCONFIRMED: the status a phase carries while it runs (only 0 and 1 are documented). */
  runningPhaseStatus: z.number().int().default(0),
  /** UNCONFIRMED: whether a running phase omits endTime or sends it with time 0. */
  runningEndTime: z.enum(["omit", "zero"]).default("omit"),
  /** UNCONFIRMED: the login failure body (cvpysdk reads errList; older servers send errorCode). */
  loginError: z.enum(["errList", "errorCode"]).default("errList"),
  /** When set, every failover reaches the end of "Post VM Failover" exactly this long after it starts. */
  fixedRtoMs: wholeSeconds.optional(),
  /** A phase code newer than the known table, inserted after each job's first phase. */
  unknownPhaseCode: z.number().int().min(0).optional(),
  /**
   * Which JobStats paths the CommServe serves: current releases answer `DR/JobStats` (cvpysdk's
   * DRORCHESTRATION_JOB_STATS), older ones only `DRGroups/JobStats`.
   */
  jobStatsPaths: z.enum(["both", "DR", "DRGroups"]).default("both"),
  /**
   * How an expired token is answered: 401, or HTTP 200 with an errList asking for a new login
   * (seen from CommServes behind the Command Center proxy).
   */
  expiredToken: z.enum(["401", "errList200"]).default("401"),
  /** Every n-th job (by id) has a replication pair with an unreadable phase code; 0: none. */
  brokenJobEvery: z.number().int().min(0).default(0),
});
export type Scenario = z.infer<typeof scenarioSchema>;

/**
 * "large": a year of a busy CommServe's DR jobs (~35,000, every one kept, each with its pairs'
 * phases and a job summary). Explicit settings override the preset's.
 */
const PRESETS: Record<string, Partial<Scenario>> = {
  large: { historyMs: 365 * 86_400_000, meanIntervalMs: 15 * 60_000, historyDensity: 1 },
};

export function parseScenario(raw: Record<string, unknown> | undefined): Scenario {
  const { preset, ...rest } = raw ?? {};
  const base = typeof preset === "string" ? (PRESETS[preset] ?? {}) : {};
  return scenarioSchema.parse({ ...base, ...rest });
}

/** Body of POST /__sim/jobs. */
export const createJobSchema = z.object({
  type: z.enum(DR_JOB_TYPES).optional(),
  /** Each replication pair's phases are scaled to take this long in total (whole seconds). */
  durationMs: z.number().int().min(10_000).optional(),
  /** Exact time from start to the end of "Post VM Failover" on every pair. */
  rtoMs: wholeSeconds.optional(),
  drGroupId: z.number().int().optional(),
  /** The DR group's, the VMs' and the submitting user's names. */
  text: vendorTextField,
});
export type CreateJobRequest = z.infer<typeof createJobSchema>;
