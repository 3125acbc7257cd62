import { describe, expect, it } from "vitest";
import { scaleTo } from "./generate";

describe("scaleTo", () => {
  it("fits phases into exactly the asked total, each at least a second, even when one phase dwarfs the rest", () => {
    for (const [durations, total] of [
      [[1, 1, 1, 500, 1, 1, 1, 1, 1, 2], 120],
      [[30, 5, 600, 20, 8, 3, 2, 90, 1], 60],
      [[10, 20, 30], 3],
      [[4, 4], 1_200],
    ] as const) {
      const scaled = scaleTo([...durations], total);
      expect(
        scaled.reduce((a, b) => a + b, 0),
        `${durations} into ${total}`,
      ).toBe(total);
      expect(scaled.every((s) => s >= 1)).toBe(true);
    }
    expect(scaleTo([1, 3], 40)).toEqual([10, 30]);
    expect(() => scaleTo([1, 1, 1], 2)).toThrow(/cannot fit 3 phases into 2s/);
  });
});
