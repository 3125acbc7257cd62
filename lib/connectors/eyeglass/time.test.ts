import { describe, expect, it } from "vitest";
import { toDate } from "./time";

describe("toDate", () => {
  it.each([
    [1795435200000, "2026-11-23T12:00:00.000Z"],
    [1795435200, "2026-11-23T12:00:00.000Z"],
    ["1795435200000", "2026-11-23T12:00:00.000Z"],
    ["2024-11-01T10:00:00Z", "2024-11-01T10:00:00.000Z"],
  ] as const)("%s → %s (ms, seconds, numeric string, the small example's ISO)", (input, iso) => {
    expect(toDate(input)?.toISOString()).toBe(iso);
  });

  it.each([0, -5, "", "string", null, undefined, Number.NaN])("%s is no time at all", (input) => {
    expect(toDate(input)).toBeNull();
  });
});
