import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { createSource } from "@/lib/data/sources";
import { connectorForSource } from "@/lib/sync/connector-for-source";
import { pollSource } from "@/lib/sync/poll-source";
import { storeJobRecords } from "@/lib/sync/store-jobs";
import type { BenchDatabase } from "./bench-db";

export interface SyncIngestFigures {
  jobs: number;
  /** Phase rows the sync stored with the jobs (ONTAP: one per job). */
  phases: number;
  syncSeconds: number;
  syncJobsPerSecond: number;
  copySeconds: number;
  copyRowsPerSecond: number;
  /** Sync rate as a share of PostgreSQL's own COPY rate for the same rows (jobs and phases) and indexes. */
  syncVsCopy: number;
  /** COPY of the job rows alone, and the sync as a share of that (the figure before phases were counted). */
  copyJobRowsSeconds: number;
  syncVsCopyJobRows: number;
  /** The store step alone (staging by COPY and the merge, for the jobs the connector returned, into a fresh source). */
  storeSeconds: number;
  storeJobsPerSecond: number;
  storeVsCopy: number;
}

/**
 * Ingest through the real path (ONTAP simulator over HTTP → connector → COPY to staging → merge), timed from the
 * first request to the committed transaction, beside COPY of the very rows it stored into a table
 * with the same indexes, in the same run on the same machine. The simulator runs in a process of its
 * own, as an appliance would: in the worker's process its page rendering would stall the worker's
 * event loop, which no real appliance does.
 */
export async function benchSyncIngest(
  bench: BenchDatabase,
  jobs: number,
): Promise<SyncIngestFigures> {
  const appliance = await startApplianceProcess({ bulkJobs: jobs, retainFinished: true });
  const fx = {
    sourceId: (
      await createSource(
        {
          kind: "ontap",
          name: `bench-ontap-${jobs}`,
          baseUrl: appliance.baseUrl,
          username: "admin",
          secret: APPLIANCE_PASSWORD,
          timeoutMs: 120_000,
        },
        bench.db,
      )
    ).id,
  };
  try {
    const t0 = performance.now();
    // A first sync runs in committed steps; the benchmark times all of them.
    let outcome = await pollSource(
      bench.db,
      await bench.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } }),
    );
    while (outcome.ok && outcome.more) {
      outcome = await pollSource(
        bench.db,
        await bench.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } }),
      );
    }
    const syncSeconds = (performance.now() - t0) / 1000;
    if (!outcome.ok) throw new Error(`sync failed during the benchmark: ${outcome.error}`);
    const stored = await bench.db.job.count({ where: { sourceId: fx.sourceId } });

    // The same records again, stored alone: what the upsert costs without the vendor round trips.
    const batch = await (await connectorForSource(fx.sourceId, bench.db)).listChanged(null);
    const twin = await createSource(
      { kind: "ontap", name: `bench-store-${jobs}`, baseUrl: "http://bench.invalid" },
      bench.db,
    );
    const t2 = performance.now();
    await storeJobRecords(bench.db, { id: twin.id, kind: "ontap" }, batch.jobs);
    const storeSeconds = (performance.now() - t2) / 1000;

    const phases = await bench.db.phase.count({ where: { job: { sourceId: fx.sourceId } } });
    const client = new pg.Client({ connectionString: bench.url });
    await client.connect();
    try {
      const copyJobRowsSeconds = await timeCopy(
        client,
        "Job",
        `SELECT * FROM "Job" WHERE "sourceId" = '${fx.sourceId}'`,
      );
      const copyPhaseRowsSeconds = await timeCopy(
        client,
        "Phase",
        `SELECT p.* FROM "Phase" p JOIN "Job" j ON j.id = p."jobId" WHERE j."sourceId" = '${fx.sourceId}'`,
      );
      const copySeconds = copyJobRowsSeconds + copyPhaseRowsSeconds;
      return {
        jobs: stored,
        phases,
        syncSeconds: round(syncSeconds),
        syncJobsPerSecond: Math.round(stored / syncSeconds),
        copySeconds: round(copySeconds),
        copyRowsPerSecond: Math.round((stored + phases) / copySeconds),
        syncVsCopy: round(copySeconds / syncSeconds),
        copyJobRowsSeconds: round(copyJobRowsSeconds),
        syncVsCopyJobRows: round(copyJobRowsSeconds / syncSeconds),
        storeSeconds: round(storeSeconds),
        storeJobsPerSecond: Math.round(batch.jobs.length / storeSeconds),
        // COPY's time for this batch's share of the rows, over the store's time for it.
        storeVsCopy: round((copySeconds * batch.jobs.length) / stored / storeSeconds),
      };
    } finally {
      await client.end();
    }
  } finally {
    await appliance.close();
  }
}

/**
 * COPY of rows the sync stored into an empty table with the same indexes (and, for Job, the same
 * rollup trigger), so COPY pays what the sync pays; returns its seconds.
 */
async function timeCopy(
  client: pg.Client,
  table: "Job" | "Phase",
  select: string,
): Promise<number> {
  const copy = `bench_copy_${table.toLowerCase()}`;
  await client.query(`CREATE TABLE ${copy} (LIKE "${table}" INCLUDING ALL)`);
  if (table === "Job")
    await client.query(
      `CREATE TRIGGER ${copy}_density AFTER INSERT ON ${copy} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "timeline_density_apply"()`,
    );
  const buffer = new PassThrough();
  const chunks: Buffer[] = [];
  buffer.on("data", (c: Buffer) => chunks.push(c));
  await pipeline(client.query(copyTo(`COPY (${select}) TO STDOUT`)), buffer);
  const data = Buffer.concat(chunks);
  const t0 = performance.now();
  const sink = client.query(copyFrom(`COPY ${copy} FROM STDIN`));
  sink.end(data);
  await new Promise<void>((resolve, reject) => {
    sink.on("finish", () => resolve());
    sink.on("error", reject);
  });
  const seconds = (performance.now() - t0) / 1000;
  await client.query(`DROP TABLE ${copy}`);
  return seconds;
}

const APPLIANCE_PASSWORD = "bench-pass";

/** The ONTAP simulator in a child process (scripts/simulate.ts), with its base URL once it listens. */
async function startApplianceProcess(
  scenario: Record<string, unknown>,
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/simulate.ts",
      "ontap",
      "--password",
      APPLIANCE_PASSWORD,
      "--scenario",
      JSON.stringify(scenario),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const close = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await once(child, "exit");
  };
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`the ONTAP simulator exited (${String(code)}) before it listened`);
  });
  const listening = (async () => {
    for await (const line of createInterface({ input: child.stdout })) {
      const url = /base URL:\s+(\S+)/.exec(line)?.[1];
      if (url) return url;
    }
    throw new Error("the ONTAP simulator never said where it listens");
  })();
  try {
    return { baseUrl: await Promise.race([listening, exited]), close };
  } catch (err) {
    await close();
    throw err;
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
