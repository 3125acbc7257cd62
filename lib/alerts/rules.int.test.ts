import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWallSnapshot } from "@/lib/services/wall/load-wall";
import type { Db } from "@/lib/db/client";
import type { RunningWorker } from "@/lib/sync/worker";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { quietOntap } from "./testing/ontap-scenario";
import { createRule } from "./testing/rules";
import { startWorkers } from "./testing/workers";

/**
 * Each rule kind against a scripted ONTAP simulator, with two complete workers (sync and alerting)
 * sharing the database: the incident opens once, and resolves by itself when the condition clears.
 */
let t: TestDatabase;
let ontap: Awaited<ReturnType<typeof quietOntap>>;
let workers: RunningWorker[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  ontap = await quietOntap(t.db);
  workers = await startWorkers(t.db, t.url, 2);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await ontap.close();
  await t.drop();
});

const WAIT = { timeout: 45_000, interval: 200 };

async function incidents(db: Db, ruleId: string) {
  return db.incident.findMany({ where: { ruleId }, orderBy: { openedAt: "asc" } });
}

/** Starts a job now on the simulator and waits until the sync has stored it running. */
async function startJob(
  type: string,
  durationMs: number,
): Promise<{ vendorId: string; id: string }> {
  ontap.syncClock();
  const { vendorId } = (await ontap.sim("/__sim/jobs", { type, durationMs })) as {
    vendorId: string;
  };
  await ontap.pollNow();
  await expect
    .poll(async () => (await t.db.job.findFirst({ where: { vendorId } }))?.state, WAIT)
    .toBe("running");
  const job = await t.db.job.findFirstOrThrow({ where: { vendorId } });
  return { vendorId, id: job.id };
}

/** Moves the simulator's time on (jobs finish) and waits until the sync has stored `vendorId` in `state`. */
async function advanceUntil(ms: number, vendorId: string, state: string): Promise<void> {
  ontap.clock.advance(ms);
  await ontap.pollNow();
  await expect
    .poll(async () => (await t.db.job.findFirst({ where: { vendorId } }))?.state, WAIT)
    .toBe(state);
}

/** Past successful runs of the same series as `jobId` (same source, type, dataset), `ms` long each. */
async function seedBaseline(
  jobId: string,
  ms: number,
  runs: number,
  bytes: bigint | null = null,
): Promise<void> {
  const job = await t.db.job.findUniqueOrThrow({ where: { id: jobId } });
  const now = Date.now();
  await t.db.job.createMany({
    data: Array.from({ length: runs }, (_, i) => {
      const endedAt = new Date(now - 3_600_000 - i * 600_000);
      const startedAt = new Date(endedAt.getTime() - ms);
      return {
        sourceId: job.sourceId,
        kind: job.kind,
        vendorId: `past-${jobId}-${i}`,
        type: job.type,
        name: job.name,
        dataset: job.dataset,
        state: "succeeded" as const,
        vendorState: "success",
        startedAt,
        endedAt,
        sortAt: startedAt,
        raw: {},
        bytesDone: bytes,
        goneAt: endedAt,
      };
    }),
  });
}

async function expectOneResolved(ruleId: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (await incidents(t.db, ruleId)).map((i) => `${i.status} ${i.subject} ${i.detail}`),
      WAIT,
    )
    .toEqual([expect.stringMatching(/^resolved /)]);
}

async function disable(ruleId: string): Promise<void> {
  await t.db.alertRule.update({ where: { id: ruleId }, data: { enabled: false } });
}

