import { spawn, type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { createDisplayToken } from "@/lib/auth/display-tokens";
import { secretKey } from "@/lib/crypto/secret-key";
import { upsertSourceByName } from "@/lib/data/sources";
import type { Db } from "@/lib/db/client";
import { SOURCE_KINDS, type SourceKind } from "@/lib/domain/source-kind";
import { realClock } from "@/lib/simulators/engine/clock";
import { startSimServer, type RunningSim } from "@/lib/simulators/engine/server";
import { SIMULATORS } from "@/lib/simulators/registry";
import { startBenchAppServer, type BenchAppServer } from "./app-server";
import { readSse } from "./sse";

export interface ScaleOutResult {
  sources: number;
  workers: number;
  cadenceSeconds: number;
  loadAverage: number;
  /** Seconds from the workers' start until every source had finished its first sync. */
  warmUpSeconds: number;
  /** Polls that failed from the steady window's start to the end. */
  failedPolls: number;
  steady: Regularity & {
    seconds: number;
    vendorRequestsPerSourcePerMinute: Record<string, number>;
  };
  afterKill: Regularity & {
    seconds: number;
    /** Sources the killed worker was polling when it died (its leases). */
    orphaned: number;
    /** Kill to each orphan's next poll, in cadences: the worst, and the median. */
    orphanWaitMaxCadences: number | null;
    orphanWaitMedianCadences: number | null;
  };
  streams: {
    webProcesses: number;
    /** Jobs the database shows changed in the window, and how many of them each web process's stream missed. */
    changedJobs: number;
    missedPerProcess: number[];
    resyncsPerProcess: number[];
  };
}

export interface Regularity {
  intervals: number;
  /** Share of poll intervals within ±10 % of the cadence. */
  withinTenPercent: number;
  /** Share of sources every one of whose intervals was within ±10 %. */
  sourcesAlwaysWithin: number;
  p50Cadences: number;
  p95Cadences: number;
  maxCadences: number;
}

/** Small estates: the benchmark is about the worker's schedule, not about backfilling history. */
const LIGHT: Record<SourceKind, Record<string, unknown>> = {
  ontap: { initialJobs: 5 },
  dfm: { historyHours: 2 },
  eyeglass: { historyMs: 2 * 86_400_000, demoFailovers: false },
  commvault: { historyMs: 2 * 86_400_000 },
  spp: { historyMs: 2 * 3_600_000 },
};

const WORKER_ID = (i: number) => `scale-w${i}`;

/**
 * Scale-out: `sources` simulated appliances (the five kinds in turn, all served from this process),
 * `workers` worker processes (scripts/worker.ts) and two web processes (the production build) on
 * one database. Measures each source's poll intervals against its cadence, the vendor requests each
 * source costs, what happens to the sources a SIGKILLed worker was polling, and whether both web
 * processes' streams carried every job change.
 */
export async function benchScaleOut(
  bench: { db: Db; url: string },
  opts: {
    sources: number;
    workers: number;
    cadenceMs: number;
    steadyMs: number;
    log: (line: string) => void;
  },
): Promise<ScaleOutResult> {
  const sims: Array<{ kind: SourceKind; server: RunningSim }> = [];
  const children: ChildProcess[] = [];
  const apps: BenchAppServer[] = [];
  const streams: AbortController[] = [];
  const key = secretKey().toString("base64");
  try {
    for (let i = 0; i < opts.sources; i++) {
      const kind = SOURCE_KINDS[i % SOURCE_KINDS.length] as SourceKind;
      const simulator = SIMULATORS[kind]?.create({
        seed: 5_000 + i,
        clock: realClock,
        user: "admin",
        password: "bench-Passw0rd",
        scenario: LIGHT[kind],
      });
      if (!simulator) throw new Error(`no simulator for ${kind}`);
      const server = await startSimServer({
        name: `${kind}-${i}`,
        handler: simulator.handler,
        control: simulator.control,
      });
      sims.push({ kind, server });
      const source = simulator.source(server.url);
      await upsertSourceByName(
        {
          kind,
          name: `scale ${kind} ${i}`,
          baseUrl: source.baseUrl,
          username: source.username,
          secret: source.secret,
          options: source.options,
          pollIntervalMs: opts.cadenceMs,
          fastPollIntervalMs: opts.cadenceMs,
          timeoutMs: 20_000,
        },
        bench.db,
      );
    }
    opts.log(`${opts.sources} appliances up`);

    const { token } = await createDisplayToken("scale-out bench", null, bench.db);
    for (let i = 0; i < 2; i++) apps.push(await startBenchAppServer(bench.url));
    const seen = apps.map(() => ({ ids: new Set<string>(), resyncs: 0 }));
    apps.forEach((app, i) => {
      const stop = new AbortController();
      streams.push(stop);
      void collectStream(app.baseUrl, token, stop.signal, seen[i] as (typeof seen)[number]);
    });

    const started = Date.now();
    for (let i = 0; i < opts.workers; i++) children.push(startWorkerProcess(bench.url, key, i));
    const sampler = startSampler(bench.db);
    await waitForFirstSyncs(bench.db, opts.sources);
    const warmUpSeconds = Math.round((Date.now() - started) / 1000);
    opts.log(`every source synced once after ${warmUpSeconds} s`);
    // One more cadence so every source is on its steady schedule.
    await sleep(opts.cadenceMs);

    const steadyFrom = Date.now();
    const failures0 = await failedPolls(bench.db);
    const requests0 = requestsByKind(sims);
    await sleep(opts.steadyMs);
    const steadyTo = Date.now();
    const requests1 = requestsByKind(sims);
    const minutes = (steadyTo - steadyFrom) / 60_000;
    const perSource: Record<string, number> = {};
    for (const kind of SOURCE_KINDS) {
      const n = sims.filter((s) => s.kind === kind).length;
      if (n)
        perSource[kind] = round(((requests1[kind] ?? 0) - (requests0[kind] ?? 0)) / n / minutes);
    }
    const steady = {
      ...regularity(sampler.polls, steadyFrom, steadyTo, opts.cadenceMs),
      seconds: Math.round((steadyTo - steadyFrom) / 1000),
      vendorRequestsPerSourcePerMinute: perSource,
    };
    opts.log(`steady: ${JSON.stringify(steady)}`);

    const changed = await bench.db.job.findMany({
      where: {
        updatedAt: { gte: new Date(steadyFrom), lte: new Date(steadyTo - 10_000) },
      },
      select: { id: true },
    });
    const missedPerProcess = seen.map((s) => changed.filter((j) => !s.ids.has(j.id)).length);

    const victim = children[0];
    // Killed mid-poll, so that some sources are left leased to a dead worker.
    const held = () =>
      bench.db.source.findMany({
        where: { leaseOwner: WORKER_ID(0), leaseUntil: { gt: new Date() } },
        select: { id: true },
      });
    let orphans = (await held()).map((s) => s.id);
    for (const giveUp = Date.now() + 60_000; !orphans.length && Date.now() < giveUp;) {
      await sleep(20);
      orphans = (await held()).map((s) => s.id);
    }
    const killedAt = Date.now();
    victim?.kill("SIGKILL");
    opts.log(`killed ${WORKER_ID(0)} while it held ${orphans.length} leases`);
    await sleep(opts.steadyMs);
    const afterTo = Date.now();
    const waits = orphans.map((id) => {
      const next = (sampler.polls.get(id) ?? []).find((t) => t > killedAt);
      return next === undefined ? Number.POSITIVE_INFINITY : (next - killedAt) / opts.cadenceMs;
    });
    waits.sort((a, b) => a - b);
    const afterKill = {
      ...regularity(sampler.polls, killedAt, afterTo, opts.cadenceMs),
      seconds: Math.round((afterTo - killedAt) / 1000),
      orphaned: orphans.length,
      orphanWaitMaxCadences: waits.length ? round(waits.at(-1) ?? 0) : null,
      orphanWaitMedianCadences: waits.length
        ? round(waits[Math.floor(waits.length / 2)] ?? 0)
        : null,
    };
    opts.log(`after the kill: ${JSON.stringify(afterKill)}`);
    sampler.stop();
    const failures1 = await failedPolls(bench.db);
    return {
      sources: opts.sources,
      workers: opts.workers,
      cadenceSeconds: opts.cadenceMs / 1000,
      loadAverage: round(loadavg()[0] ?? 0),
      warmUpSeconds,
      failedPolls: failures1 - failures0,
      steady,
      afterKill,
      streams: {
        webProcesses: apps.length,
        changedJobs: changed.length,
        missedPerProcess,
        resyncsPerProcess: seen.map((s) => s.resyncs),
      },
    };
  } finally {
    for (const s of streams) s.abort();
    await Promise.all(children.map(stopChild));
    await Promise.all(apps.map((a) => a.stop()));
    await Promise.all(sims.map((s) => s.server.close()));
  }
}

async function failedPolls(db: Db): Promise<number> {
  const sum = await db.source.aggregate({ _sum: { pollFailuresTotal: true } });
  return sum._sum.pollFailuresTotal ?? 0;
}

function startWorkerProcess(databaseUrl: string, key: string, i: number): ChildProcess {
  // Node loads tsx in-process: the tsx CLI would run the worker in a child a SIGKILL does not reach.
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JOBDECK_SECRET_KEY: key,
      JOBDECK_WORKER_ID: WORKER_ID(i),
      JOBDECK_WORKER_CONCURRENCY: "16",
      LOG_LEVEL: "warn",
    },
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** Every source's poll times, read from its lastPollAt four times a second. */
function startSampler(db: Db): { polls: Map<string, number[]>; stop(): void } {
  const polls = new Map<string, number[]>();
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      const rows = await db.source.findMany({ select: { id: true, lastPollAt: true } });
      for (const r of rows) {
        if (!r.lastPollAt) continue;
        const list = polls.get(r.id) ?? [];
        const at = r.lastPollAt.getTime();
        if (list.at(-1) !== at) list.push(at);
        polls.set(r.id, list);
      }
      await sleep(250);
    }
  };
  void loop();
  return {
    polls,
    stop: () => {
      stopped = true;
    },
  };
}

