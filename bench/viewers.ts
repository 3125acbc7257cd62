import { loadavg } from "node:os";
import type { Db } from "@/lib/db/client";
import { simPost } from "@/lib/testing/sim-source";
import { startBenchAppServer, type BenchAppServer } from "./app-server";
import { startLiveSource, waitForRunningJobs } from "./live-source";
import { signInViewer } from "./sign-in";
import { readSse } from "./sse";

export interface ViewerPhase {
  viewers: number;
  seconds: number;
  /** Every request the appliance served in the window, per minute. */
  vendorRequestsPerMinute: number;
  /** Of those, single-job reads (`GET /api/cluster/jobs/{uuid}`): the read-through's share. */
  jobReadsPerMinute: number;
  /** Job page reads the viewers made in the window, and job changes their streams told them of. */
  pageReads: number;
  streamChanges: number;
}

export interface ViewersBenchResult {
  runningJobs: number;
  loadAverage: number;
  phases: ViewerPhase[];
  /** Vendor requests per minute with the most viewers over those with one. */
  ratio: number;
}

const JOB_PATH = /^GET \/api\/cluster\/jobs\/[0-9a-f-]{36}$/;

/**
 * Does the vendor's load grow with the people watching? One simulated ONTAP cluster, the real
 * worker polling it on the product's cadence and the production build serving job pages. Each
 * viewer behaves as a job page does (components/jobs/use-job.ts): it reads its job on opening,
 * again whenever its stream (`/api/stream?job=…`) reports a change, and every 15 s. The appliance
 * counts what it serves with no viewer, one, and `maxViewers`, each on a running job of its own.
 */
export async function benchViewers(
  bench: { db: Db; url: string },
  opts: { maxViewers: number; seconds: number; log: (line: string) => void },
): Promise<ViewersBenchResult> {
  const live = await startLiveSource(bench.db, bench.url, "viewers-ontap");
  const { sim } = live;
  let app: BenchAppServer | null = null;
  try {
    app = await startBenchAppServer(bench.url, {
      JOBDECK_STREAMS_PER_CALLER: String(opts.maxViewers + 10),
    });
    for (let i = 0; i < opts.maxViewers; i++)
      await simPost(sim, "jobs", { type: "volume-move", durationMs: 30 * 60_000 });
    const jobIds = await waitForRunningJobs(bench.db, sim.sourceId, opts.maxViewers);
    opts.log(`${jobIds.length} running jobs stored`);
    const cookie = await signInViewer(bench.db, app.baseUrl, "viewers@jobdeck.local");
    const loadAverage = Math.round((loadavg()[0] ?? 0) * 10) / 10;
    const phases: ViewerPhase[] = [];
    for (const viewers of [0, 1, opts.maxViewers]) {
      const phase = await measurePhase(sim.server.requestCounts, {
        baseUrl: app.baseUrl,
        cookie,
        jobIds: jobIds.slice(0, viewers),
        seconds: opts.seconds,
      });
      opts.log(JSON.stringify(phase));
      phases.push(phase);
    }
    const one = phases[1]?.vendorRequestsPerMinute ?? 0;
    const most = phases[2]?.vendorRequestsPerMinute ?? 0;
    return {
      runningJobs: jobIds.length,
      loadAverage,
      phases,
      ratio: one > 0 ? Math.round((most / one) * 1000) / 1000 : Number.NaN,
    };
  } finally {
    await app?.stop();
    await live.stop();
  }
}

function totals(counts: Map<string, number>): { all: number; jobReads: number } {
  let all = 0;
  let jobReads = 0;
  for (const [key, n] of counts) {
    all += n;
    if (JOB_PATH.test(key)) jobReads += n;
  }
  return { all, jobReads };
}

async function measurePhase(
  counts: Map<string, number>,
  opts: { baseUrl: string; cookie: string; jobIds: string[]; seconds: number },
): Promise<ViewerPhase> {
  const stop = new AbortController();
  const tally = { pageReads: 0, streamChanges: 0, errors: [] as unknown[] };
  const viewers = opts.jobIds.map((id) => watchJob(id, opts, stop.signal, tally));
  // Opening pages is a burst of its own; the window measures viewers that keep watching.
  await new Promise((r) => setTimeout(r, 5_000));
  const before = totals(counts);
  const reads0 = tally.pageReads;
  const changes0 = tally.streamChanges;
  await new Promise((r) => setTimeout(r, opts.seconds * 1000));
  const after = totals(counts);
  const phase: ViewerPhase = {
    viewers: opts.jobIds.length,
    seconds: opts.seconds,
    vendorRequestsPerMinute: round(((after.all - before.all) * 60) / opts.seconds),
    jobReadsPerMinute: round(((after.jobReads - before.jobReads) * 60) / opts.seconds),
    pageReads: tally.pageReads - reads0,
    streamChanges: tally.streamChanges - changes0,
  };
  stop.abort();
  await Promise.allSettled(viewers);
  if (tally.errors.length) throw tally.errors[0];
  return phase;
}

/** One open job page: its stream, and its reads on open, on change and every 15 s. */
async function watchJob(
  jobId: string,
  opts: { baseUrl: string; cookie: string },
  signal: AbortSignal,
  tally: { pageReads: number; streamChanges: number; errors: unknown[] },
): Promise<void> {
  const headers = { cookie: opts.cookie };
  let reading: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const read = () => {
    if (signal.aborted || reading) return;
    if (timer) clearTimeout(timer);
    reading = fetch(`${opts.baseUrl}/api/jobs/${jobId}`, { headers, signal })
      .then(async (res) => {
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`job page read answered ${res.status}`);
        tally.pageReads++;
      })
      .catch((err: unknown) => {
        if (!signal.aborted) tally.errors.push(err);
      })
      .finally(() => {
        reading = null;
        if (!signal.aborted) timer = setTimeout(read, 15_000);
      });
  };
  signal.addEventListener("abort", () => timer && clearTimeout(timer), { once: true });
  read();
  try {
    const res = await fetch(`${opts.baseUrl}/api/stream?job=${jobId}`, { headers, signal });
    if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
    await readSse(res.body, (event) => {
      if (event === "jobs" || event === "resync") {
        tally.streamChanges++;
        read();
      }
    });
  } catch (err) {
    if (!signal.aborted) throw err;
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
