import { checkWindow, HISTORY_WINDOW, type ListWindow } from "./time-window";
import type { AuditLineView, EventView } from "./jobs";
import type { JobState } from "@/lib/domain/job-state";
import { type Outcome, type RunCategory, RUN_CATEGORIES } from "@/lib/domain/rto";
import type { SourceKind } from "@/lib/domain/source-kind";
import { z } from "zod";
import { isoDateParam, queryList } from "./params";

/** JSON shapes of /api/history/*. Dates are ISO strings; durations are milliseconds. */
export interface HistoryRun {
  id: string;
  sourceId: string;
  sourceName: string;
  kind: SourceKind;
  vendorId: string;
  category: RunCategory;
  type: string;
  name: string;
  state: JobState;
  vendorState: string;
  outcome: Outcome;
  startedAt: string | null;
  endedAt: string | null;
  sortAt: string;
  durationMs: number | null;
  /** Start to the end of the service-restoring phase; null when service was not restored. */
  rtoMs: number | null;
  rtoPhase: string | null;
  rtoTargetMs: number | null;
  /** Null without a target or without a measured RTO. */
  rtoMet: boolean | null;
  rpoMs: number | null;
  rpoTargetMs: number | null;
  /** Null without a target or where RPO is not known (no replication record before cut-over). */
  rpoMet: boolean | null;
  group: string | null;
  policy: string | null;
  submittedBy: string | null;
}

export interface HistoryPage {
  items: HistoryRun[];
  nextCursor: string | null;
  /** The time window the list read (lib/contracts/time-window.ts). */
  window?: ListWindow;
}

export interface TrendRow {
  period: string;
  runs: number;
  succeeded: number;
  successRate: number | null;
  rtoMedianMs: number | null;
  rtoP90Ms: number | null;
}

export interface GroupRow {
  group: string;
  runs: number;
  succeeded: number;
  successRate: number | null;
  rtoMedianMs: number | null;
  rtoP90Ms: number | null;
  rtoTargetMs: number | null;
  /** Measured runs that met / missed their target. */
  metTarget: number;
  missedTarget: number;
  /** DR tests started in the current quarter (any filter on period does not apply). */
  testsThisQuarter: number;
}

export interface SlowPhaseRow {
  name: string;
  kind: SourceKind;
  runs: number;
  medianMs: number;
  maxMs: number;
}

export interface HistorySummary {
  /** The time window every figure covers. */
  window?: ListWindow;
  runs: number;
  finished: number;
  succeeded: number;
  successRate: number | null;
  rto: {
    measured: number;
    medianMs: number | null;
    p90Ms: number | null;
    withTarget: number;
    metTarget: number;
  };
  groups: GroupRow[];
  months: TrendRow[];
  quarters: TrendRow[];
  quarter: string;
  neverTestedThisQuarter: string[];
  slowestPhases: SlowPhaseRow[];
}

export interface PhaseTiming {
  key: string;
  parentKey: string | null;
  name: string;
  lane: string | null;
  depth: number;
  state: JobState;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  /** The phase the RTO is measured to. */
  service: boolean;
}

export interface ReadinessBefore {
  /** Readiness results the failover job itself carried at submission. */
  atSubmission: EventView[];
  /** The last readiness run on the same source that finished before the failover started. */
  lastRun: {
    id: string;
    name: string;
    state: JobState;
    endedAt: string | null;
    findings: EventView[];
  } | null;
}

export interface SignOffView {
  id: string;
  /** Name, email and user id as they were when signed. */
  author: string;
  authorEmail: string | null;
  authorId: string | null;
  note: string;
  createdAt: string;
}

export interface AuditTrailLine extends AuditLineView {
  stages: Array<{ at: string; stage: string; detail: string | null }>;
}

export interface EvidenceReport {
  run: HistoryRun;
  message: string | null;
  readiness: ReadinessBefore;
  phases: PhaseTiming[];
  problems: EventView[];
  audit: AuditTrailLine[];
  signOffs: SignOffView[];
  generatedAt: string;
}

export const HISTORY_KINDS = ["eyeglass", "commvault", "dfm"] as const;
export const HISTORY_OUTCOMES = ["succeeded", "partial", "failed", "running"] as const;

/** Readiness checks and mirror transfers are many and restore nothing: opt-in, not the default. */
export const DEFAULT_CATEGORIES: RunCategory[] = [
  "test",
  "planned",
  "unplanned",
  "failover",
  "failback",
  "restore",
];

/** The filters of /history, shared by its page (URL) and /api/history/* (query string). */
export const historyFilterQuery = z.object({
  kind: queryList(z.enum(HISTORY_KINDS)).optional(),
  category: queryList(z.enum(RUN_CATEGORIES)).optional(),
  group: queryList(z.string().min(1).max(200)).optional(),
  outcome: queryList(z.enum(HISTORY_OUTCOMES)).optional(),
  from: isoDateParam.optional(),
  to: isoDateParam.optional(),
});

const checkRange = (q: { from?: Date; to?: Date }) => !q.from || !q.to || q.from < q.to;
const rangeIssue = { message: "must be after from", path: ["to"] };

export const historyListQuery = historyFilterQuery
  .extend({
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict()
  .refine(checkRange, rangeIssue)
  .superRefine(checkWindow(HISTORY_WINDOW));

export const historySummaryQuery = historyFilterQuery
  .strict()
  .refine(checkRange, rangeIssue)
  .superRefine(checkWindow(HISTORY_WINDOW));

/** POST /api/history/:id/sign-offs. */
export const signOffBody = z
  .object({ note: z.string().trim().min(1, "must not be empty").max(4000) })
  .strict();
