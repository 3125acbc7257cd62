import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJobBaseline } from "@/lib/data/baselines";
import { readEtaPhases } from "@/lib/data/wall";
import { setDb } from "@/lib/db/client";
import { estimateFinish } from "@/lib/domain/baselines";
import { isFailure } from "@/lib/domain/job-state";
import { pollSource } from "@/lib/sync/poll-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { loadWallParts, loadWallSnapshot } from "./load-wall";

let t: TestDatabase;
const fixtures: SimulatedSourceFixture[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  for (const kind of ["ontap", "eyeglass"] as const) {
    const fx = await startSimulatedSource(t.db, kind, { name: `${kind}-wall`, seed: 7 });
    fixtures.push(fx);
    const row = await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } });
    expect((await pollSource(t.db, row)).ok).toBe(true);
  }
});

afterAll(async () => {
  await Promise.all(fixtures.map((f) => f.close()));
  setDb(undefined);
  await t.drop();
});

describe("loadWallSnapshot over real synced simulators", () => {
  it("reads every panel from what the sync stored", async () => {
    const now = new Date();
    const snap = await loadWallSnapshot({ sources: [], timelineHours: 6, now }, t.db);
    expect(snap.generatedAt).toBe(now.toISOString());
    expect(snap.sources.map((s) => s.name)).toEqual(["eyeglass-wall", "ontap-wall"]);
    for (const s of snap.sources) {
      expect(s.consecutiveFailures).toBe(0);
      expect(s.lastSuccessAgoMs).not.toBeNull();
      expect(s.lastSuccessAgoMs ?? Infinity).toBeLessThan(60_000);
    }
    const stored = await t.db.job.count({
      where: { state: { in: ["running", "paused", "aborting"] }, goneAt: null },
    });
    expect(snap.running).toHaveLength(Math.min(stored, 60));
    expect(snap.running.every((j) => ["running", "paused", "aborting"].includes(j.state))).toBe(
      true,
    );
    expect(snap.sources.reduce((n, s) => n + s.runningJobs, 0)).toBe(stored);
    const dayAgo = now.getTime() - 86_400_000;
    expect(
      snap.failures.every((f) => isFailure(f.state) && Date.parse(f.endedAt ?? f.sortAt) >= dayAgo),
    ).toBe(true);
    const from = Date.parse(snap.timeline.from);
    expect(
      snap.timeline.jobs.every(
        (j) => j.startedAt !== null && (j.endedAt === null || Date.parse(j.endedAt) >= from),
      ),
    ).toBe(true);
  });

  it("shows each Eyeglass zone's latest readiness result", async () => {
    const snap = await loadWallSnapshot({ sources: ["eyeglass"], timelineHours: 6 }, t.db);
    expect(snap.readiness.length).toBeGreaterThan(0);
    const latest = await t.db.job.findFirstOrThrow({
      where: { type: "readiness", endedAt: { not: null } },
      orderBy: [{ endedAt: "desc" }, { id: "desc" }],
      include: { phases: { where: { depth: 0 } } },
    });
    for (const zone of latest.phases) {
      const shown = snap.readiness.find((r) => r.zone === zone.name);
      expect(shown, zone.name).toMatchObject({ jobId: latest.id, state: zone.state });
    }
  });

  it("narrows every panel to the sources the screen asked for", async () => {
    const snap = await loadWallSnapshot({ sources: ["ontap"], timelineHours: 6 }, t.db);
    expect(snap.sources.map((s) => s.kind)).toEqual(["ontap"]);
    expect(snap.readiness).toEqual([]);
    for (const job of [...snap.running, ...snap.failures]) expect(job.kind).toBe("ontap");
    const ontap = new Set(snap.sources.map((s) => s.id));
    for (const job of snap.timeline.jobs) expect(ontap.has(job.sourceId)).toBe(true);
  });

  it("leaves archived sources off the wall, with their history kept", async () => {
    const archived = await t.db.source.create({
      data: {
        kind: "ontap",
        name: "ontap-retired",
        baseUrl: "http://retired.example",
        archivedAt: new Date(),
      },
    });
    try {
      const snap = await loadWallSnapshot({ sources: [], timelineHours: 6 }, t.db);
      expect(snap.sources.map((s) => s.name)).toEqual(["eyeglass-wall", "ontap-wall"]);
    } finally {
      await t.db.source.delete({ where: { id: archived.id } });
    }
  });

  it("reads only the parts asked for, each equal to the same part of the whole snapshot", async () => {
    const now = new Date();
    const whole = await loadWallSnapshot({ sources: [], timelineHours: 6, now }, t.db);
    const patch = await loadWallParts(
      { sources: [], timelineHours: 6, now },
      ["running", "timeline"],
      t.db,
    );
    expect(Object.keys(patch).sort()).toEqual([
      "generatedAt",
      "queuedCount",
      "running",
      "timeline",
    ]);
    expect(patch.running).toEqual(whole.running);
    expect(patch.queuedCount).toBe(whole.queuedCount);
    expect(patch.timeline).toEqual(whole.timeline);
    const failures = await loadWallParts(
      { sources: [], timelineHours: 6, now },
      ["failures"],
      t.db,
    );
    expect(Object.keys(failures).sort()).toEqual(["failures", "generatedAt"]);
    expect(failures.failures).toEqual(whole.failures);
  });

  it("shows each running job the ETA its job page shows, from the same past runs", async () => {
    // A running job's kind gets fifteen past runs, the older five far longer: an estimate from only
    // the newest ten (as the wall once read) differs from the job page's, which reads twenty.
    const running = await t.db.job.findFirstOrThrow({
      where: { state: "running", startedAt: { not: null } },
      orderBy: [{ sortAt: "desc" }, { id: "desc" }],
    });
    const hour = 3_600_000;
    const base = Date.now() - 20 * hour;
    await t.db.job.createMany({
      data: Array.from({ length: 15 }, (_, i) => {
        const startedAt = new Date(base + i * hour);
        const lengthMs = i < 5 ? 50 * 60_000 : (5 + i) * 60_000;
        return {
          sourceId: running.sourceId,
          kind: running.kind,
          vendorId: `wall-eta-history-${i}`,
          type: running.type,
          name: running.name,
          policy: running.policy,
          dataset: running.dataset,
          drGroup: running.drGroup,
          state: "succeeded" as const,
          vendorState: "success",
          startedAt,
          endedAt: new Date(startedAt.getTime() + lengthMs),
          sortAt: startedAt,
          raw: {},
        };
      }),
    });
    const now = new Date();
    const snap = await loadWallSnapshot({ sources: [], timelineHours: 6, now }, t.db);
    const shown = snap.running.find((j) => j.id === running.id);
    const baseline = await getJobBaseline(running.id, t.db);
    if (!shown || !baseline) throw new Error("the running job is not on the wall");
    expect(baseline.runs).toBeGreaterThanOrEqual(15);
    const phases = await readEtaPhases(running.id, t.db);
    const eta = estimateFinish(
      { state: running.state, startedAt: running.startedAt },
      phases.map(({ vendorKey, ...p }) => ({ key: vendorKey, ...p })),
      baseline,
      now.getTime(),
    );
    expect(eta).not.toBeNull();
    expect(shown.eta).toEqual(
      eta && { at: new Date(eta.at).toISOString(), plusMinusMs: eta.plusMinusMs },
    );
  });
});
