import type { Tx } from "@/lib/db/client";
import { MIN_RUNS_FOR_ETA } from "@/lib/domain/baselines";
import { CENSUS_INTERVAL_MS } from "./stream-census";
import type { Count, Readings, SourceReading } from "./readings";

// As many past runs as the job page's baseline considers (lib/data/baselines.ts).
const RUNS_CONSIDERED = 20;
const ACTIVE = ["running", "paused", "aborting"];

/** Everything /metrics reports, in a handful of set-based queries whose cost grows with sources, not jobs stored. */
export async function readMetrics(db: Tx, now = new Date()): Promise<Readings> {
  const [sources, jobs, running, actions, census] = await Promise.all([
    readSources(db),
    db.$queryRaw<Array<{ vendor: string; state: string; n: bigint }>>`
      SELECT kind::text AS vendor, state::text AS state, count(*) AS n FROM "Job" GROUP BY kind, state`,
    readRunning(db, now),
    db.$queryRaw<Array<{ vendor: string; action: string; outcome: string; n: bigint }>>`
      SELECT s.kind::text AS vendor, a.action, a.status::text AS outcome, count(*) AS n
      FROM "Action" a JOIN "Source" s ON s.id = a."sourceId"
      GROUP BY s.kind, a.action, a.status`,
    db.webProcessCensus.aggregate({
      where: { reportedAt: { gte: new Date(now.getTime() - 3 * CENSUS_INTERVAL_MS) } },
      _sum: { sseClients: true },
      _count: true,
    }),
  ]);
  return {
    sources,
    jobs: jobs.map((r) => ({ labels: { vendor: r.vendor, state: r.state }, value: Number(r.n) })),
    ...running,
    actions: actions.map((r) => ({
      labels: { vendor: r.vendor, action: r.action, outcome: r.outcome },
      value: Number(r.n),
    })),
    sseClients: census._sum.sseClients ?? 0,
    webProcesses: census._count,
  };
}

async function readSources(db: Tx): Promise<SourceReading[]> {
  const rows = await db.$queryRaw<
    Array<{
      name: string;
      kind: string;
      enabled: boolean;
      lastSuccessAt: Date | null;
      lastPollDurationMs: number | null;
      consecutiveFailures: number;
      pollFailuresTotal: number;
      quarantined: bigint;
    }>
  >`
    SELECT s.name, s.kind::text AS kind, s.enabled, s."lastSuccessAt", s."lastPollDurationMs", s."consecutiveFailures", s."pollFailuresTotal",
      (SELECT count(*) FROM "QuarantinedRecord" q WHERE q."sourceId" = s.id) AS quarantined
    FROM "Source" s WHERE s."archivedAt" IS NULL ORDER BY s.name`;
  return rows.map((r) => ({
    source: r.name,
    vendor: r.kind,
    up: r.enabled && r.lastSuccessAt !== null && r.consecutiveFailures === 0,
    lastSuccessAt: r.lastSuccessAt,
    lastPollDurationMs: r.lastPollDurationMs,
    consecutiveFailures: r.consecutiveFailures,
    pollFailuresTotal: r.pollFailuresTotal,
    quarantined: Number(r.quarantined),
  }));
}

/**
 * Running jobs counted by progress quarter and by time left, per source. Time left is the median of
 * the last runs of the same source and type minus time elapsed; fewer than MIN_RUNS_FOR_ETA runs
 * give "unknown". Each distinct (source, type) reads at most RUNS_CONSIDERED rows through the
 * (sourceId, sortAt) index, so 100k stored jobs cost the same as 1k.
 */
async function readRunning(
  db: Tx,
  now: Date,
): Promise<Pick<Readings, "runningByProgress" | "runningByEta">> {
  const rows = await db.$queryRaw<
    Array<{ source: string; vendor: string; progress: string; eta: string; n: bigint }>
  >`
    WITH running AS (
      SELECT j."sourceId", j.type, j.progress, j."startedAt", s.name AS source, s.kind::text AS vendor
      FROM "Job" j JOIN "Source" s ON s.id = j."sourceId"
      WHERE j.state::text = ANY(${ACTIVE}::text[]) AND j."goneAt" IS NULL AND s."archivedAt" IS NULL
    ),
    base AS (
      SELECT k."sourceId", k.type, count(*) AS runs, percentile_cont(0.5) WITHIN GROUP (ORDER BY h.secs) AS median_secs
      FROM (SELECT DISTINCT "sourceId", type FROM running) k
      CROSS JOIN LATERAL (
        SELECT EXTRACT(EPOCH FROM (p."endedAt" - p."startedAt"))::float8 AS secs FROM "Job" p
        WHERE p."sourceId" = k."sourceId" AND p.type = k.type AND p.state = 'succeeded' AND p."startedAt" IS NOT NULL AND p."endedAt" IS NOT NULL
        ORDER BY p."sortAt" DESC LIMIT ${RUNS_CONSIDERED}::int
      ) h
      GROUP BY k."sourceId", k.type
    ),
    classified AS (
      SELECT r.source, r.vendor,
        CASE WHEN r.progress IS NULL THEN 'unknown' WHEN r.progress < 25 THEN '0_25' WHEN r.progress < 50 THEN '25_50' WHEN r.progress < 75 THEN '50_75' ELSE '75_100' END AS progress,
        CASE
          WHEN b.runs IS NULL OR b.runs < ${MIN_RUNS_FOR_ETA}::int OR r."startedAt" IS NULL THEN 'unknown'
          WHEN b.median_secs - EXTRACT(EPOCH FROM (${now}::timestamptz - r."startedAt"))::float8 < 0 THEN 'overdue'
          WHEN b.median_secs - EXTRACT(EPOCH FROM (${now}::timestamptz - r."startedAt"))::float8 < 300 THEN 'under_5m'
          WHEN b.median_secs - EXTRACT(EPOCH FROM (${now}::timestamptz - r."startedAt"))::float8 < 1800 THEN '5m_to_30m'
          WHEN b.median_secs - EXTRACT(EPOCH FROM (${now}::timestamptz - r."startedAt"))::float8 < 7200 THEN '30m_to_2h'
          ELSE 'over_2h' END AS eta
      FROM running r LEFT JOIN base b ON b."sourceId" = r."sourceId" AND b.type = r.type
    )
    SELECT source, vendor, progress, eta, count(*) AS n FROM classified GROUP BY source, vendor, progress, eta`;
  const byProgress = new Map<string, Count>();
  const byEta = new Map<string, Count>();
  for (const r of rows) {
    add(byProgress, { source: r.source, vendor: r.vendor, progress: r.progress }, Number(r.n));
    add(byEta, { source: r.source, vendor: r.vendor, eta: r.eta }, Number(r.n));
  }
  return { runningByProgress: [...byProgress.values()], runningByEta: [...byEta.values()] };
}

function add(into: Map<string, Count>, labels: Record<string, string>, n: number): void {
  const key = JSON.stringify(labels);
  const existing = into.get(key);
  if (existing) existing.value += n;
  else into.set(key, { labels, value: n });
}