describe("alert rules, evaluated by two workers", () => {
  it("job failed: one incident for the failing job, resolved when its next run succeeds", async () => {
    const ruleId = await createRule(t.db, {
      kind: "job_failed",
      name: "backups fail",
      sourceId: ontap.sourceId,
    });
    const first = await startJob("cluster-backup", 600_000);
    await ontap.sim(`/__sim/jobs/${first.vendorId}/fail`);
    await ontap.pollNow();
    await expect.poll(async () => (await incidents(t.db, ruleId)).length, WAIT).toBe(1);
    const [opened] = await incidents(t.db, ruleId);
    expect(opened).toMatchObject({ status: "open", jobId: first.id, kind: "job_failed" });
    // The wall's failures panel reads the same incident.
    const wall = await loadWallSnapshot({ sources: [], timelineHours: 6 }, t.db);
    expect(wall.failures.find((f) => f.id === first.id)?.incident).toMatchObject({
      id: opened?.id,
      status: "open",
    });
    expect(wall.incidents.map((i) => i.id)).toContain(opened?.id);

    // Evaluations keep running (timer and changes, on both workers): still one incident.
    const evaluated = Date.now();
    await expect
      .poll(
        async () =>
          (
            await t.db.incident.findUniqueOrThrow({ where: { id: opened?.id ?? "" } })
          ).lastSeenAt.getTime(),
        WAIT,
      )
      .toBeGreaterThan(evaluated + 600);
    expect(await incidents(t.db, ruleId)).toHaveLength(1);

    const second = await startJob("cluster-backup", 1_000);
    await advanceUntil(2_000, second.vendorId, "succeeded");
    await expectOneResolved(ruleId);
    await disable(ruleId);
  });

  it("job slow: opens while a run takes 3x its usual time, before the run ends, and resolves when it ends", async () => {
    const ruleId = await createRule(t.db, {
      kind: "job_slow",
      name: "backups slow",
      sourceId: ontap.sourceId,
      params: { minRuns: 3 },
    });
    const usualMs = 2_000;
    const job = await startJob("cluster-backup", usualMs * 3);
    await seedBaseline(job.id, usualMs, 5);

    await expect.poll(async () => (await incidents(t.db, ruleId)).length, WAIT).toBe(1);
    const [incident] = await incidents(t.db, ruleId);
    // Fired in flight: the job is still running at the vendor and in Jobdeck, past its p90 (2 s).
    const stored = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(stored.state).toBe("running");
    expect(stored.endedAt).toBeNull();
    expect(incident).toMatchObject({ status: "open", jobId: job.id, kind: "job_slow" });
    expect(
      (incident?.openedAt.getTime() ?? 0) - (stored.startedAt?.getTime() ?? 0),
    ).toBeGreaterThan(usualMs);
    expect(incident?.facts).toMatchObject({ limitMs: usualMs });

    await advanceUntil(usualMs * 3, job.vendorId, "succeeded");
    await expectOneResolved(ruleId);
    await disable(ruleId);
  });

  it("job short: opens when a run finishes in a fraction of its usual time, resolves after a normal run", async () => {
    // ONTAP reports whole seconds: a 0.1 s run reads as 0 or 1 s, well under half the series median (several seconds).
    const ruleId = await createRule(t.db, {
      kind: "job_short",
      name: "backups too fast",
      sourceId: ontap.sourceId,
      params: { durationRatio: 0.5 },
    });
    const quick = await startJob("cluster-backup", 100);
    await seedBaseline(quick.id, 10_000, 5);
    await advanceUntil(200, quick.vendorId, "succeeded");
    await expect.poll(async () => (await incidents(t.db, ruleId)).length, WAIT).toBe(1);
    expect((await incidents(t.db, ruleId))[0]).toMatchObject({ status: "open", jobId: quick.id });

    const normal = await startJob("cluster-backup", 10_000);
    await advanceUntil(10_500, normal.vendorId, "succeeded");
    await expectOneResolved(ruleId);
    await disable(ruleId);
  });

  it("RPO missed: opens when a group's last success is older than the rule's RPO, resolves on the next success", async () => {
    ontap.syncClock();
    const backup = await t.db.job.findFirstOrThrow({
      where: { sourceId: ontap.sourceId, state: "succeeded", name: "Cluster Backup Job" },
    });
    const ruleId = await createRule(t.db, {
      kind: "rpo_missed",
      name: "backup RPO",
      sourceId: ontap.sourceId,
      jobType: backup.type,
      params: { rpoMinutes: 0.1 },
    });
    // The group's last success (an earlier test's run) becomes older than the RPO (6 s).
    await expect
      .poll(
        async () =>
          (await incidents(t.db, ruleId)).map((i) => `${i.status} ${i.title} ${i.detail}`),
        WAIT,
      )
      .toEqual([expect.stringMatching(/^open /)]);

    const job = await startJob("cluster-backup", 200);
    await advanceUntil(500, job.vendorId, "succeeded");
    // Resolved by the new success (the RPO would run out again 6 s later: the first incident is the one checked).
    await expect
      .poll(async () => (await incidents(t.db, ruleId))[0]?.status, WAIT)
      .toBe("resolved");
    await disable(ruleId);
  });

  it("action stuck: opens when an accepted cancel leaves the job running two polls later, resolves when it stops", async () => {
    const ruleId = await createRule(t.db, {
      kind: "action_stuck",
      name: "cancel ignored",
      sourceId: ontap.sourceId,
    });
    const job = await startJob("cluster-backup", 600_000);
    // The audit row the action service writes when the vendor accepts a cancel; the appliance then ignores it.
    await t.db.action.create({
      data: {
        idempotencyKey: `stuck-${job.id}`,
        jobId: job.id,
        sourceId: ontap.sourceId,
        actor: "Op",
        action: "cancel",
        status: "succeeded",
        requestedAt: new Date(),
        completedAt: new Date(),
      },
    });
    await expect.poll(async () => (await incidents(t.db, ruleId)).length, WAIT).toBe(1);
    expect((await incidents(t.db, ruleId))[0]).toMatchObject({ status: "open", jobId: job.id });

    await ontap.sim(`/__sim/jobs/${job.vendorId}/fail`);
    await ontap.pollNow();
    await expectOneResolved(ruleId);
    await disable(ruleId);
  });

  it("source unhealthy: opens when polls fail for longer than N minutes, resolves on the next good poll", async () => {
    const ruleId = await createRule(t.db, {
      kind: "source_unhealthy",
      name: "ontap down",
      sourceId: ontap.sourceId,
      params: { forMinutes: 0.02 },
    });
    await ontap.sim("/__sim/faults", { kind: "status", status: 503 });
    await ontap.pollNow();
    // Stale while the first failing poll is still retrying, then failing once it has given up: one incident, updated.
    await expect
      .poll(async () => (await incidents(t.db, ruleId)).map((i) => i.title), WAIT)
      .toEqual(["alerts-ontap is failing"]);

    await ontap.sim("/__sim/faults", undefined, "DELETE");
    await ontap.pollNow();
    await expectOneResolved(ruleId);
    await disable(ruleId);
  });
});
