import { FAILURE_STATES, isFailure, UNFINISHED_STATES, type JobState } from "./job-state";
import type { SourceKind } from "./source-kind";

/**
 * Failover history rules: which jobs are DR runs, what their measured RTO and RPO are, and the
 * statistics managers read (success rate, median and p90, trends, groups never tested).
 */

export const RUN_CATEGORIES = [
  "test",
  "planned",
  "unplanned",
  "failover",
  "failback",
  "readiness",
  "mirror",
  "restore",
] as const;
export type RunCategory = (typeof RUN_CATEGORIES)[number];

export const CATEGORY_LABEL: Record<RunCategory, string> = {
  test: "DR test / rehearsal",
  planned: "Planned failover",
  unplanned: "Unplanned failover",
  // Eyeglass does not report whether a failover was controlled, so its failovers stay unqualified.
  failover: "Failover",
  failback: "Failback",
  readiness: "Readiness run",
  mirror: "Mirror",
  restore: "Restore",
};

/** The vendor job types (as the connectors name them) behind each category. */
export const CATEGORY_TYPES: Record<
  RunCategory,
  ReadonlyArray<{ kind: SourceKind; type: string }>
> = {
  test: [
    { kind: "eyeglass", type: "dr-test" },
    { kind: "eyeglass", type: "rehearsal" },
    { kind: "commvault", type: "test-failover" },
  ],
  planned: [{ kind: "commvault", type: "planned-failover" }],
  unplanned: [{ kind: "commvault", type: "unplanned-failover" }],
  failover: [{ kind: "eyeglass", type: "failover" }],
  failback: [
    { kind: "eyeglass", type: "failback" },
    { kind: "commvault", type: "failback" },
  ],
  readiness: [{ kind: "eyeglass", type: "readiness" }],
  mirror: [{ kind: "dfm", type: "mirror" }],
  restore: [{ kind: "dfm", type: "restore" }],
};

export function categoryOf(kind: SourceKind, type: string): RunCategory | null {
  for (const category of RUN_CATEGORIES) {
    if (CATEGORY_TYPES[category].some((t) => t.kind === kind && t.type === type)) return category;
  }
  return null;
}

/** Categories whose runs move service to another site: the ones an RTO is measured on. */
export const FAILOVER_CATEGORIES: ReadonlySet<RunCategory> = new Set([
  "test",
  "planned",
  "unplanned",
  "failover",
  "failback",
  "restore",
]);

export type Outcome = "succeeded" | "partial" | "failed" | "running";

/** Aborted and cancelled runs count as failures: the failover did not happen. */
export function outcomeOf(state: JobState): Outcome {
  if (state === "succeeded" || state === "partial") return state;
  if (isFailure(state)) return "failed";
  return "running";
}

/** The job states behind each outcome (the inverse of outcomeOf), for filtering stored runs. */
export const OUTCOME_STATES: Record<Outcome, readonly JobState[]> = {
  succeeded: ["succeeded"],
  partial: ["partial"],
  failed: FAILURE_STATES,
  running: UNFINISHED_STATES,
};

/** The phase after which service is back, per vendor; a source can override it (options.rtoPhase). */
export const DEFAULT_RTO_PHASE: Partial<Record<SourceKind, string>> = {
  eyeglass: "Make target writable",
  commvault: "Post VM Failover",
};

