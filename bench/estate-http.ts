import { loadavg } from "node:os";
import { createDisplayToken } from "@/lib/auth/display-tokens";
import { createUser } from "@/lib/auth/users";
import { notifyJobChanges } from "@/lib/sync/notify";
import { generateEstate } from "@/lib/testing/estate-sql";
import type { Db } from "@/lib/db/client";
import { startBenchAppServer } from "./app-server";
import { BENCH_VIEWER_PASSWORD, signIn } from "./sign-in";
import { percentile } from "./bench-db";

export interface RequestFigures {
  what: string;
  p50Ms: number;
  p95Ms: number;
  /** Bytes of the last response body. */
  bytes: number;
}

export interface EstateHttpResult {
  jobs: number;
  events: number;
  generateSeconds: number;
  /** 1-minute load average when measuring started: the machine is shared. */
  loadAverage: number;
  requests: RequestFigures[];
  /** The mix as Jobdeck runs: identical reads share one answer while no change is heard. */
  mix: MixFigures;
  /** The same mix with shared reads off (JOBDECK_SHARED_READ_MS=0): every request reads PostgreSQL. */
  mixEveryRead: MixFigures;
  /** The mix as Jobdeck runs while a change is announced every CHANGE_EVERY_MS (a busy estate). */
  mixWhileChanging: MixFigures & { changesPerSecond: number };
}

/** A busy estate's sync commits: each ends every shared answer in the web process. */
const CHANGE_EVERY_MS = 250;

export interface MixFigures {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p95Ms: number;
}

// The estate ends now: the explorer's default window is the last 30 days of the real clock.
const NOW = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const DAY = 86_400_000;

/**
 * A year-like estate made with SQL (jobs, and progress events per job), then the production build
 * measured over HTTP: each explorer filter and sort, free text, timeline windows up to 400 days,
 * the history summary, the wall payload, and a 16-client mix of list requests.
 */
export async function benchEstateHttp(
  bench: { db: Db; url: string },
  opts: { jobs: number; eventsPerJob: number; samples: number; log: (l: string) => void },
): Promise<EstateHttpResult> {
  const t0 = performance.now();
  const { sourceIds } = await generateEstate(bench.db, { jobs: opts.jobs, now: NOW, sources: 10 });
  await bench.db.$executeRaw`
    INSERT INTO "JobEvent" ("jobId", "vendorKey", at, severity, type, message)
    SELECT j.id, 'e' || g, j."sortAt" + make_interval(secs => g * 30), 'info', 'progress', 'transferred ' || g * 10 || '%'
    FROM "Job" j CROSS JOIN generate_series(1, ${opts.eventsPerJob}::int) g`;
  await bench.db.$executeRaw`VACUUM (ANALYZE)`;
  const generateSeconds = (performance.now() - t0) / 1000;
  const events = opts.jobs * opts.eventsPerJob;
  opts.log(`estate: ${opts.jobs} jobs, ${events} events in ${generateSeconds.toFixed(0)} s`);
  const measured = await measureEstateHttp(bench, { sourceIds, ...opts });
  return { jobs: opts.jobs, events, generateSeconds: round(generateSeconds), ...measured };
}

/** The HTTP measurements of benchEstateHttp, once the estate is in the database. */
async function measureEstateHttp(
  bench: { db: Db; url: string },
  opts: { sourceIds: string[]; samples: number; log: (l: string) => void },
): Promise<
  Pick<EstateHttpResult, "loadAverage" | "requests" | "mix" | "mixEveryRead" | "mixWhileChanging">
> {
  const { token } = await createDisplayToken("bench", null, bench.db);
  await createUser({ ...VIEWER, name: "Bench viewer", role: "viewer" }, bench.db);
  const lists = listRequests(opts.sourceIds);
  const loadAverage = round(loadavg()[0] ?? 0);
  // Each request's own figures are PostgreSQL's work for it: shared reads would answer repeats.
  const { requests, mix: mixEveryRead } = await withApp(
    bench.url,
    token,
    { JOBDECK_SHARED_READ_MS: "0" },
    async (get) => {
      await warm(get, lists);
      const measure = async (what: string, path: string): Promise<RequestFigures> => {
        await get(path);
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < opts.samples; i++) {
          const r = await get(path);
          times.push(r.ms);
          bytes = r.bytes;
        }
        times.sort((a, b) => a - b);
        const f = {
          what,
          p50Ms: round(percentile(times, 50)),
          p95Ms: round(percentile(times, 95)),
          bytes,
        };
        opts.log(JSON.stringify(f));
        return f;
      };
      const requests: RequestFigures[] = [];
      for (const [what, path] of lists) requests.push(await measure(what, path));
      requests.push(await measure("job counts per vendor", "/api/jobs/counts"));
      for (const days of [2, 30, 60, 365, 400])
        requests.push(
          await measure(
            `timeline, ${days} days`,
            `/api/timeline?${window(days)}&group=source&buckets=200`,
          ),
        );
      requests.push(
        await measure(
          "timeline, 365 days by dataset",
          `/api/timeline?${window(365)}&group=dataset&buckets=200`,
        ),
      );
      requests.push(await measure("history summary, all time", "/api/history/summary"));
      requests.push(
        await measure(
          "history summary, every category",
          "/api/history/summary?category=test,planned,unplanned,failover,failback,readiness,mirror,restore",
        ),
      );
      requests.push(await measure("wall payload", "/api/wall"));
      return { requests, mix: await mixed(get, lists, opts.log) };
    },
  );
  const { mix, mixWhileChanging } = await withApp(bench.url, token, {}, async (get) => {
    await warm(get, lists);
    const quiet = await mixed(get, lists, opts.log);
    // What a sync commit raises for a changed job: the web process hears a change and reads again.
    const changed = await bench.db.job.findFirstOrThrow({ select: { id: true, sourceId: true } });
    const announce = setInterval(() => {
      // A notification lost at shutdown is nothing.
      notifyJobChanges(bench.db, changed.sourceId, [changed.id]).catch(() => undefined);
    }, CHANGE_EVERY_MS);
    try {
      const busy = await mixed(get, lists, opts.log);
      return {
        mix: quiet,
        mixWhileChanging: { ...busy, changesPerSecond: 1000 / CHANGE_EVERY_MS },
      };
    } finally {
      clearInterval(announce);
    }
  });
  return { loadAverage, requests, mix, mixEveryRead, mixWhileChanging };
}

