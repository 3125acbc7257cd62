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
 */
import { cpus } from "node:os";
import { writeFileSync } from "node:fs";
import { createUser } from "@/lib/auth/users";
import { startBenchAppServer } from "./app-server";
import { startBenchDatabase } from "./bench-db";
import { benchJobPage, type JobPageBenchResult } from "./job-page";
import { benchAlertEval, type AlertEvalResult } from "./alert-eval";
import { benchEstateHttp, type EstateHttpResult } from "./estate-http";
import { benchEvidencePack, type EvidencePackBenchResult } from "./evidence-pack";
import { benchEtaBacktest, type EtaBacktestResult } from "./eta-backtest";
import { benchJobsApi, type JobsApiBenchResult } from "./jobs-api";
import { benchPartitions, type PartitionBenchResult } from "./partitions";
import { renderResults } from "./render-results";
import { benchSyncIngest, type SyncIngestFigures } from "./sync-ingest";

const SYNC_JOBS = Number(process.env.BENCH_SYNC_JOBS ?? 100_000);
const API_JOBS = (process.env.BENCH_API_JOBS ?? "100000,1000000").split(",").map(Number);
const ESTATE_JOBS = Number(process.env.BENCH_ESTATE_JOBS ?? 1_000_000);
const ESTATE_EVENTS_PER_JOB = Number(process.env.BENCH_ESTATE_EVENTS_PER_JOB ?? 10);
const ONLY_ESTATE = process.env.BENCH_ONLY === "estate";
const ONLY_ETA = process.env.BENCH_ONLY === "eta";
const ONLY_EVIDENCE = process.env.BENCH_ONLY === "evidence";
const EVIDENCE_RUNS = Number(process.env.BENCH_EVIDENCE_RUNS ?? 500);
const ONLY_INGEST = process.env.BENCH_ONLY === "ingest";
const ONLY_PARTITIONS = process.env.BENCH_ONLY === "partitions";
const PARTITION_JOBS = Number(process.env.BENCH_PARTITION_JOBS ?? 200_000);
const PARTITION_EVENTS = Number(process.env.BENCH_PARTITION_EVENTS ?? 10_000_000);
const ONLY_ALERTS = process.env.BENCH_ONLY === "alerts";
const ALERT_JOBS = Number(process.env.BENCH_ALERT_JOBS ?? 1_000_000);
const ALERT_SOURCES = 200;
const ALERT_TICKS = 3;
/** Simulated days the ETA backtest follows the simulators for, on top of the history they start with. */
const ETA_DAYS = Number(process.env.BENCH_ETA_DAYS ?? 1);

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
}

