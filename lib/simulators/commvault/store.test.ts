import { describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/simulators/engine/clock";
import { statusAt } from "./job";
import { scenarioSchema } from "./options";
import { DrJobStore } from "./store";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const make = (scenario: Record<string, unknown> = {}, seed = 5) => {
  const clock = new ManualClock(NOW);
  const store = new DrJobStore(clock, seed, scenarioSchema.parse(scenario));
  store.advance();
  return { clock, store };
};
const snapshot = (store: DrJobStore, now: number) =>
  store
    .list()
    .map((j) => [j.jobId, j.type, j.group.id, statusAt(j, now), j.pairs.map((p) => p.phases)]);

describe("DrJobStore", () => {
  it("is a pure function of seed and clock", () => {
    expect(snapshot(make().store, NOW)).toEqual(snapshot(make().store, NOW));
    expect(snapshot(make({}, 6).store, NOW)).not.toEqual(snapshot(make().store, NOW));
  });

  it("starts with weeks of mixed history plus running and queued work, within retention", () => {
    const { store } = make();
    const jobs = store.list();
    const statuses = new Set(jobs.map((j) => statusAt(j, NOW)));
    for (const s of [
      "Waiting",
      "Running",
      "Completed",
      "Completed w/ one or more errors",
      "Failed",
      "Killed",
    ])
      expect(statuses).toContain(s);
    expect(new Set(jobs.map((j) => j.type)).size).toBe(4);
    const starts = jobs.map((j) => j.startAt);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(NOW - 21 * 86_400_000);
    expect(Math.min(...starts)).toBeLessThan(NOW - 14 * 86_400_000);
    expect(new Set(jobs.map((j) => j.jobId)).size).toBe(jobs.length);
  });

  it("keeps producing jobs and drops those past retention", () => {
    const { store, clock } = make({ historyMs: 86_400_000 });
    const before = store.list();
    clock.advance(12 * 3_600_000);
    store.advance();
    const after = store.list();
    expect(Math.max(...after.map((j) => j.jobId))).toBeGreaterThan(
      Math.max(...before.map((j) => j.jobId)),
    );
    expect(after.every((j) => j.startAt >= clock.now() - 86_400_000)).toBe(true);
    expect(after.some((j) => j.jobId === before[0]?.jobId)).toBe(false);
  });

  it("gives every spawned job the fixed RTO when the scenario sets one", () => {
    const { store } = make({ fixedRtoMs: 600_000 });
    for (const job of store.list()) {
      for (const pair of job.pairs)
        expect(pair.phases.find((p) => p.code === 32)?.endMs).toBe(600_000);
    }
  });
});