type Get = (path: string) => Promise<{ ms: number; bytes: number }>;

const VIEWER = { email: "estate@jobdeck.local", password: BENCH_VIEWER_PASSWORD };

/** The production build on the estate with `env`, and a GET as its readers send one. */
async function withApp<T>(
  url: string,
  displayToken: string,
  env: Record<string, string>,
  measure: (get: Get) => Promise<T>,
): Promise<T> {
  const app = await startBenchAppServer(url, env);
  try {
    // The wall as a NOC screen reads it (a display token); everything else as a signed-in viewer.
    const cookie = await signIn(app.baseUrl, VIEWER);
    return await measure(async (path) => {
      const headers: Record<string, string> = path.startsWith("/api/wall")
        ? { authorization: `Bearer ${displayToken}` }
        : { cookie };
      const t = performance.now();
      const res = await fetch(`${app.baseUrl}${path}`, { headers });
      const body = await res.text();
      if (!res.ok) throw new Error(`${path} answered ${res.status}: ${body.slice(0, 300)}`);
      return { ms: performance.now() - t, bytes: Buffer.byteLength(body) };
    });
  } finally {
    await app.stop();
  }
}

const window = (days: number) =>
  `from=${new Date(NOW.getTime() - days * DAY).toISOString()}&to=${NOW.toISOString()}`;

/** Every explorer filter and sort, and free text: what the mix mixes. */
function listRequests(sourceIds: string[]): Array<[string, string]> {
  return [
    ["jobs, newest first", "/api/jobs?limit=50"],
    ["jobs, state=failed", "/api/jobs?limit=50&state=failed"],
    ["jobs, state=running", "/api/jobs?limit=50&state=running"],
    ["jobs, vendor=dfm", "/api/jobs?limit=50&kind=dfm"],
    ["jobs, one source", `/api/jobs?limit=50&source=${sourceIds[3] ?? ""}`],
    ["jobs, type=restore", "/api/jobs?limit=50&type=restore"],
    ["jobs, last 7 days", `/api/jobs?limit=50&${window(7)}`],
    ["jobs, sort=name", "/api/jobs?limit=50&sort=name&order=asc"],
    ["jobs, sort=bytes", "/api/jobs?limit=50&sort=bytes&order=desc"],
    ["jobs, sort=ended", "/api/jobs?limit=50&sort=ended&order=desc"],
    ["jobs, sort=state", "/api/jobs?limit=50&sort=state&order=asc"],
    ["jobs, sort=progress", "/api/jobs?limit=50&sort=progress&order=desc"],
    ["jobs, free text (q=vol42 )", "/api/jobs?limit=50&q=vol42%20"],
    ["jobs, free text (q=policy-17)", "/api/jobs?limit=50&q=policy-17"],
  ];
}

/**
 * A fresh server compiles its code paths on first use (V8, Prisma's query compiler): every list is
 * read a few times first, so the first one measured does not pay for the others.
 */
async function warm(get: Get, lists: Array<[string, string]>) {
  for (let round = 0; round < 3; round++) for (const [, path] of lists) await get(path);
}

/** 16 clients, each looping over the list requests for a fixed time. */
async function mixed(
  get: Get,
  lists: Array<[string, string]>,
  log: (l: string) => void,
): Promise<MixFigures> {
  const clients = 16;
  const seconds = 20;
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = c; performance.now() < until; i++)
        latencies.push((await get(lists[i % lists.length]?.[1] ?? "/api/jobs")).ms);
    }),
  );
  latencies.sort((a, b) => a - b);
  const mix = {
    clients,
    seconds,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / seconds),
    p95Ms: round(percentile(latencies, 95)),
  };
  log(JSON.stringify(mix));
  return mix;
}

const round = (n: number) => Math.round(n * 10) / 10;
