import { getDb, type Db, type Tx } from "@/lib/db/client";
import { logger } from "@/lib/log";

const DAY_MS = 86_400_000;
/** More copies than this per source add rows, not realism. */
const MAX_COPIES = 52;
/**
 * Simulators sped up N times hold their usual weeks of jobs in 1/N of the time: such a window is
 * repeated as often as three weeks would be, so the year holds the rows a real estate's would.
 */
const MIN_COPY_SPAN_MS = 21 * DAY_MS;
const MAX_ROWS_PER_SOURCE = 20_000;
/** How much slower the oldest runs were: a year of an estate shows improvement, not a flat line. */
const OLDEST_SLOWDOWN = 0.35;

export interface HistorySeedResult {
  jobs: number;
  phases: number;
  skipped: boolean;
}

/**
 * A year of history for the demo estate, in seconds. The simulators only hold what their vendors
 * keep (weeks for Commvault and Eyeglass, minutes for ONTAP), so a fresh demo's trends had one bar.
 * This repeats what the sync stored from each demo source's own history further back in time,
 * spread over `days`, durations stretched a little more the older a copy is (jittered), with the
 * phases that measure RTO, and every copy marked as no longer present at the vendor, as a real
 * estate's old jobs are. Bulk SQL (INSERT … SELECT), one transaction per source; run once: a
 * database that already reaches back beyond the simulators' own history is left alone.
 */
