import { setMaxListeners } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { createDisplayToken } from "@/lib/auth/display-tokens";
import type { Db } from "@/lib/db/client";
import { simPost } from "@/lib/testing/sim-source";
import { startBenchAppServer, type BenchAppServer } from "./app-server";
import { startLiveSource, waitForRunningJobs } from "./live-source";
import { readSse } from "./sse";

export interface StreamsBenchResult {
  streams: number;
  minutes: number;
  loadAverage: number;
  /** The web process's resident memory (MB), sampled every 10 s once every stream was open. */
  rssMb: {
    first: number;
    max: number;
    last: number;
    firstMinuteMean: number;
    lastMinuteMean: number;
  };
  /** Vendor change to its arrival on a subscribed stream, over every stream and change. */
  delivery: {
    changes: number;
    deliveries: number;
    missed: number;
    p50Ms: number;
    p95Ms: number;
    maxMs: number;
    /** The source's cadence while its jobs run (fastPollIntervalMs) + 500 ms: the target. */
    targetMs: number;
  };
}

/** What the open streams watch, in turn: everything, the vendor, the source (as a wall, a list, a filter would). */
const TOPICS = (sourceId: string) => ["", "kind=ontap", `source=${sourceId}`];

/**
 * `streams` open `/api/stream` connections on one production web process for `minutes`, while a
 * simulated ONTAP cluster (polled by a real worker) starts a job every 20 s: the web process's
 * memory over time, and how long each start took from the vendor to every subscribed stream.
 */
export async function benchStreams(
  bench: { db: Db; url: string },
  opts: { streams: number; minutes: number; log: (line: string) => void },
): Promise<StreamsBenchResult> {
  const live = await startLiveSource(bench.db, bench.url, "streams-ontap");
  const { sim } = live;
  let app: BenchAppServer | null = null;
  const stop = new AbortController();
  // Every stream listens on this one signal.
  setMaxListeners(opts.streams + 10, stop.signal);
  try {
    app = await startBenchAppServer(bench.url, {
      JOBDECK_STREAMS_PER_CALLER: String(Math.min(1000, opts.streams)),
    });
    const tokens: string[] = [];
    for (let i = 0; i * 1000 < opts.streams; i++)
      tokens.push((await createDisplayToken(`streams bench ${i}`, null, bench.db)).token);
    // A job running from the start keeps the source on its fast cadence, the one the target uses.
    await simPost(sim, "jobs", { type: "volume-move", durationMs: 4 * 3_600_000 });
    await waitForRunningJobs(bench.db, sim.sourceId, 1);
    const source = await bench.db.source.findUniqueOrThrow({ where: { id: sim.sourceId } });
    const topics = TOPICS(sim.sourceId);
    // vendorId → when each stream first heard of it.
    const heard = Array.from({ length: opts.streams }, () => new Map<string, number>());
    let open = 0;
    const streams = heard.map(async (map, i) => {
      const topic = topics[i % topics.length] ?? "";
      const res = await fetch(`${app?.baseUrl}/api/stream${topic ? `?${topic}` : ""}`, {
        headers: { authorization: `Bearer ${tokens[Math.floor(i / 1000)]}` },
        signal: stop.signal,
      });
      if (!res.ok || !res.body) throw new Error(`stream ${i} answered ${res.status}`);
      open++;
      await readSse(res.body, (event, data) => {
        if (event !== "jobs" || !data) return;
        const now = Date.now();
        for (const j of (JSON.parse(data) as { jobs: Array<{ vendorId: string }> }).jobs)
          if (!map.has(j.vendorId)) map.set(j.vendorId, now);
      });
    });
    const failures: unknown[] = [];
    for (const s of streams) s.catch((err) => stop.signal.aborted || failures.push(err));
    while (open < opts.streams) {
      if (failures.length) throw failures[0];
      await sleep(200);
    }
    opts.log(`${open} streams open`);

    const pid = app.pid;
    const rss: number[] = [];
    const changes: Array<{ vendorId: string; at: number }> = [];
    const until = Date.now() + opts.minutes * 60_000;
    let nextChange = Date.now();
    let nextSample = Date.now();
    while (Date.now() < until) {
      if (failures.length) throw failures[0];
      if (Date.now() >= nextSample) {
        rss.push(treeRssMb(pid));
        nextSample += 10_000;
      }
      if (Date.now() >= nextChange) {
        const at = Date.now();
        const { vendorId } = await simPost(sim, "jobs", {
          type: "volume-move",
          durationMs: 3_600_000,
        });
        changes.push({ vendorId, at });
        nextChange += 20_000;
      }
      await sleep(250);
    }
    // The last change gets its full target to arrive.
    await sleep(source.pollIntervalMs + 1_000);
    const latencies: number[] = [];
    let missed = 0;
    for (const c of changes)
      for (const map of heard) {
        const t = map.get(c.vendorId);
        if (t === undefined) missed++;
        else latencies.push(t - c.at);
      }
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
    const perMinute = 6;
    const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));
    const result: StreamsBenchResult = {
      streams: opts.streams,
      minutes: opts.minutes,
      loadAverage: round(loadavg()[0] ?? 0),
      rssMb: {
        first: rss[0] ?? 0,
        max: Math.max(...rss),
        last: rss.at(-1) ?? 0,
        firstMinuteMean: mean(rss.slice(0, perMinute)),
        lastMinuteMean: mean(rss.slice(-perMinute)),
      },
      delivery: {
        changes: changes.length,
        deliveries: latencies.length,
        missed,
        p50Ms: at(0.5),
        p95Ms: at(0.95),
        maxMs: latencies.at(-1) ?? 0,
        targetMs: source.fastPollIntervalMs + 500,
      },
    };
    opts.log(JSON.stringify(result));
    return result;
  } finally {
    stop.abort();
    await app?.stop();
    await live.stop();
  }
}

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
function treeRssMb(root: number): number {
  const children = new Map<number, number[]>();
  const rssKb = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rssKb.set(pid, Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop() as number;
    total += rssKb.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return round(total / 1024);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Math.round(n * 10) / 10;
