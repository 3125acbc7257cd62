import type { JobState } from "@/lib/domain/job-state";
import type { JobRecord, PhaseRecord } from "@/lib/domain/model";
import type { OntapJob } from "./schemas";

/** Known job descriptions → Jobdeck job types (capabilities are keyed by these). */
const TYPE_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^vol(ume)?\s+move\b/i, "volume-move"],
  [/^snapmirror\s+initiali[sz]e\b/i, "snapmirror-initialize"],
  [/^cluster\s+backup\b/i, "cluster-backup"],
  [/\bclone\s+split\b/i, "clone-split"],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Vol Move" → volume-move; REST-started jobs ("PATCH /api/storage/volumes/<uuid>") → rest-patch-storage-volumes. */
export function ontapJobType(description: string | undefined): string {
  if (!description) return "job";
  for (const [pattern, type] of TYPE_RULES) if (pattern.test(description)) return type;
  const rest = /^(GET|POST|PATCH|DELETE)\s+\/api\/(\S+)/i.exec(description);
  if (rest) {
    const segments = (rest[2] ?? "").split("/").filter((s) => s && !UUID.test(s));
    return slug(`rest ${rest[1] ?? ""} ${segments.join(" ")}`);
  }
  return slug(description.replace(/\bjob$/i, "")) || "job";
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * ONTAP has no cancelled state: a cancelled job ends "success" or "failure". Its message is the only
 * trace, so a finished job whose message says it was cancelled is shown as canceled. This is a
 * heuristic on vendor text, not a vendor field.
 */
const CANCELLED_MESSAGE = /\bcancel(l)?ed\b/i;

export function ontapUnifiedState(job: Pick<OntapJob, "state" | "message" | "end_time">): JobState {
  switch (job.state) {
    case "queued":
      return "queued";
    case "running":
      return "running";
    case "paused":
      return "paused";
    case "success":
      return CANCELLED_MESSAGE.test(job.message ?? "") ? "canceled" : "succeeded";
    case "failure":
      return CANCELLED_MESSAGE.test(job.message ?? "") ? "canceled" : "failed";
    default:
      // An undocumented state: a job with an end time is over, and not known to have succeeded.
      return job.end_time ? "failed" : "running";
  }
}

/** A running job's message often carries its progress ("Transferring: 37% complete"). */
function progressOf(job: OntapJob, state: JobState): number | null {
  if (state === "succeeded") return 100;
  if (state !== "running" && state !== "paused") return null;
  const match = /(\d{1,3}(?:\.\d+)?)\s*%/.exec(job.message ?? "");
  if (!match) return null;
  const value = Number(match[1]);
  return value >= 0 && value <= 100 ? value : null;
}

const toDate = (value: string | undefined) => (value ? new Date(value) : null);

export function mapOntapJob(job: OntapJob): JobRecord {
  const state = ontapUnifiedState(job);
  const vendorState = job.state ?? "unknown";
  const startedAt = toDate(job.start_time);
  const endedAt = toDate(job.end_time);
  const message = job.message ?? job.error?.message ?? null;
  const name = job.description ?? job.uuid;
  // ONTAP reports no steps: one bar for the whole job.
  const phase: PhaseRecord = {
    key: "job",
    parentKey: null,
    lane: null,
    name,
    state,
    vendorStatus: vendorState,
    order: 0,
    startedAt,
    endedAt,
    message,
  };
  return {
    vendorId: job.uuid,
    type: ontapJobType(job.description),
    name,
    state,
    vendorState,
    progress: progressOf(job, state),
    bytesDone: null,
    bytesTotal: null,
    throughputBps: null,
    startedAt,
    endedAt,
    submittedBy: null,
    dataset: job.svm?.name ?? null,
    policy: null,
    cluster: job.node?.name ?? null,
    drGroup: null,
    message,
    raw: job,
    phases: [phase],
    events: [],
  };
}