const log = (line: string) => console.log(`  ${line}`);
const bench = await startBenchDatabase();
try {
  if (ONLY_PARTITIONS) {
    console.log(`event storage: ${PARTITION_EVENTS} events over 13 months, partitioned vs flat`);
    const partitions = await benchPartitions(bench, {
      jobs: PARTITION_JOBS,
      events: PARTITION_EVENTS,
      samples: 200,
      log,
    });
    const results: BenchResults = {
      machine: { cpus: cpus().length, node: process.version, at: new Date().toISOString() },
      partitions,
    };
    writeFileSync("bench/results-partitions.json", `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync("bench/RESULTS-partitions.md", renderResults(results));
    console.log("wrote bench/results-partitions.json and bench/RESULTS-partitions.md");
    process.exit(0);
  }
  if (ONLY_ESTATE) {
    console.log(
      `estate over HTTP: ${ESTATE_JOBS} jobs, ${ESTATE_EVENTS_PER_JOB} events each, production build`,
    );
    const estateHttp = await benchEstateHttp(bench, {
      jobs: ESTATE_JOBS,
      eventsPerJob: ESTATE_EVENTS_PER_JOB,
      samples: 20,
      log,
    });
    const results: BenchResults = {
      machine: { cpus: cpus().length, node: process.version, at: new Date().toISOString() },
      estateHttp,
    };
    writeFileSync("bench/results-estate.json", `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync("bench/RESULTS-estate.md", renderResults(results));
    console.log("wrote bench/results-estate.json and bench/RESULTS-estate.md");
    process.exit(0);
  }
  if (ONLY_EVIDENCE) {
    console.log(`evidence pack: a quarter of ${EVIDENCE_RUNS} DR runs`);
    const evidencePack = await benchEvidencePack(bench, { runs: EVIDENCE_RUNS, log });
    const results: BenchResults = {
      machine: { cpus: cpus().length, node: process.version, at: new Date().toISOString() },
      evidencePack,
    };
    writeFileSync("bench/results-evidence.json", `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync("bench/RESULTS-evidence.md", renderResults(results));
    console.log("wrote bench/results-evidence.json and bench/RESULTS-evidence.md");
    process.exit(0);
  }
  if (ONLY_INGEST) {
    console.log(
      `sync ingest: ${SYNC_JOBS} ONTAP jobs, simulator → connector → PostgreSQL, beside COPY`,
    );
    const syncIngest = await benchSyncIngest(bench, SYNC_JOBS);
    const results: BenchResults = {
      machine: { cpus: cpus().length, node: process.version, at: new Date().toISOString() },
      syncIngest,
    };
    writeFileSync("bench/results-ingest.json", `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync("bench/RESULTS-ingest.md", renderResults(results));
    console.log("wrote bench/results-ingest.json and bench/RESULTS-ingest.md");
    process.exit(0);
  }
  if (ONLY_ALERTS) {
    console.log(`alert evaluation: ${ALERT_JOBS} jobs, ${ALERT_SOURCES} sources, 50 rules`);
    const alertEval = await benchAlertEval(bench, {
      jobs: ALERT_JOBS,
      sources: ALERT_SOURCES,
      ticks: ALERT_TICKS,
      log,
    });
    const results: BenchResults = {
      machine: { cpus: cpus().length, node: process.version, at: new Date().toISOString() },
      alertEval,
    };
    writeFileSync("bench/results-alerts.json", `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync("bench/RESULTS-alerts.md", renderResults(results));
    console.log("wrote bench/results-alerts.json and bench/RESULTS-alerts.md");
    process.exit(0);
  }
  if (ONLY_ETA) {
    console.log(`ETA backtest: the five simulators' histories plus ${ETA_DAYS} simulated days`);
    const etaBacktest = await benchEtaBacktest(bench, { days: ETA_DAYS, log });
    const results: BenchResults = {
      machine: { cpus: cpus().length, node: process.version, at: new Date().toISOString() },
      etaBacktest,
    };
    writeFileSync("bench/results-eta.json", `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync("bench/RESULTS-eta.md", renderResults(results));
    console.log("wrote bench/results-eta.json and bench/RESULTS-eta.md");
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

  console.log(
    `estate over HTTP: ${ESTATE_JOBS} jobs, ${ESTATE_EVENTS_PER_JOB} events each, production build`,
  );
  const fresh = await startBenchDatabase();
  let estateHttp: EstateHttpResult;
  try {
    estateHttp = await benchEstateHttp(fresh, {
      jobs: ESTATE_JOBS,
      eventsPerJob: ESTATE_EVENTS_PER_JOB,
      samples: 20,
      log,
    });
  } finally {
    await fresh.stop();
  }

  console.log(`ETA backtest: the five simulators' histories plus ${ETA_DAYS} simulated days`);
  const etaDb = await startBenchDatabase();
  let etaBacktest: EtaBacktestResult;
  try {
    etaBacktest = await benchEtaBacktest(etaDb, { days: ETA_DAYS, log });
  } finally {
    await etaDb.stop();
  }

  console.log(`alert evaluation: ${ALERT_JOBS} jobs, ${ALERT_SOURCES} sources, 50 rules`);
  const alertDb = await startBenchDatabase();
  let alertEval: AlertEvalResult;
  try {
    alertEval = await benchAlertEval(alertDb, {
      jobs: ALERT_JOBS,
      sources: ALERT_SOURCES,
      ticks: ALERT_TICKS,
      log,
    });
  } finally {
    await alertDb.stop();
  }

  const results: BenchResults = {
    machine: { cpus: cpus().length, node: process.version, at: new Date().toISOString() },
    syncIngest,
    etaBacktest,
    alertEval,
    jobsApi,
    jobPage,
    estateHttp,
  };
  writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync("bench/RESULTS.md", renderResults(results));
  console.log("wrote bench/results.json and bench/RESULTS.md");
} finally {
  await bench.stop();
}
