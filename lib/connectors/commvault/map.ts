import type { JobState } from "@/lib/domain/job-state";
import { isTerminal } from "@/lib/domain/job-state";
import type { EventRecord, JobRecord, PhaseRecord } from "@/lib/domain/model";
import { emptySnapshot } from "@/lib/domain/model";
import { rollUpState } from "@/lib/domain/phase-tree";
import { TEST_ONLY_PHASES, phaseName } from "./phase-codes";
import type { CvJobSummary, CvPair, CvPhase } from "./schemas";

const JOB_TYPES: Record<string, string> = {
  "planned failover": "planned-failover",
  "unplanned failover": "unplanned-failover",
  "test failover": "test-failover",
  failback: "failback",
};

/** Commvault's Job Manager status words; anything else falls back to what the phases say. */
const SUMMARY_STATES: Record<string, JobState> = {
  running: "running",
  waiting: "queued",
  pending: "queued",
  queued: "queued",
  suspended: "paused",
  "suspend pending": "running",
  "kill pending": "aborting",
  completed: "succeeded",
  "completed w/ one or more warnings": "succeeded",
  "completed w/ one or more errors": "partial",
  committed: "partial",
  failed: "failed",
  "failed to start": "failed",
  killed: "aborted",
};

const toDate = (seconds: number | undefined) => (seconds ? new Date(seconds * 1000) : null);

export function jobTypeOf(summary: CvJobSummary | null, pairs: CvPair[]): string {
  const label = summary?.jobType?.trim().toLowerCase();
  if (label) return JOB_TYPES[label] ?? label.replace(/[^a-z0-9]+/g, "-");
  const codes = pairs.flatMap((p) => p.phase ?? []).map((p) => p.phase);
  return codes.some((c) => TEST_ONLY_PHASES.has(c)) ? "test-failover" : "dr-job";
}

/** Only 0 (success) and 1 (failed) are documented; a phase with a start and no end is running. */
export function phaseStateOf(phase: CvPhase, jobState: JobState): JobState {
  if (!toDate(phase.startTime?.time)) return "queued";
  if (!toDate(phase.endTime?.time)) return jobState === "paused" ? "paused" : "running";
  if (phase.status === 0) return "succeeded";
  // A kill ends the running phase with status 1 too; in a killed job that is the kill, not a fault.
  if (phase.status === 1) return jobState === "aborted" ? "aborted" : "failed";
  return "partial";
}

/** A pair's state is its last phase's: pairs run their phases one after another. */
function pairState(pair: CvPair): JobState {
  const last = pair.phase?.at(-1);
  return last ? phaseStateOf(last, "running") : "queued";
}

export function jobStateOf(summary: CvJobSummary | null, pairs: CvPair[]): JobState {
  const fromPhases = rollUpState(pairs.map(pairState));
  const status = summary?.status?.trim().toLowerCase() ?? "";
  const mapped = SUMMARY_STATES[status];
  if (!mapped) return fromPhases;
  if (mapped === "queued" && pairs.some((p) => p.phase?.length)) return "running";
  if (mapped === "succeeded" && (fromPhases === "partial" || fromPhases === "failed"))
    return "partial";
  return mapped;
}

export const pairKeyOf = (pair: CvPair) =>
  `${pair.replicationId ?? 0}-${pair.client?.clientId ?? 0}`;
const laneOf = (pair: CvPair) =>
  pair.client?.clientName ?? `Replication ${pair.replicationId ?? "?"}`;

/** One Gantt lane per replication pair; the key counts repeats of a code so it survives re-polls. */
export function mapPhases(
  pairs: CvPair[],
  jobState: JobState,
  failureText: string | null,
): PhaseRecord[] {
  const out: PhaseRecord[] = [];
  for (const pair of pairs) {
    const seen = new Map<number, number>();
    for (const phase of pair.phase ?? []) {
      const index = seen.get(phase.phase) ?? 0;
      seen.set(phase.phase, index + 1);
      const state = phaseStateOf(phase, jobState);
      out.push({
        key: `${pairKeyOf(pair)}:${phase.phase}:${index}`,
        parentKey: null,
        lane: laneOf(pair),
        name: phaseName(phase.phase),
        state,
        vendorStatus: phase.status === undefined ? null : String(phase.status),
        order: out.length,
        startedAt: toDate(phase.startTime?.time),
        endedAt: toDate(phase.endTime?.time),
        message: state === "failed" ? failureText : null,
      });
    }
  }
  return out;
}

function phaseEvents(phases: PhaseRecord[]): EventRecord[] {
  const events: EventRecord[] = [];
  for (const p of phases) {
    if (p.startedAt) {
      events.push({
        key: `${p.key}:start`,
        at: p.startedAt,
        severity: "info",
        type: "phase-start",
        message: `${p.name} started on ${p.lane}`,
        raw: null,
      });
    }
    if (p.endedAt) {
      const failed = p.state === "failed";
      events.push({
        key: `${p.key}:end`,
        at: p.endedAt,
        severity: failed ? "error" : p.state === "succeeded" ? "info" : "warning",
        type: "phase-end",
        message: `${p.name} ${failed ? "failed" : "finished"} on ${p.lane}`,
        raw: null,
      });
    }
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A DR job from its JobStats pairs and, when the Job Manager still has it, its summary. */
export function mapCommvaultJob(
  jobId: string,
  pairs: CvPair[],
  summary: CvJobSummary | null,
): JobRecord {
  const state = jobStateOf(summary, pairs);
  const reason = summary?.pendingReason?.trim() || null;
  const phases = mapPhases(pairs, state, reason);
  const starts = phases.flatMap((p) => (p.startedAt ? [p.startedAt.getTime()] : []));
  const ends = phases.flatMap((p) => (p.endedAt ? [p.endedAt.getTime()] : []));
  const terminal = isTerminal(state);
  const startedAt =
    toDate(summary?.jobStartTime) ?? (starts.length ? new Date(Math.min(...starts)) : null);
  const endedAt = terminal
    ? (toDate(summary?.jobEndTime) ?? (ends.length ? new Date(Math.max(...ends)) : null))
    : null;
  const drGroup = summary?.subclientName ?? null;
  const label = summary?.jobType ?? "DR job";
  return {
    ...emptySnapshot(jobId, {
      type: jobTypeOf(summary, pairs),
      name: drGroup ? `${label}: ${drGroup}` : `${label} ${jobId}`,
      state,
      vendorState: summary?.status ?? "unknown",
      progress: state === "succeeded" ? 100 : (summary?.percentComplete ?? null),
      startedAt,
      endedAt,
      submittedBy: summary?.userName?.userName ?? null,
      dataset: pairs.map(laneOf).join(", ") || null,
      drGroup,
      message: reason ?? (summary?.currentPhaseName || null),
      raw: { summary, pairs },
    }),
    phases,
    events: phaseEvents(phases),
  };
}
