import { isInFlight, type JobState } from "./job-state";

/** What past successful runs say about one phase (or the whole job). */
export interface PhaseBaseline {
  medianMs: number;
  p90Ms: number;
  /** Median of when the phase ended, measured from its job's start: orders the remaining work. */
  medianEndOffsetMs: number;
  runs: number;
  /** Each past run's start and end of this phase as a share of that run's length (estimateFinish). */
  startShares?: number[];
  endShares?: number[];
}

export interface Baselines {
  runs: number;
  job: PhaseBaseline | null;
  /** Every past run's length, shortest first: what the estimate and its spread are drawn from. */
  jobDurationsMs: number[];
  /** By phase signature (see phaseSignatures). */
  phases: Record<string, PhaseBaseline>;
}

export interface SignaturePhase {
  key: string;
  parentKey: string | null;
  lane: string | null;
  name: string;
}

export interface TimedPhase extends SignaturePhase {
  startedAt: Date | null;
  endedAt: Date | null;
}

export interface PastRun {
  startedAt: Date;
  endedAt: Date;
  phases: TimedPhase[];
}

/** Linear interpolation between closest ranks (spreadsheet PERCENTILE.INC), so p50 is the median. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (rank - lo);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

/**
 * Vendor phase keys often embed run-specific ids, so a phase is matched across runs by what a
 * person would match it by: its lane, its ancestors' names, its own name, and which repeat it is.
 */
export function phaseSignatures(phases: readonly SignaturePhase[]): Map<string, string> {
  const byKey = new Map(phases.map((p) => [p.key, p]));
  const path = (p: SignaturePhase): string => {
    const names: string[] = [];
    const seen = new Set<string>();
    let cursor: SignaturePhase | undefined = p;
    while (cursor && !seen.has(cursor.key)) {
      seen.add(cursor.key);
      names.unshift(cursor.name);
      cursor = cursor.parentKey ? byKey.get(cursor.parentKey) : undefined;
    }
    return `${p.lane ?? ""}|${names.join("/")}`;
  };
  const repeats = new Map<string, number>();
  const out = new Map<string, string>();
  for (const p of phases) {
    const base = path(p);
    const n = repeats.get(base) ?? 0;
    repeats.set(base, n + 1);
    out.set(p.key, `${base}#${n}`);
  }
  return out;
}

function summarise(durations: number[], endOffsets: number[]): PhaseBaseline | null {
  const med = median(durations);
  const p90 = percentile(durations, 0.9);
  const end = median(endOffsets);
  if (med === null || p90 === null || end === null) return null;
  return { medianMs: med, p90Ms: p90, medianEndOffsetMs: end, runs: durations.length };
}

interface PhaseHistory {
  durations: number[];
  ends: number[];
  startShares: number[];
  endShares: number[];
}

export function buildBaselines(runs: readonly PastRun[]): Baselines {
  const jobDurations = runs.map((r) => Math.max(0, r.endedAt.getTime() - r.startedAt.getTime()));
  const perPhase = new Map<string, PhaseHistory>();
  for (const run of runs) {
    const signatures = phaseSignatures(run.phases);
    const start = run.startedAt.getTime();
    const length = run.endedAt.getTime() - start;
    for (const p of run.phases) {
      const signature = signatures.get(p.key);
      if (!signature || !p.startedAt || !p.endedAt) continue;
      const entry = perPhase.get(signature) ?? {
        durations: [],
        ends: [],
        startShares: [],
        endShares: [],
      };
      entry.durations.push(Math.max(0, p.endedAt.getTime() - p.startedAt.getTime()));
      entry.ends.push(Math.max(0, p.endedAt.getTime() - start));
      if (length > 0) {
        entry.startShares.push((p.startedAt.getTime() - start) / length);
        entry.endShares.push((p.endedAt.getTime() - start) / length);
      }
      perPhase.set(signature, entry);
    }
  }
  const phases: Record<string, PhaseBaseline> = {};
  for (const [signature, entry] of perPhase) {
    const summary = summarise(entry.durations, entry.ends);
    if (summary)
      phases[signature] = {
        ...summary,
        startShares: entry.startShares,
        endShares: entry.endShares,
      };
  }
  return {
    runs: runs.length,
    job: summarise(jobDurations, jobDurations),
    jobDurationsMs: [...jobDurations].sort((a, b) => a - b),
    phases,
  };
}

/** Too few runs make every spread look unusual, so outliers need some history to be called. */
const MIN_RUNS_FOR_OUTLIER = 3;

/** Slower than nine runs in ten and half again the median: worth a look, not just noise. */
export function isOutlier(
  durationMs: number | null,
  baseline: PhaseBaseline | null | undefined,
): boolean {
  if (durationMs === null || !baseline || baseline.runs < MIN_RUNS_FOR_OUTLIER) return false;
  return durationMs > Math.max(baseline.p90Ms, baseline.medianMs * 1.5);
}

export interface EtaPhase extends TimedPhase {
  state: JobState;
}

export interface Eta {
  at: number;
  plusMinusMs: number;
}

/** Fewer past runs than this and Jobdeck says "no estimate" rather than guess (see bench/eta-backtest). */
export const MIN_RUNS_FOR_ETA = 3;

