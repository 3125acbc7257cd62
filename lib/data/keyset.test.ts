import { describe, expect, it } from "vitest";
import { newestFirstAfter, splitPage } from "./keyset";

describe("splitPage", () => {
  it("shows `limit` rows and names the last one only when a next page exists", () => {
    expect(splitPage([1, 2, 3], 2)).toEqual({ page: [1, 2], nextFrom: 2 });
    expect(splitPage([1, 2], 2)).toEqual({ page: [1, 2], nextFrom: null });
    expect(splitPage([], 2)).toEqual({ page: [], nextFrom: null });
  });
});

describe("newestFirstAfter", () => {
  it("bounds the range at the cursor and breaks time ties by id", () => {
    const sortAt = new Date("2026-11-23T00:00:00Z");
    expect(newestFirstAfter("requestedAt", { sortAt, id: "b" })).toEqual({
      requestedAt: { lte: sortAt },
      OR: [{ requestedAt: { lt: sortAt } }, { requestedAt: sortAt, id: { lt: "b" } }],
    });
    expect(newestFirstAfter("sortAt", null)).toEqual({});
  });
});
