import { describe, expect, it } from "vitest";
import {
  buildBaselines,
  estimateFinish,
  isOutlier,
  median,
  percentile,
  phaseSignatures,
  type PastRun,
} from "./baselines";

const MIN = 60_000;
const t = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, 0) + minutes * MIN);

describe("percentile and median", () => {
  it("interpolates between closest ranks", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(91);
    expect(percentile([7], 0.9)).toBe(7);
  });
  it("has no answer without values", () => {
    expect(median([])).toBeNull();
  });
});

describe("phaseSignatures", () => {
  it("matches phases by lane, ancestry, name and repeat, not by vendor key", () => {
    const sig = phaseSignatures([
      { key: "9-1:1:0", parentKey: null, lane: "vm1", name: "Backup" },
      { key: "9-1:1:1", parentKey: null, lane: "vm1", name: "Backup" },
      { key: "x", parentKey: null, lane: null, name: "Failover" },
      { key: "y", parentKey: "x", lane: null, name: "Move shares" },
    ]);
    expect(sig.get("9-1:1:0")).toBe("vm1|Backup#0");
    expect(sig.get("9-1:1:1")).toBe("vm1|Backup#1");
    expect(sig.get("y")).toBe("|Failover/Move shares#0");
  });
  it("survives a parent cycle", () => {
    const sig = phaseSignatures([
      { key: "a", parentKey: "b", lane: null, name: "A" },
      { key: "b", parentKey: "a", lane: null, name: "B" },
    ]);
    expect(sig.get("a")).toBe("|B/A#0");
  });
});

const run = (startMin: number, copyMin: number, verifyMin: number): PastRun => ({
  startedAt: t(startMin),
  endedAt: t(startMin + copyMin + verifyMin),
  phases: [
    {
      key: `r${startMin}-c`,
      parentKey: null,
      lane: null,
      name: "Copy",
      startedAt: t(startMin),
      endedAt: t(startMin + copyMin),
    },
    {
      key: `r${startMin}-v`,
      parentKey: null,
      lane: null,
      name: "Verify",
      startedAt: t(startMin + copyMin),
      endedAt: t(startMin + copyMin + verifyMin),
    },
  ],
});

describe("buildBaselines", () => {
  it("takes median, p90 and median end offset per phase and for the job", () => {
    const b = buildBaselines([run(0, 10, 2), run(100, 20, 4), run(200, 30, 6)]);
    expect(b.runs).toBe(3);
    expect(b.job).toEqual({
      medianMs: 24 * MIN,
      p90Ms: 33.6 * MIN,
      medianEndOffsetMs: 24 * MIN,
      runs: 3,
    });
    expect(b.phases["|Copy#0"]).toEqual({
      medianMs: 20 * MIN,
      p90Ms: 28 * MIN,
      medianEndOffsetMs: 20 * MIN,
      runs: 3,
      // Copy starts each run and ends it at 10 / 12 of its length.
      startShares: [0, 0, 0],
      endShares: [10 / 12, 10 / 12, 10 / 12],
    });
    expect(b.phases["|Verify#0"]?.medianEndOffsetMs).toBe(24 * MIN);
  });
  it("is empty without history", () => {
    expect(buildBaselines([])).toEqual({ runs: 0, job: null, jobDurationsMs: [], phases: {} });
  });
});

describe("isOutlier", () => {
  const b = { medianMs: 10, p90Ms: 12, medianEndOffsetMs: 10, runs: 5 };
  it("flags durations past both p90 and 1.5× the median", () => {
    expect(isOutlier(16, b)).toBe(true);
    expect(isOutlier(14, b)).toBe(false);
    expect(isOutlier(null, b)).toBe(false);
  });
  it("needs three runs of history", () => {
    expect(isOutlier(100, { ...b, runs: 2 })).toBe(false);
  });
});

