import { describe, expect, it } from "vitest";
import { MAX_POLL_GAP_MS, nextPollDelayMs } from "./cadence";

const src = {
  kind: "spp" as const,
  pollIntervalMs: 15_000,
  fastPollIntervalMs: 3_000,
  consecutiveFailures: 0,
};
const top = () => 1;
const bottom = () => 0;

describe("nextPollDelayMs", () => {
  it("polls fast while jobs run and at the normal pace when idle", () => {
    expect(nextPollDelayMs(src, true)).toBe(3_000);
    expect(nextPollDelayMs(src, false)).toBe(15_000);
  });
  it("backs off exponentially with jitter on failures, capped at the kind's ceiling", () => {
    expect(nextPollDelayMs({ ...src, consecutiveFailures: 1 }, true, top)).toBe(15_000);
    expect(nextPollDelayMs({ ...src, consecutiveFailures: 2 }, true, top)).toBe(30_000);
    expect(nextPollDelayMs({ ...src, consecutiveFailures: 3 }, false, top)).toBe(60_000);
    expect(nextPollDelayMs({ ...src, consecutiveFailures: 3 }, false, bottom)).toBe(45_000);
    expect(nextPollDelayMs({ ...src, consecutiveFailures: 30 }, false, top)).toBe(
      MAX_POLL_GAP_MS.spp,
    );
  });
  it("never leaves an ONTAP source unpolled long enough for ONTAP to delete a finished job (~300 s)", () => {
    const daily = { ...src, kind: "ontap" as const, pollIntervalMs: 86_400_000 };
    expect(nextPollDelayMs(daily, false)).toBeLessThanOrEqual(60_000);
    expect(nextPollDelayMs({ ...daily, consecutiveFailures: 30 }, false, top)).toBeLessThanOrEqual(
      60_000,
    );
    expect(MAX_POLL_GAP_MS.ontap * 2).toBeLessThan(300_000);
  });
});
