import { describe, expect, it } from "vitest";
import { formatAge, formatBytes } from "./format";

describe("formatBytes", () => {
  it.each([
    [null, "—"],
    ["0", "0 B"],
    ["999", "999 B"],
    ["37590000000", "37.6 GB"],
    ["9223372036854775807", "9.2 EB"],
  ])("%s → %s", (v, text) => expect(formatBytes(v)).toBe(text));
});

describe("formatAge", () => {
  it("reads in seconds, minutes, hours", () => {
    expect(formatAge(0, 4_000)).toBe("4 s ago");
    expect(formatAge(0, 180_000)).toBe("3 min ago");
    expect(formatAge(0, 7_200_000)).toBe("2 h ago");
  });
});
