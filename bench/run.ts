/**
 * `npm run bench`: measures Jobdeck on this machine and writes bench/results.json and
 * bench/RESULTS.md (quoted in the README). Not part of `npm test`: figures, not pass/fail, and
 * comparisons are ratios within one run because the machine is shared and noisy.
 * Sizes can be lowered for a quick look: BENCH_SYNC_JOBS, BENCH_API_JOBS (comma-separated),
 * BENCH_ESTATE_JOBS and BENCH_ESTATE_EVENTS_PER_JOB; BENCH_ONLY=estate runs only the estate-over-HTTP part,
 * BENCH_ONLY=ingest only the sync ingest beside COPY, BENCH_ONLY=eta only the ETA backtest
 * (BENCH_ETA_DAYS simulated days, default 1), BENCH_ONLY=partitions only the event storage benchmark
 * (BENCH_PARTITION_EVENTS events, default 10,000,000, between BENCH_PARTITION_JOBS jobs, default 200,000).
 * BENCH_ONLY=alerts only alert evaluation (BENCH_ALERT_JOBS jobs, default 1,000,000, on 200 sources
 * with 50 rules).
 * BENCH_ONLY=evidence only the evidence pack of a quarter (BENCH_EVIDENCE_RUNS runs, default 500).
 * BENCH_ONLY=viewers only the vendor's load with 0, 1 and BENCH_VIEWERS viewers (default 100) of running
 * jobs, BENCH_VIEWERS_SECONDS each (default 120), against the production build (`npm run build` first).
 * BENCH_ONLY=scale only scale-out: BENCH_SCALE_SOURCES appliances (default 500), BENCH_SCALE_WORKERS worker
 * processes (default 3) polling each every BENCH_SCALE_CADENCE_S (default 60), BENCH_SCALE_MINUTES before and
 * after one worker is killed (default 4), and two web processes streaming (production build).
 * BENCH_ONLY=streams only BENCH_STREAMS open streams (default 1,000) on one web process for BENCH_STREAMS_MINUTES
 * (default 10): its memory, and how long a vendor change takes to reach them (production build).
 */
import { cpus } from "node:os";
import { writeFileSync } from "node:fs";
import { createUser } from "@/lib/auth/users";
import { startBenchAppServer } from "./app-server";
import { startBenchDatabase, type BenchDatabase } from "./bench-db";
import { benchJobPage, type JobPageBenchResult } from "./job-page";
import { benchAlertEval, type AlertEvalResult } from "./alert-eval";
import { benchEstateHttp, type EstateHttpResult } from "./estate-http";
import { benchEvidencePack, type EvidencePackBenchResult } from "./evidence-pack";
import { benchEtaBacktest, type EtaBacktestResult } from "./eta-backtest";
import { benchJobsApi, type JobsApiBenchResult } from "./jobs-api";
import { benchPartitions, type PartitionBenchResult } from "./partitions";
import { renderResults } from "./render-results";
import { benchSyncIngest, type SyncIngestFigures } from "./sync-ingest";
import { benchViewers, type ViewersBenchResult } from "./viewers";
import { benchScaleOut, type ScaleOutResult } from "./scale-out";
import { benchStreams, type StreamsBenchResult } from "./streams";

