import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { emptySnapshot, type JobRecord } from "@/lib/domain/model";
import { getEvidenceReport } from "@/lib/services/history/evidence";
import { storeJobDetails } from "@/lib/sync/store-detail";
import { runEventStorageUpkeep } from "@/lib/sync/event-storage";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { getJobDetail, listJobLog } from "./job-detail";
import { eventPartitions } from "./event-storage";

const DAY = 86_400_000;
const MIN = 60_000;
const now = new Date();
// The first of a month 17 months back (over 500 days), so a job's quarter hour never spans two months.
const OLD = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 17, 1, 10));
const RECENT = new Date(now.getTime() - 10 * DAY);
const SOURCE = "00000000-0000-4000-8000-0000000000c1";
const OLD_JOB = "00000000-0000-4000-8000-00000000a001";
const RECENT_JOB = "00000000-0000-4000-8000-00000000a002";
const note = { severity: "info" as const, type: "note", message: "odd time", raw: null };
const month = (d: Date) => d.toISOString().slice(0, 7).replace("-", "");

let t: TestDatabase;

/** A planned failover that started at `start`: three phases, the middle one restoring service. */
function failover(vendorId: string, start: Date): JobRecord {
  const at = (m: number) => new Date(start.getTime() + m * MIN);
  const phase = (key: string, name: string, from: number, to: number, order: number) => ({
    key,
    parentKey: null,
    lane: "vm-a",
    name,
    state: "succeeded" as const,
    vendorStatus: "Completed",
    order,
    startedAt: at(from),
    endedAt: at(to),
    message: null,
  });
  return {
    ...emptySnapshot(vendorId, {}),
    phases: [
      phase("p1", "Pre VM Failover", 0, 4, 0),
      phase("p2", "Post VM Failover", 4, 11, 1),
      phase("p3", "Cleanup", 11, 15, 2),
    ],
    events: [0, 4, 11].map((m, i) => ({
      key: `e${i}`,
      at: at(m),
      severity: "info" as const,
      type: "phase",
      message: `phase ${i}`,
      raw: { vendorPayload: `payload ${i}`, big: "x".repeat(200) },
    })),
    samples: [1, 2, 3].map((m) => ({
      at: at(m),
      bytesDone: BigInt(m) * 1000n,
      bytesPerSec: 10,
      percent: m * 10,
    })),
    log: [0, 1].map((seq) => ({ seq, at: at(seq), level: "INFO", text: `line ${seq}` })),
  };
}

async function insertJob(id: string, vendorId: string, start: Date) {
  const end = new Date(start.getTime() + 15 * MIN);
  await t.db.$executeRaw`
    INSERT INTO "Job" (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", "startedAt",
      "endedAt", "sortAt", "drGroup", raw, "firstSeenAt", "updatedAt")
    VALUES (${id}::uuid, ${SOURCE}::uuid, 'commvault', ${vendorId}, 'planned-failover', ${vendorId},
      'succeeded', 'Completed', ${start}, ${end}, ${start}, 'SQL-Prod', '{"vendor":"record"}', ${start}, now())`;
}

async function rawCounts(jobId: string) {
  const rows = await t.db.$queryRaw<Array<{ events: number; withRaw: number }>>`
    SELECT count(*)::int AS events, count(raw)::int AS "withRaw" FROM "JobEvent" WHERE "jobId" = ${jobId}::uuid`;
  return rows[0];
}

async function explain(sql: string): Promise<string> {
  const c = new pg.Client({ connectionString: t.url });
  await c.connect();
  try {
    const out = await c.query(`EXPLAIN ${sql}`);
    return out.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  await t.db.$executeRaw`
    INSERT INTO "Source" (id, kind, name, "baseUrl", "updatedAt")
    VALUES (${SOURCE}::uuid, 'commvault', 'CommServe', 'https://commserve.example', now())`;
  await insertJob(OLD_JOB, "cv-old", OLD);
  await insertJob(RECENT_JOB, "cv-recent", RECENT);
  const items = [
    { jobId: OLD_JOB, job: failover("cv-old", OLD) },
    { jobId: RECENT_JOB, job: failover("cv-recent", RECENT) },
  ];
  await t.db.$transaction((tx) => storeJobDetails(tx, items));
  // Phases reach the database staged with their jobs (storeJobs); these jobs were inserted by hand.
  await t.db.phase.createMany({
    data: items.flatMap(({ jobId, job }) =>
      (job.phases ?? []).map(({ key, order, ...p }) => ({
        ...p,
        jobId,
        vendorKey: key,
        sortOrder: order,
      })),
    ),
  });
});