async function waitForFirstSyncs(db: Db, sources: number): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    const done = await db.source.count({
      where: { lastSuccessAt: { not: null }, backfillTotal: null, consecutiveFailures: 0 },
    });
    if (done >= sources) return;
    if (Date.now() > deadline)
      throw new Error(`only ${done} of ${sources} sources synced within 15 minutes`);
    await sleep(1_000);
  }
}

function regularity(
  polls: Map<string, number[]>,
  from: number,
  to: number,
  cadenceMs: number,
): Regularity {
  const all: number[] = [];
  let always = 0;
  let counted = 0;
  for (const times of polls.values()) {
    const inside = times.filter((t) => t >= from && t <= to);
    const intervals = inside.slice(1).map((t, i) => (t - (inside[i] ?? t)) / cadenceMs);
    if (!intervals.length) continue;
    counted++;
    if (intervals.every((x) => Math.abs(x - 1) <= 0.1)) always++;
    all.push(...intervals);
  }
  all.sort((a, b) => a - b);
  const at = (p: number) => round(all[Math.min(all.length - 1, Math.floor(p * all.length))] ?? 0);
  return {
    intervals: all.length,
    withinTenPercent: round(all.filter((x) => Math.abs(x - 1) <= 0.1).length / all.length),
    sourcesAlwaysWithin: round(always / Math.max(1, counted)),
    p50Cadences: at(0.5),
    p95Cadences: at(0.95),
    maxCadences: round(all.at(-1) ?? 0),
  };
}

function requestsByKind(sims: Array<{ kind: SourceKind; server: RunningSim }>) {
  const out: Record<string, number> = {};
  for (const { kind, server } of sims)
    for (const n of server.requestCounts.values()) out[kind] = (out[kind] ?? 0) + n;
  return out;
}

/** An unfiltered stream, as a wall showing every source holds: which jobs it was told changed. */
async function collectStream(
  baseUrl: string,
  token: string,
  signal: AbortSignal,
  seen: { ids: Set<string>; resyncs: number },
): Promise<void> {
  try {
    const res = await fetch(`${baseUrl}/api/stream`, {
      headers: { authorization: `Bearer ${token}` },
      signal,
    });
    if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
    await readSse(res.body, (event, data) => {
      if (event === "resync") seen.resyncs++;
      if (event === "jobs" && data)
        for (const j of (JSON.parse(data) as { jobs: Array<{ id: string }> }).jobs)
          seen.ids.add(j.id);
    });
  } catch (err) {
    if (!signal.aborted) throw err;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Math.round(n * 100) / 100;
