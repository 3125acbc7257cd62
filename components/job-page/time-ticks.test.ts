import { describe, expect, it } from "vitest";
import { timeTicks } from "./time-ticks";

const at = (iso: string) => Date.parse(iso);

describe("time axis ticks", () => {
  it.each([
    ["90 seconds", "2026-11-30T14:02:10Z", "2026-11-30T14:03:40Z"],
    ["4 minutes", "2026-11-30T14:02:10Z", "2026-11-30T14:06:05Z"],
    ["50 minutes", "2026-11-30T14:02:10Z", "2026-11-30T14:52:00Z"],
    ["7 hours", "2026-11-30T10:00:00Z", "2026-11-30T17:10:00Z"],
    ["3 days", "2026-11-28T10:00:00Z", "2026-12-01T09:00:00Z"],
  ])("over %s: at most 6 ticks inside the range, no two labels alike", (_label, from, to) => {
    const { ticks, format } = timeTicks(at(from), at(to), 6, "UTC");
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.length).toBeLessThanOrEqual(6);
    for (const t of ticks) expect(t >= at(from) && t <= at(to)).toBe(true);
    const labels = ticks.map(format);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("shows seconds only when ticks are seconds apart", () => {
    const short = timeTicks(at("2026-11-30T14:02:10Z"), at("2026-11-30T14:03:40Z"), 6, "UTC");
    expect(short.ticks.map(short.format)).toEqual(["14:02:30", "14:03:00", "14:03:30"]);
    const long = timeTicks(at("2026-11-30T14:00:00Z"), at("2026-11-30T14:50:00Z"), 6, "UTC");
    expect(long.ticks.map(long.format)).toEqual([
      "14:00",
      "14:10",
      "14:20",
      "14:30",
      "14:40",
      "14:50",
    ]);
  });
});
