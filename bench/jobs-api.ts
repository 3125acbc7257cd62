import { z } from "zod";
import { GET as jobsApiGet } from "@/app/api/jobs/route";
import { createDisplayToken } from "@/lib/auth/display-tokens";
import { encodeJobCursor } from "@/lib/data/job-cursor";
import { summarySelect, toJobSummary } from "@/lib/data/jobs";
import { getDb, setDb, type Db } from "@/lib/db/client";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";
import { Prisma } from "@/lib/generated/prisma/client";
import { route } from "@/lib/http/route";
import { percentile } from "./bench-db";

export interface JobsApiBenchOptions {
  /** Jobs in the table while measuring (inserted once; a rerun on the same database reuses them). */
  jobs?: number;
  pageSize?: number;
  /** Pages fetched one after another for latency, per method. */
  samples?: number;
  /** Requests in flight at once for the throughput run, and how many requests it makes per method. */
  concurrency?: number;
  throughputRequests?: number;
  log?: (line: string) => void;
}

export interface PagingFigures {
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  requestsPerSecond: number;
}

export interface JobsApiBenchResult {
  jobs: number;
  insertSeconds: number;
  pageSize: number;
  samples: number;
  concurrency: number;
  /** GET /api/jobs?cursor=… through the real route handler (auth, zod, Prisma keyset, JSON). */
  keyset: PagingFigures;
  /** The same pages through the same route wrapper, fetched with OFFSET. */
  offset: PagingFigures;
  /** offset p50 / keyset p50 at this size. */
  p50Ratio: number;
}

// The bench's jobs are dated after anything real, so page k of the newest-first list is exactly its
// rows k·size … and every page's cursor can be computed instead of walked to.
const T0 = Date.parse("2100-01-01T00:00:00Z");
const sortAtOf = (position: number) => new Date(T0 - position * 1000);
const ZERO_ID = "00000000-0000-0000-0000-000000000000";
const BASE = "http://bench.local";

/**
 * Fills the Job table to `jobs` rows with INSERT … SELECT generate_series, then measures /api/jobs
 * keyset pages against OFFSET pages of the same list, at random depths, in one run.
 * Makes getDb() return `bench.db` (the route handler reads through it).
 */
export async function benchJobsApi(
  bench: { db: Db },
  opts: JobsApiBenchOptions = {},
): Promise<JobsApiBenchResult> {
  const jobs = opts.jobs ?? 1_000_000;
  const size = opts.pageSize ?? 50;
  const samples = opts.samples ?? 100;
  const concurrency = opts.concurrency ?? 4;
  const throughputRequests = opts.throughputRequests ?? 60;
  const log = opts.log ?? (() => {});
  const { db } = bench;
  setDb(db);

  const insertSeconds = await insertBenchJobs(db, jobs, log);
  const { token } = await createDisplayToken(`bench ${Date.now()}`, null, db);
  const headers = { authorization: `Bearer ${token}` };
  const pages = Math.floor(jobs / size);
  const depths = Array.from({ length: samples }, (_, i) =>
    Math.floor(((i + 0.5) / samples) * pages),
  );
  shuffle(depths);

  const keysetPage = async (page: number) => {
    const cursor =
      page === 0
        ? ""
        : `&cursor=${encodeJobCursor({ sortAt: sortAtOf(page * size - 1), id: ZERO_ID })}`;
    const res = await jobsApiGet(
      new Request(`${BASE}/api/jobs?limit=${size}${cursor}`, { headers }),
      { params: Promise.resolve({}) },
    );
    if (!res.ok) throw new Error(`/api/jobs answered ${res.status}: ${await res.text()}`);
    await res.text();
  };
  const offsetGet = offsetRoute(size);
  const offsetPage = async (page: number) => {
    const res = await offsetGet(
      new Request(`${BASE}/bench/offset?offset=${page * size}`, { headers }),
      { params: Promise.resolve({}) },
    );
    if (!res.ok) throw new Error(`offset page answered ${res.status}: ${await res.text()}`);
    await res.text();
  };

  await keysetPage(1);
  await offsetPage(1);
  log(`keyset: ${samples} pages at depths up to ${pages}…`);
  const keyset = await measure(keysetPage, depths, concurrency, throughputRequests);
  log(`offset: ${samples} pages at the same depths…`);
  const offset = await measure(offsetPage, depths, concurrency, throughputRequests);
  return {
    jobs,
    insertSeconds,
    pageSize: size,
    samples,
    concurrency,
    keyset,
    offset,
    p50Ratio: round(offset.p50Ms / keyset.p50Ms),
  };
}

