/**
 * `npm run bench`: measures Jobdeck on this machine and writes bench/results.json and
 * bench/RESULTS.md (quoted in the README). Not part of `npm test`: figures, not pass/fail.
 * Sizes can be lowered for a quick look: BENCH_SYNC_JOBS, BENCH_API_JOBS.
 */
import { writeFileSync } from "node:fs";
import { startBenchDatabase } from "./bench-db";
import { benchSyncIngest } from "./sync-ingest";

const SYNC_JOBS = Number(process.env.BENCH_SYNC_JOBS ?? 100_000);

const results: Record<string, unknown> = {
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version, at: new Date().toISOString() },
};

const bench = await startBenchDatabase();
try {
  console.log(`sync ingest: ${SYNC_JOBS} ONTAP jobs through simulator → connector → PostgreSQL …`);
  results.syncIngest = await benchSyncIngest(bench, SYNC_JOBS);
  console.log(results.syncIngest);
} finally {
  await bench.stop();
}

writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
console.log("wrote bench/results.json");
