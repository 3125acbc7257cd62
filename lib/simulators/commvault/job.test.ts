import { describe, expect, it } from "vitest";
import { endAt, pairPhasesAt, percentAt, statusAt, wallAt, type SimJob } from "./job";

const T0 = 1_000_000_000_000;

function at<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}
const s = (n: number) => n * 1000;

function job(over: Partial<SimJob> = {}): SimJob {
  const pair = (id: number, fails: boolean) => ({
    replicationId: id,
    clientId: 100 + id,
    clientName: `vm${id}`,
    phases: [
      { code: 15, startMs: 0, endMs: s(10), fails: false },
      { code: 7, startMs: s(10), endMs: s(60), fails },
    ],
  });
  return {
    jobId: 1,
    type: "planned-failover",
    group: { id: 40, name: "G", pairs: [] },
    user: "admin",
    startAt: T0,
    pairs: [pair(1, false), pair(2, false)],
    pauses: [],
    killedAt: null,
    killedBy: null,
    failedAt: null,
    failReason: null,
    ...over,
  };
}

describe("DR job timeline", () => {
  it("waits, runs phase by phase and completes", () => {
    const j = job();
    expect(statusAt(j, T0 - 1)).toBe("Waiting");
    expect(pairPhasesAt(j, at(j.pairs, 0), T0 + s(5))).toEqual([
      { code: 15, start: T0, end: null, failed: false },
    ]);
    expect(statusAt(j, T0 + s(30))).toBe("Running");
    expect(percentAt(j, T0 + s(30))).toBe(50);
    expect(statusAt(j, T0 + s(60))).toBe("Completed");
    expect(endAt(j, T0 + s(90))).toBe(T0 + s(60));
  });

  it("reports one failed pair as completed with errors and all failed as failed", () => {
    const one = job();
    const second = at(one.pairs, 1);
    second.phases = second.phases.map((p) => ({ ...p, fails: p.code === 7 }));
    expect(statusAt(one, T0 + s(61))).toBe("Completed w/ one or more errors");
    const all = job();
    for (const p of all.pairs) p.phases = p.phases.map((x) => ({ ...x, fails: x.code === 7 }));
    expect(statusAt(all, T0 + s(61))).toBe("Failed");
  });

  it("holds the timeline while suspended and shifts it by the pause afterwards", () => {
    const j = job({ pauses: [{ from: T0 + s(20), to: null }] });
    expect(statusAt(j, T0 + s(500))).toBe("Suspended");
    expect(wallAt(j, s(60))).toBe(Number.POSITIVE_INFINITY);
    at(j.pauses, 0).to = T0 + s(120);
    expect(wallAt(j, s(60))).toBe(T0 + s(160));
    expect(statusAt(j, T0 + s(159))).toBe("Running");
    expect(statusAt(j, T0 + s(160))).toBe("Completed");
  });

  it("ends the running phase with status failed at the kill and stops there", () => {
    const j = job({ killedAt: T0 + s(30), killedBy: "admin" });
    expect(statusAt(j, T0 + s(29))).toBe("Running");
    expect(statusAt(j, T0 + s(31))).toBe("Killed");
    expect(pairPhasesAt(j, at(j.pairs, 0), T0 + s(99)).at(-1)).toEqual({
      code: 7,
      start: T0 + s(10),
      end: T0 + s(30),
      failed: true,
    });
    expect(endAt(j, T0 + s(99))).toBe(T0 + s(30));
  });
});
