import { checkWindow, JOBS_WINDOW, type ListWindow } from "./time-window";
import type { JobAction } from "@/lib/domain/actions";
import { type JobState, type Severity, JOB_STATES, SEVERITIES } from "@/lib/domain/job-state";
import { type SourceKind, SOURCE_KINDS } from "@/lib/domain/source-kind";
import { z } from "zod";
import { entityId, isoDateParam, queryList } from "./params";

/** JSON shapes the BFF sends to browsers. Dates are ISO strings; byte counts are decimal strings (64-bit exact). */
export interface JobSummary {
  id: string;
  sourceId: string;
  sourceName: string;
  kind: SourceKind;
  vendorId: string;
  type: string;
  name: string;
  state: JobState;
  vendorState: string;
  progress: number | null;
  bytesDone: string | null;
  bytesTotal: string | null;
  throughputBps: number | null;
  startedAt: string | null;
  endedAt: string | null;
  sortAt: string;
  submittedBy: string | null;
  dataset: string | null;
  policy: string | null;
  cluster: string | null;
  drGroup: string | null;
  message: string | null;
  goneAt: string | null;
  updatedAt: string;
}

export interface JobPage {
  items: JobSummary[];
  nextCursor: string | null;
  /** The time window the list read (lib/contracts/time-window.ts). */
  window?: ListWindow;
}

export interface PhaseView {
  id: string;
  key: string;
  parentKey: string | null;
  lane: string | null;
  name: string;
  state: JobState;
  vendorStatus: string | null;
  order: number;
  depth: number;
  startedAt: string | null;
  endedAt: string | null;
  message: string | null;
}

export interface EventView {
  id: string;
  at: string;
  severity: Severity;
  type: string;
  message: string;
}

export interface SampleView {
  at: string;
  bytesDone: string | null;
  bytesPerSec: number | null;
  percent: number | null;
}

export interface AuditLineView {
  id: string;
  action: string;
  /** The actor's name, email and user id as they were when they acted. */
  actor: string;
  actorEmail: string | null;
  actorId: string | null;
  reason: string | null;
  status: "pending" | "succeeded" | "refused" | "failed" | "unknown";
  vendorReply: string | null;
  requestedAt: string;
  completedAt: string | null;
}

export interface SourceFreshness {
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface JobDetailView {
  job: JobSummary;
  phases: PhaseView[];
  events: EventView[];
  samples: SampleView[];
  logLineCount: number;
  actions: AuditLineView[];
  /** Actions the job allows now (before the caller's role is considered). */
  allowedActions: JobAction[];
  /** When the cached copy was last confirmed with the vendor. */
  refreshedAt: string;
  source: SourceFreshness;
  /** Set when a read-through refresh failed: the page shows the cached copy with this warning. */
  refreshError: string | null;
}

export interface PhaseBaselineView {
  medianMs: number;
  p90Ms: number;
  medianEndOffsetMs: number;
  runs: number;
  /** Each past run's start and end of this phase as a share of that run's length (the ETA reads them). */
  startShares?: number[];
  endShares?: number[];
}

/** GET /api/jobs/:id/baseline: past successful runs of the same job kind, summarised. */
export interface JobBaselineView {
  /** How many past runs the figures come from (0: no history, so no ETA). */
  runs: number;
  job: PhaseBaselineView | null;
  /** Every past run's length, shortest first (lib/domain/baselines.ts estimateFinish). */
  jobDurationsMs: number[];
  /** By phase signature (lib/domain/baselines.ts phaseSignatures). */
  phases: Record<string, PhaseBaselineView>;
}

/** Columns /api/jobs sorts on (`sort`), each keyset-paginated; `order` defaults to newest first. */
export const JOB_SORT_KEYS = [
  "started",
  "ended",
  "name",
  "type",
  "state",
  "progress",
  "bytes",
] as const;

export const jobListQuery = z
  .object({
    source: queryList(entityId("source")).optional(),
    kind: queryList(z.enum(SOURCE_KINDS)).optional(),
    state: queryList(z.enum(JOB_STATES)).optional(),
    type: queryList(z.string().min(1).max(100)).optional(),
    q: z.string().trim().max(200).optional(),
    from: isoDateParam.optional(),
    to: isoDateParam.optional(),
    gone: z.enum(["include", "exclude"]).default("include"),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    sort: z.enum(JOB_SORT_KEYS).default("started"),
    order: z.enum(["asc", "desc"]).default("desc"),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "must be after from", path: ["to"] })
  .superRefine(checkWindow(JOBS_WINDOW));

export type JobListQuery = z.infer<typeof jobListQuery>;

/** GET /api/jobs/:id/log: lines matching `q`, after sequence number `after`. */
export const jobLogQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    after: z.coerce.number().int().min(-1).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
  })
  .strict();

/** GET /api/jobs/:id/events: newest first, before event `before`, of the given severities. */
export const jobEventsQuery = z
  .object({
    before: z.string().regex(/^\d+$/, "must be an event id").transform(BigInt).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    severity: z
      .union([z.enum(SEVERITIES), z.array(z.enum(SEVERITIES))])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional(),
  })
  .strict();

/** POST /api/jobs/:id/actions answers with the audit line even when the vendor refused (409) or failed (502). */
export function isAuditLine(data: unknown): data is AuditLineView {
  const d = data as Partial<Record<keyof AuditLineView, unknown>> | null;
  return (
    typeof d === "object" && d !== null && typeof d.id === "string" && typeof d.status === "string"
  );
}
