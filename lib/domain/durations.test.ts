import { describe, expect, it } from "vitest";
import { elapsedMs, formatDuration } from "./durations";

describe("elapsedMs", () => {
  const t = (s: number) => new Date(s * 1000);
  it("measures to the end, or to now while running, and is null before start", () => {
    expect(elapsedMs(t(10), t(70), t(1000))).toBe(60_000);
    expect(elapsedMs(t(10), null, t(40))).toBe(30_000);
    expect(elapsedMs(null, null, t(40))).toBeNull();
  });
  it("never goes negative when vendor clocks disagree", () => {
    expect(elapsedMs(t(100), t(90), t(0))).toBe(0);
  });
});

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [500, "<1s"],
    [45_000, "45s"],
    [192_000, "3m 12s"],
    [7_500_000, "2h 05m"],
    [90_061_000, "1d 01h"],
  ])("%s → %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});
