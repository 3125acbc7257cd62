import { describe, expect, it } from "vitest";
import { nextPollDelayMs } from "./cadence";

const src = { pollIntervalMs: 15_000, fastPollIntervalMs: 3_000, consecutiveFailures: 0 };

describe("nextPollDelayMs", () => {
  it("polls fast while jobs run and at the normal pace when idle", () => {
    expect(nextPollDelayMs(src, true)).toBe(3_000);
    expect(nextPollDelayMs(src, false)).toBe(15_000);
  });
  it("backs off exponentially on failures, capped at five minutes", () => {
    expect(nextPollDelayMs({ ...src, consecutiveFailures: 1 }, true)).toBe(15_000);
    expect(nextPollDelayMs({ ...src, consecutiveFailures: 2 }, true)).toBe(30_000);
    expect(nextPollDelayMs({ ...src, consecutiveFailures: 3 }, false)).toBe(60_000);
    expect(nextPollDelayMs({ ...src, consecutiveFailures: 30 }, false)).toBe(300_000);
  });
});