afterAll(async () => {
  setDb(undefined);
  await t.drop();
});

describe("event storage", () => {
  it("gives backfilled months their own partitions, moving their rows out of the default one", async () => {
    // A fresh database has partitions from this month on: 500-day-old rows went to the default.
    const before = await eventPartitions(t.db);
    expect(before.some((p) => p.name === `"JobEvent_p${month(OLD)}"`)).toBe(false);

    const first = await runEventStorageUpkeep(t.db, t.url, { payloadRetentionDays: 3650 });
    expect(first?.created).toBeGreaterThanOrEqual(3);
    const rows = await t.db.$queryRaw<Array<{ tbl: string; n: number }>>`
      SELECT tableoid::regclass::text AS tbl, count(*)::int AS n FROM "JobEvent"
      WHERE "jobId" = ${OLD_JOB}::uuid GROUP BY 1
      UNION ALL SELECT tableoid::regclass::text, count(*)::int FROM "JobSample"
      WHERE "jobId" = ${OLD_JOB}::uuid GROUP BY 1
      UNION ALL SELECT tableoid::regclass::text, count(*)::int FROM "JobLogLine"
      WHERE "jobId" = ${OLD_JOB}::uuid GROUP BY 1 ORDER BY 1`;
    expect(rows).toEqual([
      { tbl: `"JobEvent_p${month(OLD)}"`, n: 3 },
      { tbl: `"JobLogLine_p${month(OLD)}"`, n: 2 },
      { tbl: `"JobSample_p${month(OLD)}"`, n: 3 },
    ]);

    // Idempotent: a second round (another worker, a restart) creates nothing.
    // A staged batch two hours old was left by a dead process; one staged now is a step in flight.
    await t.db.$executeRaw`
      INSERT INTO "JobStage" ("batchId", "vendorId", type, name, state, "vendorState", "searchText", "stagedAt")
      VALUES (gen_random_uuid(), 'dead', 'job', 'dead', 'running', 'running', '', CURRENT_TIMESTAMP - interval '2 hours'),
             (gen_random_uuid(), 'live', 'job', 'live', 'running', 'running', '', CURRENT_TIMESTAMP)`;
    await t.db.$executeRaw`
      INSERT INTO "PhaseStage" ("batchId", "vendorId", "vendorKey", name, state, "sortOrder", depth, "stagedAt")
      VALUES (gen_random_uuid(), 'dead', 'p', 'p', 'running', 0, 0, CURRENT_TIMESTAMP - interval '2 hours'),
             (gen_random_uuid(), 'live', 'p', 'p', 'running', 0, 0, CURRENT_TIMESTAMP)`;
    const second = await runEventStorageUpkeep(t.db, t.url, { payloadRetentionDays: 3650 }, now);
    expect(second?.created).toBe(0);
    expect(second?.abandonedStages).toBe(1);
    expect((await t.db.jobStage.findMany()).map((s) => s.vendorId)).toEqual(["live"]);
    expect((await t.db.phaseStage.findMany()).map((s) => s.vendorId)).toEqual(["live"]);
  });

  it("skips a round while another worker holds the upkeep", async () => {
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock(1701202612)");
      expect(await runEventStorageUpkeep(t.db, t.url, { payloadRetentionDays: 400 })).toBeNull();
    } finally {
      await other.end();
    }
  });

  it("drops raw payloads past retention and never the job, its phases, outcome or RTO", async () => {
    const reportBefore = await getEvidenceReport(OLD_JOB, t.db, now);
    const detailBefore = await getJobDetail(OLD_JOB, { allowedActions: [], refreshError: null });
    expect(reportBefore?.run.rtoMs).toBe(11 * MIN);
    expect(reportBefore?.run.outcome).toBeTruthy();
    expect(await rawCounts(OLD_JOB)).toEqual({ events: 3, withRaw: 3 });

    const out = await runEventStorageUpkeep(t.db, t.url, { payloadRetentionDays: 400 }, now);
    expect(out?.purged.rows).toBe(3);

    expect(await rawCounts(OLD_JOB)).toEqual({ events: 3, withRaw: 0 });
    expect(await rawCounts(RECENT_JOB)).toEqual({ events: 3, withRaw: 3 });
    expect(await getEvidenceReport(OLD_JOB, t.db, now)).toEqual(reportBefore);
    expect(await getJobDetail(OLD_JOB, { allowedActions: [], refreshError: null })).toEqual(
      detailBefore,
    );
    const job = await t.db.job.findUniqueOrThrow({ where: { id: OLD_JOB } });
    expect(job.raw).toEqual({ vendor: "record" });

    // Nothing left to purge: the next round changes no row.
    const again = await runEventStorageUpkeep(t.db, t.url, { payloadRetentionDays: 400 }, now);
    expect(again?.purged.rows).toBe(0);
  });

  it("keeps taking events, samples and log lines, at any time, once per key", async () => {
    const record = failover("cv-old", OLD);
    const more: JobRecord = {
      ...record,
      events: [
        ...(record.events ?? []),
        // Same key, another time: still the one event it was.
        { key: "e0", at: now, severity: "info", type: "phase", message: "re-timed", raw: null },
        { key: "late", at: now, severity: "warning", type: "note", message: "late", raw: {} },
        // Times outside every month partition land in the default one instead of failing.
        { key: "junk-past", at: new Date("1970-01-01T00:00:00Z"), ...note },
        { key: "junk-future", at: new Date("2199-01-01T00:00:00Z"), ...note },
        // A new key twice in one batch, at two times: one event, the first.
        { key: "twice", at: new Date(OLD.getTime() + MIN), ...note, message: "first" },
        { key: "twice", at: now, ...note, message: "second" },
      ],
      log: [
        { seq: 0, at: OLD, level: "INFO", text: "line 0" },
        { seq: 1, at: null, level: "WARN", text: "line 1 amended" },
      ],
    };
    await t.db.$transaction((tx) => storeJobDetails(tx, [{ jobId: OLD_JOB, job: more }]));
    await t.db.$transaction((tx) => storeJobDetails(tx, [{ jobId: OLD_JOB, job: more }]));

    const events = await t.db.jobEvent.findMany({
      where: { jobId: OLD_JOB },
      orderBy: { vendorKey: "asc" },
      select: { vendorKey: true, message: true },
    });
    expect(events.map((e) => e.vendorKey)).toEqual([
      "e0",
      "e1",
      "e2",
      "junk-future",
      "junk-past",
      "late",
      "twice",
    ]);
    expect(events[0]?.message).toBe("phase 0");
    expect(events[6]?.message).toBe("first");
    const placed = await t.db.$queryRaw<Array<{ key: string; tbl: string }>>`
      SELECT "vendorKey" AS key, tableoid::regclass::text AS tbl FROM "JobEvent"
      WHERE "jobId" = ${OLD_JOB}::uuid AND "vendorKey" IN ('junk-past', 'junk-future', 'late') ORDER BY 1`;
    expect(placed).toEqual([
      { key: "junk-future", tbl: '"JobEvent_default"' },
      { key: "junk-past", tbl: '"JobEvent_default"' },
      { key: "late", tbl: `"JobEvent_p${month(now)}"` },
    ]);
    expect(await listJobLog(OLD_JOB, { limit: 10 }, t.db)).toEqual([
      { seq: 0, at: new Date(OLD.getTime()).toISOString(), level: "INFO", text: "line 0" },
      { seq: 1, at: null, level: "WARN", text: "line 1 amended" },
    ]);
  });

  it("reads a job's events from one partition when bounded by time, and by index in each otherwise", async () => {
    await t.db.$executeRawUnsafe(`ANALYZE "JobEvent"`);
    const lo = new Date(Date.UTC(OLD.getUTCFullYear(), OLD.getUTCMonth(), 1)).toISOString();
    const bounded = await explain(
      `SELECT * FROM "JobEvent" WHERE "jobId" = '${OLD_JOB}' AND at >= '${lo}' AND at < '${OLD.toISOString()}'::timestamp + interval '1 day'`,
    );
    const scanned = [...bounded.matchAll(/on "?(JobEvent_\w+)"?/g)].map((m) => m[1]);
    expect(new Set(scanned)).toEqual(new Set([`JobEvent_p${month(OLD)}`]));

    // Unbounded, the planner cannot know which months hold the job: it probes every partition, and
    // the job page's newest-first read merges their (jobId, at) indexes (bench/partitions.ts times it).
    const unbounded = await explain(
      `SELECT * FROM "JobEvent" WHERE "jobId" = '${OLD_JOB}' ORDER BY at DESC LIMIT 500`,
    );
    const parts = await eventPartitions(t.db);
    for (const p of parts) expect(unbounded).toContain(p.name.replaceAll('"', ""));
  });
});
