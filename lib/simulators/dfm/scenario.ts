import { z } from "zod";

/**
 * ZAPI errno numbers for the names the dp-job document uses. Only the 130xx family is confirmed
 * (VENDOR-NOTES); the rest are plausible stand-ins a scenario can override.
 */
export const DEFAULT_ERRNOS: Readonly<Record<string, number>> = {
  EAPIERROR: 13001,
  EACCESSDENIED: 13003,
  EAPINOTFOUND: 13005,
  EINVALIDINPUT: 13115,
  EINVALIDINPUTERROR: 13115,
  EOBJECTNOTFOUND: 22212,
  EOBJECTAMBIGUOUS: 22213,
  EDATABASEERROR: 22217,
  EINVALIDTAG: 22220,
  EJOBDOESNOTEXIST: 24001,
  EJOBALREADYCOMPLETED: 24002,
  EJOBALREADYABORTED: 24003,
  EJOBCANNOTBEABORTED: 24004,
};

export const JOB_TYPES = [
  "local_backup",
  "remote_backup",
  "mirror",
  "restore",
  "create_relationship",
  "destroy_relationship",
  "on_demand_backup",
] as const;
export type DpJobType = (typeof JOB_TYPES)[number];

const scenarioSchema = z.object({
  errnos: z.record(z.string(), z.number().int()).default({}),
  /** How much history the estate starts with. */
  historyHours: z.number().positive().default(24),
  meanIntervalMs: z.number().int().positive().default(150_000),
  /** How long an abort takes to land once requested. */
  abortDelayMs: z.number().int().min(0).default(30_000),
  /** Iterator tags not used for this long are dropped, as a server keeps bounded state. */
  tagTtlMs: z.number().int().positive().default(600_000),
  maxTags: z.number().int().positive().default(256),
  /** UNCONFIRMED: the doc lists four states; SDK samples also show "queued" for jobs not yet started. */
  queuedJobState: z.enum(["queued", "omit"]).default("queued"),
  /**
   * DFM's `reason` is prose ("Job 12 does not exist."), the errno a number: the name is not in it.
   * True puts the name in front, as a friendlier (non-NetApp) server might.
   */
  reasonWithName: z.boolean().default(false),
  /** UNCONFIRMED: which job types DFM refuses to abort (EJOBCANNOTBEABORTED). */
  unabortableJobTypes: z.array(z.enum(JOB_TYPES)).default(["destroy_relationship"]),
  /** Render every n-th job (by id) without its job-type, which the document lists: Jobdeck must quarantine it; 0: none. */
  brokenJobEvery: z.number().int().min(0).default(0),
  /** Render every n-th progress event (by id) with an empty event-timestamp; 0: none. */
  brokenEventEvery: z.number().int().min(0).default(0),
});

/**
 * "large": a year of a busy Protection Manager (a job every ~100 minutes, ~5,000 jobs with their
 * progress events), none purged. Explicit settings override the preset's.
 */
const PRESETS: Record<string, Record<string, unknown>> = {
  large: { historyHours: 365 * 24, meanIntervalMs: 100 * 60_000 },
};

export type DfmScenario = z.infer<typeof scenarioSchema> & { errnos: Record<string, number> };

/** Whether a scenario renders this record broken (every n-th by id). */
export const isBroken = (every: number, id: number) => every > 0 && id % every === 0;

export function parseScenario(raw: Record<string, unknown> | undefined): DfmScenario {
  const { preset, ...rest } = raw ?? {};
  const base = typeof preset === "string" ? (PRESETS[preset] ?? {}) : {};
  const parsed = scenarioSchema.parse({ ...base, ...rest });
  return { ...parsed, errnos: { ...DEFAULT_ERRNOS, ...parsed.errnos } };
}