const SYNC_JOBS = Number(process.env.BENCH_SYNC_JOBS ?? 100_000);
const API_JOBS = (process.env.BENCH_API_JOBS ?? "100000,1000000").split(",").map(Number);
const ESTATE_JOBS = Number(process.env.BENCH_ESTATE_JOBS ?? 1_000_000);
const ESTATE_EVENTS_PER_JOB = Number(process.env.BENCH_ESTATE_EVENTS_PER_JOB ?? 10);
const BENCH_ONLY = process.env.BENCH_ONLY;
const EVIDENCE_RUNS = Number(process.env.BENCH_EVIDENCE_RUNS ?? 500);
const PARTITION_JOBS = Number(process.env.BENCH_PARTITION_JOBS ?? 200_000);
const PARTITION_EVENTS = Number(process.env.BENCH_PARTITION_EVENTS ?? 10_000_000);
const ALERT_JOBS = Number(process.env.BENCH_ALERT_JOBS ?? 1_000_000);
const ALERT_SOURCES = 200;
const ALERT_TICKS = 3;
/** Simulated days the ETA backtest follows the simulators for, on top of the history they start with. */
const ETA_DAYS = Number(process.env.BENCH_ETA_DAYS ?? 1);
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 100);
const VIEWERS_SECONDS = Number(process.env.BENCH_VIEWERS_SECONDS ?? 120);
const SCALE_SOURCES = Number(process.env.BENCH_SCALE_SOURCES ?? 500);
const SCALE_WORKERS = Number(process.env.BENCH_SCALE_WORKERS ?? 3);
const SCALE_CADENCE_S = Number(process.env.BENCH_SCALE_CADENCE_S ?? 60);
const SCALE_MINUTES = Number(process.env.BENCH_SCALE_MINUTES ?? 4);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const STREAMS_MINUTES = Number(process.env.BENCH_STREAMS_MINUTES ?? 10);

export interface BenchResults {
  machine: { cpus: number; node: string; at: string };
  syncIngest?: SyncIngestFigures;
  jobsApi?: JobsApiBenchResult[];
  jobPage?: JobPageBenchResult;
  estateHttp?: EstateHttpResult;
  etaBacktest?: EtaBacktestResult;
  partitions?: PartitionBenchResult;
  alertEval?: AlertEvalResult;
  evidencePack?: EvidencePackBenchResult;
  viewers?: ViewersBenchResult;
  scaleOut?: ScaleOutResult;
  streams?: StreamsBenchResult;
}

const log = (line: string) => console.log(`  ${line}`);
const machine = () => ({
  cpus: cpus().length,
  node: process.version,
  at: new Date().toISOString(),
});

/** BENCH_ONLY=<name>: one part alone, written to bench/results-<name>.json and RESULTS-<name>.md. */
const ONLY: Record<
  string,
  { title: string; run: (db: BenchDatabase) => Promise<Omit<BenchResults, "machine">> }
> = {
  partitions: {
    title: `event storage: ${PARTITION_EVENTS} events over 13 months, partitioned vs flat`,
    run: async (db) => ({
      partitions: await benchPartitions(db, {
        jobs: PARTITION_JOBS,
        events: PARTITION_EVENTS,
        samples: 200,
        log,
      }),
    }),
  },
  estate: {
    title: `estate over HTTP: ${ESTATE_JOBS} jobs, ${ESTATE_EVENTS_PER_JOB} events each, production build`,
    run: async (db) => ({
      estateHttp: await benchEstateHttp(db, {
        jobs: ESTATE_JOBS,
        eventsPerJob: ESTATE_EVENTS_PER_JOB,
        samples: 20,
        log,
      }),
    }),
  },
  evidence: {
    title: `evidence pack: a quarter of ${EVIDENCE_RUNS} DR runs`,
    run: async (db) => ({
      evidencePack: await benchEvidencePack(db, { runs: EVIDENCE_RUNS, log }),
    }),
  },
  ingest: {
    title: `sync ingest: ${SYNC_JOBS} ONTAP jobs, simulator → connector → PostgreSQL, beside COPY`,
    run: async (db) => ({ syncIngest: await benchSyncIngest(db, SYNC_JOBS) }),
  },
  alerts: {
    title: `alert evaluation: ${ALERT_JOBS} jobs, ${ALERT_SOURCES} sources, 50 rules`,
    run: async (db) => ({
      alertEval: await benchAlertEval(db, {
        jobs: ALERT_JOBS,
        sources: ALERT_SOURCES,
        ticks: ALERT_TICKS,
        log,
      }),
    }),
  },
  viewers: {
    title: `vendor requests with 0, 1 and ${VIEWERS} viewers of running jobs, ${VIEWERS_SECONDS} s each`,
    run: async (db) => ({
      viewers: await benchViewers(db, { maxViewers: VIEWERS, seconds: VIEWERS_SECONDS, log }),
    }),
  },
  scale: {
    title: `scale-out: ${SCALE_SOURCES} appliances, ${SCALE_WORKERS} worker processes, 2 web processes, one database`,
    run: async (db) => ({
      scaleOut: await benchScaleOut(db, {
        sources: SCALE_SOURCES,
        workers: SCALE_WORKERS,
        cadenceMs: SCALE_CADENCE_S * 1000,
        steadyMs: SCALE_MINUTES * 60_000,
        log,
      }),
    }),
  },
  streams: {
    title: `${STREAMS} open streams on one web process for ${STREAMS_MINUTES} minutes`,
    run: async (db) => ({
      streams: await benchStreams(db, { streams: STREAMS, minutes: STREAMS_MINUTES, log }),
    }),
  },
  eta: {
    title: `ETA backtest: the five simulators' histories plus ${ETA_DAYS} simulated days`,
    run: async (db) => ({ etaBacktest: await benchEtaBacktest(db, { days: ETA_DAYS, log }) }),
  },
};

