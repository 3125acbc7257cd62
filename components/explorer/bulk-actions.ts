import type { JobSummary } from "@/lib/contracts/jobs";
import { ACTION_ROLE, type JobAction } from "@/lib/domain/actions";
import type { JobState } from "@/lib/domain/job-state";
import { roleAllows, type Role } from "@/lib/domain/roles";
import type { SourceKind } from "@/lib/domain/source-kind";

/** What each vendor's API can do to a job at all (DESIGN.md's source table). */
const VENDOR_ACTIONS: Record<SourceKind, JobAction[]> = {
  dfm: ["abort", "purge"],
  ontap: ["pause", "resume", "cancel"],
  eyeglass: ["cancel"],
  commvault: ["pause", "resume", "kill"],
  spp: ["cancel"],
};

const IN_STATES: Record<JobAction, ReadonlySet<JobState>> = {
  pause: new Set(["running"]),
  resume: new Set(["paused"]),
  abort: new Set(["queued", "running", "paused"]),
  cancel: new Set(["queued", "running", "paused"]),
  kill: new Set(["queued", "running", "paused"]),
  purge: new Set(["succeeded", "partial", "failed", "aborted", "canceled"]),
};

export interface BulkOption {
  action: JobAction;
  jobs: JobSummary[];
}

/**
 * Which actions to offer for a selection, and the jobs each applies to. A first cut from vendor and
 * state: the server still checks each job's real capabilities and refuses (409) what it does not allow.
 */
export function bulkOptions(selected: JobSummary[], role: Role): BulkOption[] {
  const out = new Map<JobAction, JobSummary[]>();
  for (const job of selected) {
    if (job.goneAt) continue;
    for (const action of VENDOR_ACTIONS[job.kind]) {
      if (!roleAllows(role, ACTION_ROLE[action]) || !IN_STATES[action].has(job.state)) continue;
      out.set(action, [...(out.get(action) ?? []), job]);
    }
  }
  return [...out.entries()].map(([action, jobs]) => ({ action, jobs }));
}
