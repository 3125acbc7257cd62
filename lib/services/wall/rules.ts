import type { WallReadiness } from "@/lib/contracts/wall";
import type { JobSummary } from "@/lib/contracts/jobs";
import type { JobState } from "@/lib/domain/job-state";

/** Pure rules behind the wall's reads, kept apart from Prisma so they are tested with known answers. */

interface NamedSource {
  id: string;
  name: string;
  kind: string;
}

/** A screen's `sources=` list names sources by id, kind or name; nothing listed means all of them. */
export function matchSources<S extends NamedSource>(
  sources: readonly S[],
  wanted: readonly string[],
): S[] {
  const keys = new Set(wanted.map((w) => w.trim().toLowerCase()).filter(Boolean));
  if (keys.size === 0) return [...sources];
  return sources.filter(
    (s) =>
      keys.has(s.id.toLowerCase()) ||
      keys.has(s.kind.toLowerCase()) ||
      keys.has(s.name.toLowerCase()),
  );
}

export interface LaterRun {
  sourceId: string;
  type: string;
  name: string;
  dataset: string | null;
  policy: string | null;
  drGroup: string | null;
  startedAt: Date | null;
}

type RunIdentity = Pick<LaterRun, "sourceId" | "type" | "name" | "dataset" | "policy" | "drGroup">;

// The same identity lib/data/baselines uses for "the same job": one source, type, name and target.
const identity = (r: RunIdentity) =>
  JSON.stringify([r.sourceId, r.type, r.name, r.dataset, r.policy, r.drGroup]);

/**
 * A failure clears when a later run of the same job succeeds: the earliest such success is when
 * the wall stops pinning it. Failures without an end time never clear this way.
 */
export function markRecovered<F extends JobSummary>(
  failures: readonly F[],
  successes: readonly LaterRun[],
): Array<F & { recoveredAt: string | null }> {
  const byIdentity = new Map<string, number[]>();
  for (const s of successes) {
    if (!s.startedAt) continue;
    const list = byIdentity.get(identity(s)) ?? [];
    list.push(s.startedAt.getTime());
    byIdentity.set(identity(s), list);
  }
  return failures.map((f) => {
    const failedAt = f.endedAt ? Date.parse(f.endedAt) : null;
    const later =
      failedAt === null ? [] : (byIdentity.get(identity(f)) ?? []).filter((t) => t >= failedAt);
    return { ...f, recoveredAt: later.length ? new Date(Math.min(...later)).toISOString() : null };
  });
}

export interface ReadinessPhase {
  vendorKey: string;
  parentKey: string | null;
  name: string;
  state: JobState;
  vendorStatus: string | null;
  message: string | null;
  depth: number;
}

export interface ReadinessJob {
  id: string;
  sourceId: string;
  sourceName: string;
  endedAt: Date | null;
  phases: ReadinessPhase[];
}

const PASSED: ReadonlySet<JobState> = new Set(["succeeded"]);

/**
 * Eyeglass readiness jobs check zones (top-level phases) and their policies (second level). Each
 * zone's result is the newest finished job that checked it; jobs arrive newest first.
 */
export function latestReadiness(jobs: readonly ReadinessJob[]): WallReadiness[] {
  const out = new Map<string, WallReadiness>();
  for (const job of jobs) {
    for (const zone of job.phases.filter((p) => p.depth === 0)) {
      const key = `${job.sourceId}\u0000${zone.name}`;
      if (out.has(key)) continue;
      out.set(key, {
        sourceId: job.sourceId,
        sourceName: job.sourceName,
        zone: zone.name,
        state: zone.state,
        vendorStatus: zone.vendorStatus,
        message: zone.message,
        checkedAt: job.endedAt?.toISOString() ?? null,
        jobId: job.id,
        problems: job.phases
          .filter((p) => p.depth === 1 && p.parentKey === zone.vendorKey && !PASSED.has(p.state))
          .map((p) => ({ name: p.name, state: p.state, vendorStatus: p.vendorStatus })),
      });
    }
  }
  return [...out.values()].sort(
    (a, b) => a.sourceName.localeCompare(b.sourceName) || a.zone.localeCompare(b.zone),
  );
}