/** One part on a database of its own, so what the others seeded does not weigh on its figures. */
async function onFreshDatabase(name: keyof typeof ONLY): Promise<Omit<BenchResults, "machine">> {
  console.log(ONLY[name]?.title);
  const db = await startBenchDatabase();
  try {
    return (await ONLY[name]?.run(db)) ?? {};
  } finally {
    await db.stop();
  }
}

const bench = await startBenchDatabase();
try {
  const only = BENCH_ONLY ? ONLY[BENCH_ONLY] : undefined;
  if (BENCH_ONLY && !only)
    throw new Error(`BENCH_ONLY=${BENCH_ONLY}: one of ${Object.keys(ONLY).join(", ")}`);
  if (only) {
    console.log(only.title);
    const results: BenchResults = { machine: machine(), ...(await only.run(bench)) };
    writeFileSync(`bench/results-${BENCH_ONLY}.json`, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(`bench/RESULTS-${BENCH_ONLY}.md`, renderResults(results));
    console.log(`wrote bench/results-${BENCH_ONLY}.json and bench/RESULTS-${BENCH_ONLY}.md`);
    process.exit(0);
  }
  console.log(
    `sync ingest: ${SYNC_JOBS} ONTAP jobs, simulator → connector → PostgreSQL, beside COPY`,
  );
  const syncIngest = await benchSyncIngest(bench, SYNC_JOBS);
  log(JSON.stringify(syncIngest));

  const jobsApi: JobsApiBenchResult[] = [];
  for (const jobs of API_JOBS) {
    console.log(`/api/jobs at ${jobs} jobs: keyset vs offset`);
    jobsApi.push(await benchJobsApi(bench, { jobs, log }));
  }

  console.log("job page: 500 phases and 20,000 events in headless Chromium");
  const credentials = { email: "bench@jobdeck.local", password: "bench-viewer-passw0rd" };
  await createUser({ ...credentials, name: "Bench", role: "viewer" }, bench.db);
  const app = await startBenchAppServer(bench.url);
  let jobPage: JobPageBenchResult;
  try {
    jobPage = await benchJobPage({ db: bench.db, baseUrl: app.baseUrl, credentials });
  } finally {
    await app.stop();
  }
  log(JSON.stringify(jobPage));

  const { estateHttp } = await onFreshDatabase("estate");
  const { etaBacktest } = await onFreshDatabase("eta");
  const { alertEval } = await onFreshDatabase("alerts");
  const { viewers } = await onFreshDatabase("viewers");
  const { scaleOut } = await onFreshDatabase("scale");
  const { streams } = await onFreshDatabase("streams");

  const results: BenchResults = {
    machine: machine(),
    syncIngest,
    etaBacktest,
    alertEval,
    jobsApi,
    jobPage,
    estateHttp,
    viewers,
    scaleOut,
    streams,
  };
  writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync("bench/RESULTS.md", renderResults(results));
  console.log("wrote bench/results.json and bench/RESULTS.md");
} finally {
  await bench.stop();
}
