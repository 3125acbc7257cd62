import { describe, expect, it } from "vitest";
import type { JobSummary } from "@/lib/contracts/jobs";
import type { WallSnapshot } from "@/lib/contracts/wall";
import { applyJobsToWall, mergeWallPatch } from "./wall-patch";

const job = (id: string, over: Partial<JobSummary> = {}): JobSummary => ({
  id,
  sourceId: "s1",
  sourceName: "ontap",
  kind: "ontap",
  vendorId: id,
  type: "snapmirror",
  name: `job ${id}`,
  state: "running",
  vendorState: "running",
  progress: 10,
  bytesDone: null,
  bytesTotal: null,
  throughputBps: null,
  startedAt: "2026-12-01T10:00:00.000Z",
  endedAt: null,
  sortAt: "2026-12-01T10:00:00.000Z",
  submittedBy: null,
  dataset: "vol1",
  policy: null,
  cluster: null,
  drGroup: null,
  message: null,
  goneAt: null,
  updatedAt: "2026-12-01T10:00:00.000Z",
  ...over,
});

const snapshot = (): WallSnapshot => ({
  generatedAt: "2026-12-01T11:00:00.000Z",
  sources: [
    {
      id: "s1",
      name: "ontap",
      kind: "ontap",
      enabled: true,
      pollIntervalMs: 5000,
      lastSuccessAgoMs: 1000,
      lastError: null,
      lastErrorAgoMs: null,
      consecutiveFailures: 0,
      runningJobs: 1,
      registeredAgoMs: 60_000,
    },
  ],
  running: [
    {
      id: "r1",
      sourceId: "s1",
      sourceName: "ontap",
      kind: "ontap",
      name: "job r1",
      state: "running",
      startedAt: "2026-12-01T10:00:00.000Z",
      endedAt: null,
      sortAt: "2026-12-01T10:00:00.000Z",
      progress: 10,
      dataset: "vol1",
      eta: { at: "2026-12-01T12:00:00.000Z", plusMinusMs: 60_000 },
    },
  ],
  queuedCount: 0,
  failures: [
    {
      id: "f1",
      sourceId: "s1",
      sourceName: "ontap",
      kind: "ontap",
      name: "nightly",
      state: "failed",
      startedAt: "2026-12-01T09:00:00.000Z",
      endedAt: "2026-12-01T09:10:00.000Z",
      sortAt: "2026-12-01T09:00:00.000Z",
      message: "quota",
      recoveredAt: null,
      incident: null,
    },
  ],
  incidents: [],
  readiness: [],
  timeline: {
    from: "2026-12-01T05:00:00.000Z",
    to: "2026-12-01T11:00:00.000Z",
    density: null,
    jobs: [
      {
        id: "r1",
        sourceId: "s1",
        sourceName: "ontap",
        name: "job r1",
        state: "running",
        startedAt: "2026-12-01T10:00:00.000Z",
        endedAt: null,
      },
    ],
  },
});

describe("applyJobsToWall", () => {
  it("patches a running job's progress in place, keeping its ETA, and re-reads nothing", () => {
    const snap = snapshot();
    const { next, reread } = applyJobsToWall(snap, [job("r1", { progress: 55 })]);
    expect([...reread]).toEqual([]);
    expect(next.running[0]?.progress).toBe(55);
    expect(next.running[0]?.eta).toEqual(snap.running[0]?.eta);
  });

  it("a running job that fails re-reads running, sources, failures and incidents, and recolours its bar", () => {
    const { next, reread } = applyJobsToWall(snapshot(), [
      job("r1", { state: "failed", endedAt: "2026-12-01T10:30:00.000Z" }),
    ]);
    expect([...reread].sort()).toEqual(["failures", "incidents", "running", "sources"]);
    expect(next.timeline.jobs[0]?.state).toBe("failed");
    expect(next.timeline.jobs[0]?.endedAt).toBe("2026-12-01T10:30:00.000Z");
    // The running row stays until the re-read replaces the list.
    expect(next.running[0]?.state).toBe("running");
  });

  it("a new job starting re-reads running, sources and timeline", () => {
    const { next, reread } = applyJobsToWall(snapshot(), [job("n1")]);
    expect([...reread].sort()).toEqual(["running", "sources", "timeline"]);
    expect(next).toEqual(snapshot());
  });

  it("a success of a failed job's name re-reads failures (it may clear the failure)", () => {
    const { reread } = applyJobsToWall(snapshot(), [
      job("s9", {
        name: "nightly",
        state: "succeeded",
        startedAt: "2026-12-01T04:00:00.000Z",
        endedAt: "2026-12-01T04:10:00.000Z",
      }),
    ]);
    expect(reread.has("failures")).toBe(true);
    expect(reread.has("timeline")).toBe(false);
  });

  it("a finished readiness check re-reads readiness", () => {
    const { reread } = applyJobsToWall(snapshot(), [
      job("e1", {
        kind: "eyeglass",
        type: "readiness",
        state: "succeeded",
        endedAt: "2026-12-01T10:50:00.000Z",
      }),
    ]);
    expect(reread.has("readiness")).toBe(true);
  });
});

describe("mergeWallPatch", () => {
  it("replaces the parts read and ages the sources not read by the time between reads", () => {
    const merged = mergeWallPatch(snapshot(), {
      generatedAt: "2026-12-01T11:00:30.000Z",
      running: [],
      queuedCount: 4,
    });
    expect(merged.running).toEqual([]);
    expect(merged.queuedCount).toBe(4);
    expect(merged.failures).toEqual(snapshot().failures);
    expect(merged.generatedAt).toBe("2026-12-01T11:00:30.000Z");
    expect(merged.sources[0]?.lastSuccessAgoMs).toBe(31_000);
    expect(merged.sources[0]?.registeredAgoMs).toBe(90_000);
    expect(merged.sources[0]?.lastErrorAgoMs).toBeNull();
  });

  it("takes re-read sources as they are", () => {
    const [first] = snapshot().sources;
    if (!first) throw new Error("fixture has a source");
    const fresh = { ...first, lastSuccessAgoMs: 200 };
    const merged = mergeWallPatch(snapshot(), {
      generatedAt: "2026-12-01T11:00:30.000Z",
      sources: [fresh],
    });
    expect(merged.sources).toEqual([fresh]);
  });
});
