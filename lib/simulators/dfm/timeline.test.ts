import { describe, expect, it } from "vitest";
import { Rng } from "@/lib/simulators/engine/rng";
import { DATASETS } from "./catalog";
import { eventsAt } from "./events";
import { planJob } from "./plan";
import { jobAt, progressOf } from "./timeline";

const T0 = Date.UTC(2026, 10, 23, 12);
const dataset =
  DATASETS[0] ??
  (() => {
    throw new Error("no dataset");
  })();
const job = () =>
  planJob(
    { id: 6000, type: "remote_backup", dataset, startMs: T0, transferMs: 60_000, mishaps: false },
    new Rng(3),
  );

describe("DFM job timeline", () => {
  it("follows the progress diagram", () => {
    expect(progressOf(0, 0)).toBe("in_progress");
    expect(progressOf(1, 0)).toBe("success");
    expect(progressOf(0, 1)).toBe("failure");
    expect(progressOf(2, 1)).toBe("partial_success");
  });

  it("derives job-state from the timestamps and grows bytes during transfers", () => {
    const j = job();
    expect(jobAt(j, T0 - 1).state).toBe("queued");
    const a = jobAt(j, T0 + 20_000);
    const b = jobAt(j, T0 + 40_000);
    expect(a.state).toBe("running");
    expect(b.bytes > a.bytes).toBe(true);
    const end = jobAt(j, T0 + 3_600_000);
    expect(end).toMatchObject({ state: "completed", progress: "success" });
    expect(end.bytes).toBe(j.transfers.reduce((s, t) => s + t.bytes, 0n));
  });

  it("an injected failure after a success is partial_success; an abort lands after the delay", () => {
    const j = job();
    j.failedMs = T0 + 100_000;
    expect(jobAt(j, T0 + 200_000)).toMatchObject({
      state: "completed",
      progress: "partial_success",
    });
    const k = job();
    k.abortRequestedMs = T0 + 10_000;
    k.abortDoneMs = T0 + 40_000;
    expect(jobAt(k, T0 + 20_000).state).toBe("aborting");
    expect(jobAt(k, T0 + 50_000)).toMatchObject({ state: "aborted", completedMs: T0 + 40_000 });
    expect(eventsAt(k, T0 + 50_000).map((e) => e.type)).toContain("job-abort");
  });

  it("keeps event ids stable as history grows", () => {
    const j = job();
    const early = eventsAt(j, T0 + 30_000);
    const late = eventsAt(j, T0 + 3_600_000);
    expect(late.slice(0, early.length).map((e) => e.id)).toEqual(early.map((e) => e.id));
    expect(late.at(-1)?.type).toBe("job-end");
  });
});
