import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { PassThrough } from "node:stream";
import { createSource } from "@/lib/data/sources";
import { connectorForSource } from "@/lib/sync/connector-for-source";
import { pollSource } from "@/lib/sync/poll-source";
import { storeJobs } from "@/lib/sync/store-jobs";
import { startSimulatedSource } from "@/lib/testing/sim-source";
import type { BenchDatabase } from "./bench-db";

export interface SyncIngestFigures {
  jobs: number;
  syncSeconds: number;
  syncJobsPerSecond: number;
  copySeconds: number;
  copyRowsPerSecond: number;
  /** Sync rate as a share of PostgreSQL's own COPY rate for the same rows and indexes. */
  syncVsCopy: number;
  /** The store step alone (the bulk upsert of the jobs the connector returned, into a fresh source). */
  storeSeconds: number;
  storeJobsPerSecond: number;
  storeVsCopy: number;
}

/**
 * Ingest through the real path (ONTAP simulator over HTTP → connector → bulk upsert), timed from the
 * first request to the committed transaction, beside COPY of the very rows it stored into a table
 * with the same indexes, in the same run on the same machine.
 */
export async function benchSyncIngest(
  bench: BenchDatabase,
  jobs: number,
): Promise<SyncIngestFigures> {
  const fx = await startSimulatedSource(bench.db, "ontap", {
    name: `bench-ontap-${jobs}`,
    timeoutMs: 120_000,
    scenario: { bulkJobs: jobs, retainFinished: true },
  });
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
    await bench.db.$transaction(
      (tx) => storeJobs(tx, { id: twin.id, kind: "ontap" }, batch.jobs, new Date()),
      { timeout: 600_000 },
    );
    const storeSeconds = (performance.now() - t2) / 1000;

    const client = new pg.Client({ connectionString: bench.url });
    await client.connect();
    try {
      await client.query(`CREATE TABLE bench_copy (LIKE "Job" INCLUDING ALL)`);
      // Same indexes and the same rollup trigger as Job, so COPY pays what the upsert pays.
      await client.query(
        `CREATE TRIGGER bench_copy_density AFTER INSERT ON bench_copy REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "timeline_density_apply"()`,
      );
      const buffer = new PassThrough();
      const chunks: Buffer[] = [];
      buffer.on("data", (c: Buffer) => chunks.push(c));
      await pipeline(
        client.query(
          copyTo(`COPY (SELECT * FROM "Job" WHERE "sourceId" = '${fx.sourceId}') TO STDOUT`),
        ),
        buffer,
      );
      const data = Buffer.concat(chunks);
      const t1 = performance.now();
      const sink = client.query(copyFrom(`COPY bench_copy FROM STDIN`));
      sink.end(data);
      await new Promise<void>((resolve, reject) => {
        sink.on("finish", () => resolve());
        sink.on("error", reject);
      });
      const copySeconds = (performance.now() - t1) / 1000;
      await client.query(`DROP TABLE bench_copy`);
      return {
        jobs: stored,
        syncSeconds: round(syncSeconds),
        syncJobsPerSecond: Math.round(stored / syncSeconds),
        copySeconds: round(copySeconds),
        copyRowsPerSecond: Math.round(stored / copySeconds),
        syncVsCopy: round(copySeconds / syncSeconds),
        storeSeconds: round(storeSeconds),
        storeJobsPerSecond: Math.round(batch.jobs.length / storeSeconds),
        storeVsCopy: round(batch.jobs.length / storeSeconds / (stored / copySeconds)),
      };
    } finally {
      await client.end();
    }
  } finally {
    await fx.close();
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