/**
 * When a running job should finish, and how sure that is, from the lengths of past runs of the
 * same kind. Only runs that would still be going at this run's age count (at least the
 * MIN_RUNS_FOR_ETA longest): a run that has outlived the quick half of its history is one of the
 * slow ones, so its estimate moves out instead of sticking at "now". The spread covers all of
 * those runs, widened for a small sample. Never before its running phases' medians say they end.
 * Null with fewer than MIN_RUNS_FOR_ETA past runs.
 *
 * Where the run has reached a phase boundary its history knows (a phase that started or ended), that
 * boundary says how far through the run it is: a phase that ends at 40 % of a run in history and
 * ended 8 minutes in here implies a 20-minute run. That estimate is blended with the lengths-only one,
 * weighted by how far through a run the boundary usually is (an early boundary says little), and the
 * spread covers the lengths the boundary implies across past runs (see phaseImplied).
 * Scaling by how this run's finished phases kept pace with their medians (durations, not positions)
 * was tried and dropped: on the simulators' histories it made the estimate worse (bench/eta-backtest).
 */
export function estimateFinish(
  job: { state: JobState; startedAt: Date | null },
  phases: readonly EtaPhase[],
  baselines: Baselines,
  now: number,
): Eta | null {
  if (
    !baselines.job ||
    baselines.runs < MIN_RUNS_FOR_ETA ||
    !job.startedAt ||
    !isInFlight(job.state)
  )
    return null;
  const start = job.startedAt.getTime();
  const elapsed = Math.max(0, now - start);
  const signatures = phaseSignatures(phases);
  let runningEnd = now;
  for (const p of phases) {
    const b = baselines.phases[signatures.get(p.key) ?? ""];
    if (b && p.startedAt && !p.endedAt && p.state === "running")
      runningEnd = Math.max(runningEnd, p.startedAt.getTime() + b.medianMs);
  }
  const lengths = baselines.jobDurationsMs;
  const alive = lengths.filter((d) => d > elapsed);
  // Older than every past run: it ends some time after now, by how much history cannot say, so
  // the estimate and spread are a quarter of the longest run's length.
  const pool =
    alive.length >= MIN_RUNS_FOR_ETA
      ? alive
      : alive.length
        ? lengths.slice(-MIN_RUNS_FOR_ETA)
        : [elapsed + Math.max(...lengths, 0) * 0.25];
  const fromLengths = median(pool) ?? elapsed;
  const spreadOfLengths = (at: number) =>
    Math.max(...pool.map((d) => Math.abs(start + d - at))) * (1 + 1 / pool.length);
  const implied = phaseImplied(phases, signatures, baselines, start, elapsed);
  if (!implied) {
    const at = Math.max(start + fromLengths, runningEnd, now);
    return { at, plusMinusMs: Math.max(spreadOfLengths(at), (at - now) * MIN_SPREAD_SHARE) };
  }
  const w = implied.weight;
  const at = Math.max(start + w * implied.lengthMs + (1 - w) * fromLengths, runningEnd, now);
  const spread = Math.max(
    Math.abs(start + implied.lowMs - at),
    Math.abs(start + implied.highMs - at),
    spreadOfLengths(at) * (1 - w),
  );
  return { at, plusMinusMs: Math.max(spread, (at - now) * MIN_SPREAD_SHARE) };
}

/**
 * The run's length as its latest known phase boundary implies it: for each past run, the boundary's
 * time here divided by its share of that run (only lengths longer than the run's age so far count).
 * `weight` is the boundary's median share: how far through a run it usually is. Null without a
 * boundary that MIN_RUNS_FOR_ETA past runs share.
 */
function phaseImplied(
  phases: readonly EtaPhase[],
  signatures: Map<string, string>,
  baselines: Baselines,
  start: number,
  elapsed: number,
): { lengthMs: number; lowMs: number; highMs: number; weight: number } | null {
  let latest: { offset: number; shares: number[] } | null = null;
  for (const p of phases) {
    const b = baselines.phases[signatures.get(p.key) ?? ""];
    if (!b) continue;
    const boundaries: Array<[Date | null, number[] | undefined]> = [
      [p.startedAt, b.startShares],
      [p.endedAt, b.endShares],
    ];
    for (const [at, shares] of boundaries) {
      const offset = at ? at.getTime() - start : 0;
      const usable = (shares ?? []).filter((x) => x > 0);
      if (offset <= 0 || usable.length < MIN_RUNS_FOR_ETA) continue;
      if (!latest || offset > latest.offset) latest = { offset, shares: usable };
    }
  }
  if (!latest) return null;
  const { offset, shares } = latest;
  const lengths = shares.map((x) => offset / x).filter((l) => l > elapsed);
  const length = median(lengths);
  if (lengths.length < MIN_RUNS_FOR_ETA || length === null) return null;
  return {
    lengthMs: length,
    lowMs: percentile(lengths, IMPLIED_RANGE) ?? length,
    highMs: percentile(lengths, 1 - IMPLIED_RANGE) ?? length,
    weight: Math.min(1, median(shares) ?? 0),
  };
}

/** The spread of a boundary-implied length leaves out its 5 % most extreme past runs on each side. */
const IMPLIED_RANGE = 0.05;

/** Even a tight history leaves this much of the time left uncertain. */
const MIN_SPREAD_SHARE = 0.1;
