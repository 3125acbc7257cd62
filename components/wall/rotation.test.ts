import { describe, expect, it } from "vitest";
import { pinningFailures, visibleSet, type FailureLike } from "./rotation";

const failure = (over: Partial<FailureLike>): FailureLike => ({
  id: "f1",
  state: "failed",
  recoveredAt: null,
  ...over,
});

describe("pinningFailures", () => {
  it("pins failed and aborted jobs the screen has not seen", () => {
    const list = [failure({}), failure({ id: "f2", state: "aborted" }), failure({ id: "seen" })];
    expect(pinningFailures(list, new Set(["seen"])).map((f) => f.id)).toEqual(["f1", "f2"]);
  });
  it("does not pin a failure whose alert incident someone acknowledged in Jobdeck", () => {
    const list = [
      failure({ id: "ack", incident: { status: "acknowledged" } }),
      failure({ id: "open", incident: { status: "open" } }),
    ];
    expect(pinningFailures(list, new Set()).map((f) => f.id)).toEqual(["open"]);
  });

  it("does not pin cancels or failures a later run cleared", () => {
    const list = [
      failure({ id: "c", state: "canceled" }),
      failure({ id: "ok", recoveredAt: "2026-01-01T13:00:00.000Z" }),
    ];
    expect(pinningFailures(list, new Set())).toEqual([]);
  });
});

describe("visibleSet", () => {
  const sets = [["running", "sources"], ["failures", "timeline"], ["dr"]] as const;
  const s = sets.map((x) => [...x]);
  it("steps through the sets at the interval and wraps", () => {
    expect([0, 9_999, 10_000, 25_000, 30_000].map((e) => visibleSet(s, 10_000, e, false))).toEqual([
      0, 0, 1, 2, 0,
    ]);
  });
  it("holds the failures set while pinned", () => {
    expect(visibleSet(s, 10_000, 0, true)).toBe(1);
    expect(visibleSet(s, 10_000, 25_000, true)).toBe(1);
  });
  it("keeps rotating when no set has the failures panel, and holds with rotation off", () => {
    expect(visibleSet([["running"], ["dr"]], 10_000, 10_000, true)).toBe(1);
    expect(visibleSet(s, 0, 50_000, false)).toBe(0);
  });
});
