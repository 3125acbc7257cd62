import { z } from "zod";
import type { JobState } from "@/lib/domain/job-state";
import type { Outcome, RunCategory } from "@/lib/domain/rto";
import type { SourceKind } from "@/lib/domain/source-kind";
import type { PhaseTiming } from "./history";
import { isoDateParam } from "./params";

/**
 * Evidence packs (/api/evidence/*). The pack document is what is hashed: every figure in it is a
 * plain JSON value (ISO dates, milliseconds), canonicalised with RFC 8785 before hashing.
 */

export const PACK_SCHEMA = "jobdeck.evidence-pack/1";
export const RUN_SCHEMA = "jobdeck.run-evidence/1";

/** Where a figure comes from at the vendor: the job's id, a step's key, an event key, log lines. */
export interface VendorRef {
  jobId: string;
  stepKey?: string;
  eventKey?: string;
  logLines?: number[];
}

/** A phase's timing as the run report shows it (`service`: the step the RTO is measured to), keyed by the vendor's key. */
export interface EvidenceStep extends Omit<PhaseTiming, "key"> {
  vendorKey: string;
  /** The vendor reports this step as waiting on a person (an approval or a prompt). */
  waitsOnPerson: boolean;
  /** Log lines (sequence numbers) that name this step. */
  logLines: number[];
}

export type WaitKind = "approval" | "prompt" | "pause";

export interface WaitInterval {
  kind: WaitKind;
  label: string;
  from: string;
  to: string;
  ms: number;
  /** The vendor step, or the Jobdeck pause/resume actions (audit ids), the wait was read from. */
  ref: { stepKey?: string; actionIds?: string[] };
}

export interface EvidencePerson {
  name: string;
  email: string | null;
  id: string | null;
}

export interface EvidenceAction {
  id: string;
  action: string;
  actor: EvidencePerson;
  status: string;
  reason: string | null;
  requestedAt: string;
  completedAt: string | null;
  vendorReply: string | null;
  stages: Array<{ at: string; stage: string; detail: string | null }>;
}

export interface EvidenceEvent {
  vendorKey: string;
  at: string;
  severity: "info" | "warning" | "error";
  type: string;
  message: string;
}

export interface RunEvidence {
  schema: typeof RUN_SCHEMA;
  run: {
    id: string;
    source: { id: string; name: string; kind: SourceKind };
    vendorId: string;
    category: RunCategory;
    type: string;
    name: string;
    state: JobState;
    vendorState: string;
    outcome: Outcome;
    group: string | null;
    policy: string | null;
    message: string | null;
  };
  /** Declaration (when it was asked for) → first step → service restored → last step. */
  milestones: {
    declaredAt: string | null;
    declaredBy: string | null;
    startedAt: string | null;
    firstStepAt: string | null;
    serviceRestoredAt: string | null;
    lastStepAt: string | null;
    endedAt: string | null;
  };
  durationMs: number | null;
  steps: EvidenceStep[];
  waiting: { totalMs: number; intervals: WaitInterval[] };
  rto: {
    ms: number | null;
    phase: string | null;
    targetMs: number | null;
    met: boolean | null;
    ref: VendorRef;
  };
  rpo: {
    ms: number | null;
    targetMs: number | null;
    met: boolean | null;
    cutoverAt: string | null;
    lastReplicationEndedAt: string | null;
  };
  people: {
    launchedBy: EvidencePerson | null;
    /** The name the vendor recorded as submitter (may differ from the Jobdeck user who launched). */
    vendorSubmitter: string | null;
    approvedBy: EvidencePerson[];
    actedBy: EvidencePerson[];
  };
  actions: EvidenceAction[];
  /** Warnings and errors the vendor reported during the run. */
  events: EvidenceEvent[];
  /** Run sign-offs that existed when the pack was generated. */
  runSignOffs: Array<{ id: string; author: EvidencePerson; note: string; createdAt: string }>;
}

export interface PackRun extends RunEvidence {
  /** SHA-256 (hex) of this run's canonical JSON without this field. */
  sha256: string;
}