describe("estimateFinish", () => {
  // Runs of 12, 24 and 36 minutes (Copy 10/20/30, Verify 2/4/6); five runs add 48 and 60.
  const history = buildBaselines([run(0, 10, 2), run(100, 20, 4), run(200, 30, 6)]);
  const longer = buildBaselines([
    run(0, 10, 2),
    run(100, 20, 4),
    run(200, 30, 6),
    run(300, 40, 8),
    run(400, 50, 10),
  ]);
  const phase = (
    name: string,
    state: "running" | "succeeded" | "queued",
    start: number | null,
    end: number | null,
  ) => ({
    key: name,
    parentKey: null,
    lane: null,
    name,
    state,
    startedAt: start === null ? null : t(1000 + start),
    endedAt: end === null ? null : t(1000 + end),
  });
  const running = { state: "running" as const, startedAt: t(1000) };
  it("uses the median past run length, with a spread covering every past run and a margin for few runs", () => {
    const eta = estimateFinish(
      running,
      [phase("Copy", "running", 0, null), phase("Verify", "queued", null, null)],
      history,
      t(1005).getTime(),
    );
    // 24 min; the farthest run is 12 min away, widened by a third for three runs.
    expect(eta).toEqual({ at: t(1024).getTime(), plusMinusMs: 16 * MIN });
  });
  it("moves out as the run outlives the quick runs, instead of sticking at now", () => {
    const eta = estimateFinish(running, [], longer, t(1030).getTime());
    // Still going at 30 min: only the 36, 48 and 60 minute runs are like it.
    expect(eta).toEqual({ at: t(1048).getTime(), plusMinusMs: 16 * MIN });
  });
  it("is never before its running phase's median says it ends", () => {
    const eta = estimateFinish(
      running,
      [phase("Copy", "succeeded", 0, 22), phase("Verify", "running", 22, null)],
      history,
      t(1023).getTime(),
    );
    expect(eta?.at).toBe(t(1026).getTime());
  });
  it("reads how far through the run it is from a phase boundary its history knows", () => {
    // Copy ended 15 min in; in every past run Copy ends at 10 / 12 of the run: an 18-minute run,
    // which the lengths alone (median 24 of the runs still going at 15 min) would miss.
    const eta = estimateFinish(
      running,
      [phase("Copy", "succeeded", 0, 15), phase("Verify", "running", 15, null)],
      history,
      t(1015).getTime(),
    );
    // Weighted by the boundary's share (10 / 12): 18 × 5/6 + 24 × 1/6 = 19 min.
    expect(eta?.at).toBe(t(1019).getTime());
    // Lengths-only would have said 24 min.
    const withoutPhases = estimateFinish(running, [], history, t(1015).getTime());
    expect(withoutPhases?.at).toBe(t(1024).getTime());
  });
  it("ignores a boundary fewer than three past runs share", () => {
    const thin = buildBaselines([
      run(0, 10, 2),
      run(100, 20, 4),
      { startedAt: t(200), endedAt: t(236), phases: [] },
    ]);
    const eta = estimateFinish(
      running,
      [phase("Copy", "succeeded", 0, 15), phase("Verify", "running", 15, null)],
      thin,
      t(1015).getTime(),
    );
    expect(eta?.at).toBe(t(1024).getTime());
  });
  it("past every run of its history, ends after now with a modest spread", () => {
    const eta = estimateFinish(running, [], longer, t(1070).getTime());
    expect(eta).toEqual({ at: t(1085).getTime(), plusMinusMs: 1.5 * MIN });
  });
  it("says nothing with fewer than three past runs, or for a finished job", () => {
    expect(estimateFinish(running, [], buildBaselines([]), t(1001).getTime())).toBeNull();
    expect(
      estimateFinish(
        running,
        [],
        buildBaselines([run(0, 10, 2), run(100, 20, 4)]),
        t(1001).getTime(),
      ),
    ).toBeNull();
    expect(
      estimateFinish({ state: "succeeded", startedAt: t(1000) }, [], history, t(1001).getTime()),
    ).toBeNull();
  });
});
