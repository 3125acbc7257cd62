import pg from "pg";
import type { Db } from "@/lib/db/client";
import { maintainPartitions, purgeEventPayloads } from "@/lib/data/event-storage";
import { generateEstate } from "@/lib/testing/estate-sql";
import { percentile } from "./bench-db";

export interface ReadFigures {
  what: string;
  /** The same query on an unpartitioned copy of the table (the shape before the migration). */
  flat: { p50Ms: number; p95Ms: number };
  partitioned: { p50Ms: number; p95Ms: number };
  /** partitioned p50 / flat p50: below 1 is faster. */
  ratio: number;
}

export interface PartitionBenchResult {
  jobs: number;
  events: number;
  months: number;
  partitions: number;
  generateSeconds: number;
  reads: ReadFigures[];
  retention: {
    days: number;
    payloadsDropped: number;
    partitionedSeconds: number;
    flatSeconds: number;
    /** A second run, with nothing left to drop (what every later upkeep round costs). */
    partitionedAgainSeconds: number;
    flatAgainSeconds: number;
  };
  upkeepSeconds: number;
}

const DAY = 86_400_000;
/** About 13 months of history ending now. */
const DAYS = 395;
const RETENTION_DAYS = 180;

/**
 * Event storage at size: `jobs` jobs over 13 months with `events` progress events between them (SQL,
 * generate_series), written to the partitioned JobEvent and copied to an unpartitioned table with the
 * old keys, so each read is timed on both in one run: the job page's newest 500 events, a run's whole
 * feed (the evidence report), and a 48-hour slice of the estate. Then the payload retention on both.
 */