export interface PackGroupRow {
  group: string;
  runs: number;
  succeeded: number;
  partial: number;
  failed: number;
  running: number;
  drRuns: number;
  rtoTargetMs: number | null;
  rtoMedianMs: number | null;
  metTarget: number;
  missedTarget: number;
  waitingMs: number;
}

export interface PeriodStats {
  from: string;
  to: string;
  runs: number;
  succeeded: number;
  finished: number;
  successRate: number | null;
  rtoMeasured: number;
  rtoMedianMs: number | null;
  metTarget: number;
  missedTarget: number;
}

export interface PackSummary {
  current: PeriodStats;
  previous: PeriodStats;
  trend: {
    runs: number;
    successRate: number | null;
    rtoMedianMs: number | null;
    metTarget: number;
    missedTarget: number;
  };
  outcomes: Record<Outcome, number>;
  waitingMs: number;
  groups: PackGroupRow[];
  /** Known groups (an RTO target, or a DR run ever seen before the period's end) with no DR run in the period. */
  neverTested: string[];
}

export interface EvidencePackDoc {
  schema: typeof PACK_SCHEMA;
  period: { from: string; to: string; label: string };
  generatedAt: string;
  generatedBy: EvidencePerson;
  definitions: Record<string, string>;
  summary: PackSummary;
  runs: PackRun[];
}

export interface EvidenceSignOffView {
  id: string;
  author: EvidencePerson;
  role: string;
  note: string;
  createdAt: string;
  sha256: string;
}

export interface EvidencePackView {
  id: string;
  label: string;
  periodFrom: string;
  periodTo: string;
  params: { from: string; to: string; quarter?: string; trigger: "manual" | "schedule" };
  createdBy: string;
  createdAt: string;
  runCount: number;
  sha256: string;
  pdfSha256: string | null;
  signOffs: EvidenceSignOffView[];
}

export interface EvidencePackList {
  items: EvidencePackView[];
  nextCursor: string | null;
}

export interface ChainStatus {
  intact: boolean;
  entries: number;
  /** The first entry whose hash does not recompute, or whose subject no longer matches. */
  brokenAt: number | null;
  problem: string | null;
}

export interface VerifyResult {
  sha256: string;
  issued: boolean;
  /** What the hash is: a pack, one run report inside a pack, or a pack's PDF. */
  match: {
    kind: "pack" | "run" | "pdf";
    packId: string;
    label: string;
    createdAt: string;
    jobId?: string;
    /** The stored pack content still hashes to its recorded SHA-256. */
    storedIntact: boolean;
  } | null;
  chain: ChainStatus;
}

export const quarterParam = z.string().regex(/^\d{4}-Q[1-4]$/, "must look like 2026-Q3");

/** POST /api/evidence/packs: a quarter, or any [from, to) range (at most two years). */
export const createPackBody = z
  .union([
    z.object({ quarter: quarterParam }).strict(),
    z.object({ from: isoDateParam, to: isoDateParam }).strict(),
  ])
  .superRefine((b, ctx) => {
    if ("from" in b && !(b.from < b.to))
      ctx.addIssue({ code: "custom", message: "must be after from", path: ["to"] });
    if ("from" in b && b.to.getTime() - b.from.getTime() > 731 * 86_400_000)
      ctx.addIssue({ code: "custom", message: "a pack covers at most two years", path: ["to"] });
  });
export type CreatePackBody = z.infer<typeof createPackBody>;

export const packListQuery = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const packIdParams = z.object({ id: z.string().uuid("must be an evidence pack id") });

export const sha256Hex = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in hex (64 characters)");

export const verifyQuery = z.object({ sha256: sha256Hex }).strict();

export const packSignOffBody = z
  .object({ note: z.string().trim().min(1, "must not be empty").max(4000) })
  .strict();

export const SCHEDULE_CADENCES = ["off", "month", "quarter"] as const;
export type ScheduleCadence = (typeof SCHEDULE_CADENCES)[number];

export const scheduleBody = z.object({ cadence: z.enum(SCHEDULE_CADENCES) }).strict();

export interface ScheduleView {
  cadence: ScheduleCadence;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Uploads to POST /api/evidence/verify are at most this large (a year's pack of 10,000 runs fits). */
export const VERIFY_MAX_BYTES = 200 * 1024 * 1024;