export async function seedYearOfHistory(
  db: Db,
  sourceIds: readonly string[],
  days: number,
  now = new Date(),
): Promise<HistorySeedResult> {
  const yearAgo = new Date(now.getTime() - days * DAY_MS);
  const horizon = new Date(now.getTime() - 45 * DAY_MS);
  const seeded = await db.job.count({
    where: { sourceId: { in: [...sourceIds] }, startedAt: { lt: horizon } },
  });
  if (seeded > 0 || days <= 0) return { jobs: 0, phases: 0, skipped: true };

  let jobs = 0;
  let phases = 0;
  for (const sourceId of sourceIds) {
    const added = await db.$transaction(
      async (tx) => {
        // Repeatable demo data: the same year on every fresh start.
        await tx.$executeRaw`SELECT setseed(0.2026)`;
        const [span] = await tx.$queryRaw<Array<{ templates: bigint; oldest: Date | null }>>`
          SELECT count(*) AS templates, min("startedAt") AS oldest FROM "Job"
          WHERE "sourceId" = ${sourceId}::uuid AND "startedAt" IS NOT NULL AND "endedAt" IS NOT NULL
            AND state IN ('succeeded', 'partial', 'failed', 'aborted', 'canceled')`;
        const templates = Number(span?.templates ?? 0);
        if (!span?.oldest || templates === 0) return { jobs: 0, phases: 0 };
        const windowMs = Math.max(DAY_MS, now.getTime() - span.oldest.getTime());
        const spanMs = Math.max(windowMs, MIN_COPY_SPAN_MS);
        const copies = Math.max(
          1,
          Math.min(
            MAX_COPIES,
            Math.ceil((days * DAY_MS - spanMs) / spanMs),
            Math.floor(MAX_ROWS_PER_SOURCE / templates),
          ),
        );
        // A template starts within the window before now; shifted by window + up to copies × step it
        // must still start after yearAgo, so the copies fill exactly the year before the window.
        const stepMs = (now.getTime() - 2 * windowMs - yearAgo.getTime()) / copies;
        if (stepMs <= 0) return { jobs: 0, phases: 0 };
        await tx.$executeRaw`
          CREATE TEMP TABLE history_copy ON COMMIT DROP AS
          SELECT template_id, gen_random_uuid() AS new_id, copy, shift_ms,
                 (1 + ${OLDEST_SLOWDOWN}::float8 * shift_ms / ${days * DAY_MS}::float8) * (0.9 + random() * 0.2) AS stretch
          FROM (
            SELECT t.id AS template_id, k AS copy,
                   ${windowMs}::float8 + (k - 1) * ${stepMs}::float8 + random() * ${stepMs}::float8 AS shift_ms
            FROM "Job" t CROSS JOIN generate_series(1, ${copies}::int) AS k
            WHERE t."sourceId" = ${sourceId}::uuid AND t."startedAt" IS NOT NULL AND t."endedAt" IS NOT NULL
              AND t.state IN ('succeeded', 'partial', 'failed', 'aborted', 'canceled')
          ) s`;
        // Numeric vendor ids move to their own range per copy, UUIDs are new, anything else gets a suffix: never a live job's id.
        const jobRows = await tx.$executeRaw`
          INSERT INTO "Job" (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", progress, "bytesDone", "bytesTotal",
            "throughputBps", "startedAt", "endedAt", "sortAt", "submittedBy", dataset, policy, cluster, "drGroup", message, raw,
            "searchText", "firstSeenAt", "lastSeenAt", "refreshedAt", "goneAt", "updatedAt")
          SELECT c.new_id, t."sourceId", t.kind,
            CASE WHEN t."vendorId" ~ '^[0-9]{1,9}$' THEN (t."vendorId"::bigint + c.copy * 1000000)::text
                 WHEN t."vendorId" ~* '^[0-9a-f]{8}-[0-9a-f]{4}-' THEN c.new_id::text
                 ELSE t."vendorId" || '-' || c.copy END,
            t.type, t.name, t.state, t."vendorState", t.progress, t."bytesDone", t."bytesTotal", t."throughputBps",
            t."startedAt" - c.shift_ms * interval '1 millisecond',
            t."startedAt" - c.shift_ms * interval '1 millisecond' + (t."endedAt" - t."startedAt") * c.stretch,
            t."sortAt" - c.shift_ms * interval '1 millisecond',
            t."submittedBy", t.dataset, t.policy, t.cluster, t."drGroup", t.message, t.raw, t."searchText",
            t."startedAt" - c.shift_ms * interval '1 millisecond',
            t."startedAt" - c.shift_ms * interval '1 millisecond' + (t."endedAt" - t."startedAt") * c.stretch,
            t."startedAt" - c.shift_ms * interval '1 millisecond' + (t."endedAt" - t."startedAt") * c.stretch,
            LEAST(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC', t."endedAt" - c.shift_ms * interval '1 millisecond' + interval '21 days'),
            ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'
          FROM history_copy c JOIN "Job" t ON t.id = c.template_id
          ON CONFLICT ("sourceId", "vendorId") DO NOTHING`;
        const phaseRows = await tx.$executeRaw`
          INSERT INTO "Phase" (id, "jobId", "vendorKey", "parentKey", lane, name, state, "vendorStatus", "sortOrder", depth, "startedAt", "endedAt", message)
          SELECT gen_random_uuid(), c.new_id, p."vendorKey", p."parentKey", p.lane, p.name, p.state, p."vendorStatus", p."sortOrder", p.depth,
            t."startedAt" - c.shift_ms * interval '1 millisecond' + (p."startedAt" - t."startedAt") * c.stretch,
            t."startedAt" - c.shift_ms * interval '1 millisecond' + (p."endedAt" - t."startedAt") * c.stretch,
            p.message
          FROM history_copy c
          JOIN "Job" t ON t.id = c.template_id
          JOIN "Job" copied ON copied.id = c.new_id
          JOIN "Phase" p ON p."jobId" = t.id`;
        return { jobs: jobRows, phases: phaseRows };
      },
      { timeout: 120_000 },
    );
    jobs += added.jobs;
    phases += added.phases;
  }
  logger.info({ jobs, phases, days }, "demo estate: a year of history added");
  return { jobs, phases, skipped: false };
}

/** The demo's sources by name, with when each last answered a poll (null: not yet). */
export async function sourcesPolled(
  names: readonly string[],
  db: Tx = getDb(),
): Promise<Array<{ id: string; lastSuccessAt: Date | null }>> {
  return db.source.findMany({
    where: { name: { in: [...names] } },
    select: { id: true, lastSuccessAt: true },
  });
}