export function rtoPhaseFor(kind: SourceKind, options: unknown): string | null {
  if (options && typeof options === "object" && "rtoPhase" in options) {
    const value = (options as { rtoPhase: unknown }).rtoPhase;
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return DEFAULT_RTO_PHASE[kind] ?? null;
}

export interface RunPhase {
  name: string;
  state: JobState;
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface RunTimes {
  state: JobState;
  startedAt: Date | null;
  endedAt: Date | null;
  phases: readonly RunPhase[];
}

const RESTORED: ReadonlySet<JobState> = new Set(["succeeded", "partial"]);
const samePhase = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Start of the run to the end of the service-restoring phase (the last lane's, when the phase runs
 * on several), not the job's total duration. Null when service was never restored. Without a
 * declared phase (DFM restores) the whole successful job is the outage.
 */
export function measureRto(run: RunTimes, servicePhase: string | null): number | null {
  if (!run.startedAt) return null;
  const start = run.startedAt.getTime();
  if (!servicePhase)
    return RESTORED.has(run.state) && run.endedAt
      ? Math.max(0, run.endedAt.getTime() - start)
      : null;
  const matches = run.phases.filter((p) => samePhase(p.name, servicePhase));
  if (matches.length === 0 || matches.some((p) => !RESTORED.has(p.state) || !p.endedAt))
    return null;
  return Math.max(0, Math.max(...matches.map((p) => p.endedAt?.getTime() ?? start)) - start);
}

/** When service moved: the start of the service-restoring phase, else the run's end (or start). */
export function cutoverOf(run: RunTimes, servicePhase: string | null): Date | null {
  const service = servicePhase
    ? run.phases.find((p) => samePhase(p.name, servicePhase))
    : undefined;
  return service?.startedAt ?? run.endedAt ?? run.startedAt;
}

/**
 * Data-loss window at cut-over: run start back to the last successful replication that ended before
 * the cut-over. A replication inside the run (a planned failover's final sync) gives 0.
 */
export function measureRpo(
  run: RunTimes,
  servicePhase: string | null,
  externalReplicationEnds: readonly Date[],
): number | null {
  const cutover = cutoverOf(run, servicePhase);
  if (!run.startedAt || !cutover) return null;
  const inRun = run.phases
    .filter((p) => /replicat/i.test(p.name) && p.state === "succeeded")
    .map((p) => p.endedAt);
  const ends = [...externalReplicationEnds, ...inRun].flatMap((d) =>
    d && d.getTime() <= cutover.getTime() ? [d.getTime()] : [],
  );
  if (ends.length === 0) return null;
  return Math.max(0, run.startedAt.getTime() - Math.max(...ends));
}

/** Median: the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Nearest-rank percentile: an observed value, so a p90 is a run that actually happened. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** Succeeded over finished runs (partial counts as not succeeded); null while nothing finished. */
export function successRate(outcomes: readonly Outcome[]): number | null {
  const finished = outcomes.filter((o) => o !== "running");
  if (finished.length === 0) return null;
  return finished.filter((o) => o === "succeeded").length / finished.length;
}

export type Period = "month" | "quarter";

/** "2026-03" or "2026-Q1", in UTC so every viewer and the CSV agree. */
export function periodKey(at: Date, period: Period): string {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  return period === "month"
    ? `${year}-${String(month + 1).padStart(2, "0")}`
    : `${year}-Q${Math.floor(month / 3) + 1}`;
}

export function quarterRange(at: Date): { from: Date; to: Date } {
  const first = Math.floor(at.getUTCMonth() / 3) * 3;
  return {
    from: new Date(Date.UTC(at.getUTCFullYear(), first, 1)),
    to: new Date(Date.UTC(at.getUTCFullYear(), first + 3, 1)),
  };
}

/** What a target bounds: the time to restore service (RTO) or the data lost at cut-over (RPO). */
export const TARGET_MEASURES = ["rto", "rpo"] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

/** A group's RTO or RPO target (estate-wide when sourceId is null). */
export interface TargetRule {
  sourceId: string | null;
  group: string;
  targetMs: number;
}

/** A source's own target for the group beats an estate-wide one; a run's policies are tried after its group. */
export function targetFor(
  rules: readonly TargetRule[],
  sourceId: string,
  groups: readonly string[],
): number | null {
  for (const group of groups) {
    const own = rules.find((r) => r.sourceId === sourceId && samePhase(r.group, group));
    if (own) return own.targetMs;
    const shared = rules.find((r) => r.sourceId === null && samePhase(r.group, group));
    if (shared) return shared.targetMs;
  }
  return null;
}

/** The names a run is grouped under: its DR group/zone, then each policy. */
export function groupsOf(drGroup: string | null, policy: string | null): string[] {
  const split = (s: string | null) =>
    (s ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
  return [...new Set([...split(drGroup), ...split(policy)])];
}