/** The comparison endpoint: same wrapper, auth, select and JSON as /api/jobs; only the paging differs. */
function offsetRoute(size: number) {
  return route(
    { query: z.object({ offset: z.coerce.number().int().min(0) }) },
    async ({ query }) => {
      const rows = await getDb().job.findMany({
        orderBy: [{ sortAt: "desc" }, { id: "desc" }],
        skip: query.offset,
        take: size,
        select: summarySelect,
      });
      return { items: rows.map(toJobSummary), nextCursor: null };
    },
  );
}

async function measure(
  fetchPage: (page: number) => Promise<void>,
  depths: number[],
  concurrency: number,
  requests: number,
): Promise<PagingFigures> {
  const times: number[] = [];
  for (const page of depths) {
    const t0 = performance.now();
    await fetchPage(page);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests; i = next++)
        await fetchPage(depths[i % depths.length] ?? 0);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return {
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    meanMs: round(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)),
    requestsPerSecond: round(requests / seconds),
  };
}

/** Tops the bench's rows up to `jobs` in 100,000-row statements; returns seconds spent (0 when already there). */
async function insertBenchJobs(db: Db, jobs: number, log: (line: string) => void): Promise<number> {
  const sources = await Promise.all(
    SOURCE_KINDS.map((kind) =>
      db.source.upsert({
        where: { name: `bench-api-${kind}` },
        create: {
          kind,
          name: `bench-api-${kind}`,
          baseUrl: "http://bench.invalid",
          enabled: false,
        },
        update: {},
        select: { id: true, kind: true },
      }),
    ),
  );
  const have = await db.job.count({ where: { sourceId: { in: sources.map((s) => s.id) } } });
  if (have >= jobs) return 0;
  const t0 = performance.now();
  const ids = sources.map((s) => s.id);
  const kinds = sources.map((s) => s.kind);
  const chunk = 100_000;
  for (let start = have; start < jobs; start += chunk) {
    const end = Math.min(jobs, start + chunk) - 1;
    await db.$executeRaw`
      INSERT INTO "Job" ("id", "sourceId", "kind", "vendorId", "type", "name", "state", "vendorState", "progress", "bytesDone", "bytesTotal",
                         "startedAt", "endedAt", "sortAt", "dataset", "policy", "cluster", "raw", "searchText", "updatedAt")
      SELECT gen_random_uuid(), (${ids}::uuid[])[g % 5 + 1], ((${kinds}::text[])[g % 5 + 1])::"SourceKind", 'bench-' || g,
             (ARRAY['backup','mirror','snapshot','failover','restore'])[g % 5 + 1], 'bench job ' || g,
             (ARRAY['succeeded','succeeded','succeeded','failed','partial','aborted','canceled','running','queued','succeeded'])[g % 10 + 1]::"JobState",
             'bench', (g % 101)::float8, (g::bigint * 1048576), (g::bigint * 2097152),
             ${T0 / 1000}::float8 * interval '1 second' + timestamp '1970-01-01' - g * interval '1 second',
             ${T0 / 1000}::float8 * interval '1 second' + timestamp '1970-01-01' - g * interval '1 second' + interval '20 minutes',
             ${T0 / 1000}::float8 * interval '1 second' + timestamp '1970-01-01' - g * interval '1 second',
             'ds-' || (g % 200), 'policy-' || (g % 20), 'cluster-' || (g % 8), '{}'::jsonb, 'bench job ' || g, now()
      FROM generate_series(${start}::int, ${end}::int) AS g`;
    log(`inserted ${end + 1}/${jobs} jobs`);
  }
  await db.$executeRaw(Prisma.sql`ANALYZE "Job"`);
  return round((performance.now() - t0) / 1000);
}

function shuffle(values: number[]): void {
  let seed = 42;
  for (let i = values.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [values[i], values[j]] = [values[j] ?? 0, values[i] ?? 0];
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
