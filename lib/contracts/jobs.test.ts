import { describe, expect, it } from "vitest";
import { jobListQuery } from "./jobs";

describe("jobListQuery", () => {
  it("accepts repeated and comma-separated lists", () => {
    const q = jobListQuery.parse({ state: ["running", "failed,aborted"], kind: "ontap" });
    expect(q.state).toEqual(["running", "failed", "aborted"]);
    expect(q.kind).toEqual(["ontap"]);
    expect(q.limit).toBe(50);
    expect([q.sort, q.order]).toEqual(["started", "desc"]);
  });

  it.each([
    [{ state: "exploded" }, "state"],
    [{ limit: "0" }, "limit"],
    [{ limit: "abc" }, "limit"],
    [{ from: "yesterday" }, "from"],
    [{ from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" }, "to"],
    [{ source: "not-a-uuid" }, "source"],
    [{ sort: "colour" }, "sort"],
    [{ order: "sideways" }, "order"],
    [{ colour: "red" }, ""],
  ])("rejects %j naming %s", (input, param) => {
    const result = jobListQuery.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success && param)
      expect(result.error.issues.map((i) => String(i.path[0]))).toContain(param);
  });
});
