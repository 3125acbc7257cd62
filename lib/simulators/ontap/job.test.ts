import { describe, expect, it } from "vitest";
import { findKind, type JobKind } from "./catalogue";
import { applyAction, endAt, failNow, viewAt, type Outcome, type SimJob } from "./job";

const CANCELLED: Outcome = {
  state: "failure",
  code: 459753,
  message: "Job canceled by user request.",
};

function kind(key: string): JobKind {
  const found = findKind(key);
  if (!found) throw new Error(`no kind ${key}`);
  return found;
}

function job(key: string, overrides: Partial<SimJob> = {}): SimJob {
  return {
    uuid: "b5145e1d-b53b-11e8-8252-005056bbd8f5",
    kind: kind(key),
    description: kind(key).label,
    svm: { name: "svm_prod", uuid: "02c9e252-41be-11e9-81d5-00a0986138f7" },
    node: "cluster1-01",
    createdAt: 0,
    startAt: 10_000,
    workMs: 100_000,
    planned: { state: "success", code: 0, message: "Complete: Successful" },
    pauses: [],
    forced: null,
    ...overrides,
  };
}

describe("viewAt", () => {
  it("queues, runs with a progress message, then ends with the planned outcome", () => {
    const j = job("volume-move");
    expect(viewAt(j, 5_000)).toMatchObject({ state: "queued", startTime: null, endTime: null });
    expect(viewAt(j, 60_000)).toMatchObject({
      state: "running",
      message: "Replicating data: 50% complete",
      code: 0,
    });
    expect(viewAt(j, 110_000)).toMatchObject({
      state: "success",
      message: "Complete: Successful",
      endTime: 110_000,
      error: null,
    });
  });

  it("mirrors a failure's message and code into error, with the code as a string", () => {
    const j = job("volume-move", {
      planned: { state: "failure", code: 13303812, message: "out of space" },
    });
    expect(viewAt(j, 200_000)).toMatchObject({
      state: "failure",
      code: 13303812,
      error: { code: "13303812", message: "out of space" },
    });
  });
});

describe("applyAction", () => {
  it("pauses a running job, holds it open-ended, and resuming pushes the end out by the pause", () => {
    const j = job("volume-move");
    expect(applyAction(j, "pause", 30_000, CANCELLED)).toBeNull();
    expect(viewAt(j, 500_000).state).toBe("paused");
    expect(endAt(j)).toBeNull();
    expect(applyAction(j, "resume", 70_000, CANCELLED)).toBeNull();
    expect(endAt(j)).toBe(150_000);
    expect(viewAt(j, 149_000).state).toBe("running");
  });

  it("answers each documented refusal code", () => {
    const running = job("volume-move");
    expect(applyAction(running, "resume", 30_000, CANCELLED)?.code).toBe("458771");
    expect(applyAction(job("volume-move"), "pause", 5_000, CANCELLED)?.code).toBe("458776");
    expect(applyAction(job("cluster-backup"), "pause", 30_000, CANCELLED)?.code).toBe("458783");
    expect(applyAction(job("app-snapshot"), "cancel", 30_000, CANCELLED)?.code).toBe("458784");
    expect(applyAction(job("volume-move"), "cancel", 500_000, CANCELLED)?.code).toBe("458762");
    expect(applyAction(job("volume-move"), "resume", 5_000, CANCELLED)?.code).toBe("458776");
  });

  it("ends a cancelled job now with the scenario's outcome, even when paused", () => {
    const j = job("snapmirror-initialize");
    applyAction(j, "pause", 20_000, CANCELLED);
    expect(applyAction(j, "cancel", 40_000, CANCELLED)).toBeNull();
    expect(viewAt(j, 40_000)).toMatchObject({
      state: "failure",
      message: CANCELLED.message,
      endTime: 40_000,
    });
  });
});

describe("failNow", () => {
  it("fails only a running job", () => {
    expect(failNow(job("volume-move"), 5_000)).toBe(false);
    const j = job("volume-move");
    expect(failNow(j, 20_000)).toBe(true);
    expect(viewAt(j, 20_000)).toMatchObject({ state: "failure", endTime: 20_000 });
  });
});
