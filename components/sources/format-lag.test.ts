import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-lag";

describe("formatDuration", () => {
  it("picks the unit a person reads at a glance", () => {
    expect(formatDuration(4_400)).toBe("4 s");
    expect(formatDuration(59_499)).toBe("59 s");
    expect(formatDuration(180_000)).toBe("3 min");
    expect(formatDuration(2 * 3_600_000)).toBe("2 h");
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe("2 h 5 min");
    expect(formatDuration(3 * 86_400_000)).toBe("3 d");
  });
});