export async function benchPartitions(
  bench: { db: Db; url: string },
  opts: { jobs: number; events: number; samples: number; log: (l: string) => void },
): Promise<PartitionBenchResult> {
  const now = new Date();
  const perJob = Math.max(1, Math.round(opts.events / opts.jobs));
  const t0 = performance.now();
  await generateEstate(bench.db, { jobs: opts.jobs, now, days: DAYS, sources: 10 });
  // Every month of the history gets its partition before the rows arrive (the upkeep would otherwise
  // move them out of the default partition afterwards).
  await bench.db.$queryRaw`
    SELECT jobdeck_ensure_month_partition(t::regclass, m)
    FROM unnest(ARRAY['"JobEvent"', '"JobSample"', '"JobLogLine"']) t,
      generate_series(date_trunc('month', ${now}::timestamp - make_interval(days => ${DAYS + 31}::int)),
        date_trunc('month', ${now}::timestamp), interval '1 month') m`;
  // A vendor payload of a realistic size on each event: DFM's dp-job-progress-event-info is ~300 bytes.
  await bench.db.$executeRaw`
    INSERT INTO "JobEvent" ("jobId", "vendorKey", at, severity, type, message, raw)
    SELECT j.id, 'e' || g, j."sortAt" + make_interval(secs => g * 30),
      (CASE WHEN g % 50 = 0 THEN 'warning' ELSE 'info' END)::"Severity", 'progress', 'transferred ' || g || ' units',
      jsonb_build_object('event-id', g, 'event-type', 'progress', 'event-status', 'normal',
        'event-message', 'transferred ' || g || ' units of ' || j.name, 'job-id', j."vendorId",
        'event-time', extract(epoch FROM j."sortAt")::bigint + g * 30, 'source-name', 'vol' || g, 'destination-name', 'mirror-vol' || g)
    FROM "Job" j CROSS JOIN generate_series(1, ${perJob}::int) g`;
  const events = opts.jobs * perJob;
  opts.log(`estate: ${opts.jobs} jobs, ${events} events (partitioned)`);
  await bench.db.$executeRawUnsafe(`CREATE TABLE "JobEventFlat" AS SELECT * FROM "JobEvent"`);
  await bench.db.$executeRawUnsafe(`ALTER TABLE "JobEventFlat" ADD PRIMARY KEY (id)`);
  await bench.db.$executeRawUnsafe(`CREATE UNIQUE INDEX ON "JobEventFlat" ("jobId", "vendorKey")`);
  await bench.db.$executeRawUnsafe(`CREATE INDEX ON "JobEventFlat" ("jobId", at DESC)`);
  await bench.db.$executeRawUnsafe(`VACUUM ANALYZE`);
  const generateSeconds = (performance.now() - t0) / 1000;
  opts.log(`generated and copied in ${generateSeconds.toFixed(0)} s`);

  const parts = await bench.db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = '"JobEvent"'::regclass`;
  const months = await bench.db.$queryRaw<Array<{ n: number }>>`
    SELECT count(DISTINCT date_trunc('month', at))::int AS n FROM "JobEvent"`;

  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  try {
    // Jobs spread evenly over the history: job i of every (jobs / samples).
    const sampled = await client.query<{ id: string }>(
      `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY "sortAt") AS n FROM "Job") j
       WHERE n % $1 = 0 LIMIT $2`,
      [Math.max(1, Math.floor(opts.jobs / opts.samples)), opts.samples],
    );
    const ids = sampled.rows.map((r) => r.id);
    const time = async (sql: string, params: (i: number) => unknown[]) => {
      const ms: number[] = [];
      for (let i = 0; i < ids.length; i++) {
        const t = performance.now();
        await client.query(sql, params(i));
        ms.push(performance.now() - t);
      }
      ms.sort((a, b) => a - b);
      return { p50Ms: round(percentile(ms, 50)), p95Ms: round(percentile(ms, 95)) };
    };
    const compare = async (what: string, sql: string, params: (i: number) => unknown[]) => {
      // Warm both once, then alternate so the machine's load falls on both alike.
      await time(sql.replaceAll("$T", `"JobEventFlat"`), params);
      await time(sql.replaceAll("$T", `"JobEvent"`), params);
      const flat = await time(sql.replaceAll("$T", `"JobEventFlat"`), params);
      const partitioned = await time(sql.replaceAll("$T", `"JobEvent"`), params);
      const f = { what, flat, partitioned, ratio: round(partitioned.p50Ms / flat.p50Ms) };
      opts.log(`${what}: flat p50 ${flat.p50Ms} ms, partitioned p50 ${partitioned.p50Ms} ms`);
      return f;
    };
    const windowStart = (i: number) =>
      new Date(now.getTime() - ((i * 7) % (DAYS - 2)) * DAY - 2 * DAY);
    const reads = [
      await compare(
        "job page: a job's newest 500 events",
        `SELECT id, at, severity, type, message FROM $T WHERE "jobId" = $1 ORDER BY at DESC, id DESC LIMIT 500`,
        (i) => [ids[i]],
      ),
      await compare(
        "history evidence: a run's whole feed, oldest first",
        `SELECT id, at, severity, type, message FROM $T WHERE "jobId" = $1 ORDER BY at, id`,
        (i) => [ids[i]],
      ),
      await compare(
        "a job's events bounded by its run (start − 1 day to end + 1 day)",
        `SELECT e.id, e.at, e.severity, e.type, e.message FROM "Job" j JOIN $T e ON e."jobId" = j.id
           AND e.at >= j."sortAt" - interval '1 day' AND e.at < coalesce(j."endedAt", j."sortAt") + interval '1 day'
         WHERE j.id = $1 ORDER BY e.at DESC LIMIT 500`,
        (i) => [ids[i]],
      ),
      await compare(
        "estate slice: warnings in a 48-hour window",
        `SELECT count(*) FROM $T WHERE at >= $1 AND at < $1::timestamp + interval '48 hours' AND severity = 'warning'`,
        (i) => [windowStart(i).toISOString().replace("Z", "")],
      ),
    ];

    const cutoff = new Date(now.getTime() - RETENTION_DAYS * DAY);
    let t = performance.now();
    const purged = await purgeEventPayloads(cutoff, bench.db);
    const partitionedSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await purgeEventPayloads(cutoff, bench.db);
    const partitionedAgainSeconds = (performance.now() - t) / 1000;
    const flatPurge = `UPDATE "JobEventFlat" SET raw = NULL WHERE at < $1 AND raw IS NOT NULL`;
    const at = cutoff.toISOString().replace("Z", "");
    t = performance.now();
    await client.query(flatPurge, [at]);
    const flatSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await client.query(flatPurge, [at]);
    const flatAgainSeconds = (performance.now() - t) / 1000;
    opts.log(
      `retention ${RETENTION_DAYS} d: ${purged.rows} payloads dropped in ${partitionedSeconds.toFixed(1)} s (flat ${flatSeconds.toFixed(1)} s)`,
    );

    t = performance.now();
    await maintainPartitions(3, bench.db);
    const upkeepSeconds = (performance.now() - t) / 1000;

    return {
      jobs: opts.jobs,
      events,
      months: months[0]?.n ?? 0,
      partitions: parts[0]?.n ?? 0,
      generateSeconds: round(generateSeconds),
      reads,
      retention: {
        days: RETENTION_DAYS,
        payloadsDropped: purged.rows,
        partitionedSeconds: round(partitionedSeconds),
        flatSeconds: round(flatSeconds),
        partitionedAgainSeconds: round(partitionedAgainSeconds),
        flatAgainSeconds: round(flatAgainSeconds),
      },
      upkeepSeconds: round(upkeepSeconds),
    };
  } finally {
    await client.end();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
