import { describe, expect, it } from "vitest";
import { backoffMs } from "./deliveries";
import { globToLike } from "./scope";

describe("delivery back-off", () => {
  const policy = { baseMs: 30_000, maxAttempts: 6 };
  it("doubles from the base with at most ±20 % jitter, capped at an hour", () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(policy, a, () => 0.5))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(backoffMs(policy, 1, () => 0)).toBe(24_000);
    expect(backoffMs(policy, 1, () => 1)).toBe(36_000);
    expect(backoffMs(policy, 20, () => 0.5)).toBe(3_600_000);
  });
});

describe("name patterns", () => {
  it("turn * and ? into LIKE wildcards and take LIKE's own wildcards literally", () => {
    expect(globToLike("nightly-*")).toBe("nightly-%");
    expect(globToLike("vol?_100%")).toBe("vol_\\_100\\%");
    expect(globToLike("a\\b")).toBe("a\\\\b");
  });
});
