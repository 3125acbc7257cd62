import { describe, expect, it } from "vitest";
import { fitTotal, fixServiceRestore, schedule, type LeafPlan } from "./timeline";

const leaf = (
  id: string,
  durationMs: number,
  group = "g",
  outcome: LeafPlan["outcome"] = "SUCCESS",
  halts = true,
): LeafPlan => ({
  path: [{ id: group, name: group }],
  label: { id, name: id },
  durationMs,
  outcome,
  info: "",
  halts,
});
const rollback = [leaf("rollback", 5, "rb")];

describe("schedule", () => {
  it("lays steps end to end", () => {
    const t = schedule([leaf("a", 10), leaf("b", 20)], 100, null, rollback);
    expect(t.leaves.map((l) => [l.label.id, l.start, l.end])).toEqual([
      ["a", 100, 110],
      ["b", 110, 130],
    ]);
    expect([t.end, t.stoppedBy]).toEqual([130, null]);
  });

  it("stops at a halting error and runs the epilogue; a non-halting error carries on", () => {
    const halted = schedule([leaf("a", 10, "g", "ERROR"), leaf("b", 20)], 0, null, rollback);
    expect(halted.leaves.map((l) => l.label.id)).toEqual(["a", "rollback"]);
    expect([halted.end, halted.stoppedBy]).toEqual([15, "error"]);
    const carried = schedule(
      [leaf("a", 10, "g", "ERROR", false), leaf("b", 20)],
      0,
      null,
      rollback,
    );
    expect(carried.leaves.map((l) => l.label.id)).toEqual(["a", "b"]);
  });

  it("cuts the running step at a cancel, and never starts a job cancelled while waiting", () => {
    const cut = schedule(
      [leaf("a", 10), leaf("b", 20)],
      0,
      { at: 15, kind: "cancel", info: "Cancelled by user" },
      [],
    );
    expect(cut.leaves.map((l) => [l.label.id, l.end, l.outcome, l.info])).toEqual([
      ["a", 10, "SUCCESS", ""],
      ["b", 15, "ERROR", "Cancelled by user"],
    ]);
    const never = schedule([leaf("a", 10)], 50, { at: 40, kind: "cancel", info: "x" }, rollback);
    expect([never.start, never.end, never.leaves.length]).toEqual([null, 40, 0]);
  });
});

describe("fixServiceRestore / fitTotal", () => {
  it("ends the writable group exactly at the RTO, and the whole job exactly at the total", () => {
    const plan = [
      leaf("a", 333, "pre"),
      leaf("b", 777, "mw"),
      leaf("c", 999, "mw"),
      leaf("d", 50, "post"),
      leaf("e", 70, "post"),
    ];
    const fixed = fitTotal(fixServiceRestore(plan, "mw", 123_457), "mw", 200_003);
    const t = schedule(fixed, 1_000, null, []);
    expect(t.leaves.find((l) => l.label.id === "c")?.end).toBe(124_457);
    expect(t.end).toBe(201_003);
  });
});
