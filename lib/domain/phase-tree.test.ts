import { describe, expect, it } from "vitest";
import { buildPhaseTree, flattenPhaseTree, rollUpState } from "./phase-tree";

const p = (key: string, parentKey: string | null, order: number) => ({ key, parentKey, order });

describe("buildPhaseTree", () => {
  it("nests children under parents in order and sets depth", () => {
    const roots = buildPhaseTree([
      p("b", null, 2),
      p("a", null, 1),
      p("a2", "a", 2),
      p("a1", "a", 1),
      p("x", "a1", 0),
    ]);
    const flat = flattenPhaseTree(roots).map((n) => `${n.depth}:${n.phase.key}`);
    expect(flat).toEqual(["0:a", "1:a1", "2:x", "1:a2", "0:b"]);
  });

  it("keeps an orphan as a root instead of dropping it", () => {
    const roots = buildPhaseTree([p("child", "missing", 0)]);
    expect(roots.map((r) => r.phase.key)).toEqual(["child"]);
  });

  it("breaks a parent cycle rather than looping forever", () => {
    const flat = flattenPhaseTree(buildPhaseTree([p("a", "b", 0), p("b", "a", 1)]));
    expect(flat.map((n) => n.phase.key).sort()).toEqual(["a", "b"]);
  });
});

describe("rollUpState", () => {
  it.each([
    [["succeeded", "succeeded"], "succeeded"],
    [["succeeded", "running"], "running"],
    [["succeeded", "queued"], "running"],
    [["queued", "queued"], "queued"],
    [["succeeded", "failed"], "partial"],
    [["failed", "failed"], "failed"],
    [["aborted", "succeeded"], "aborted"],
    [[], "queued"],
  ] as const)("%j → %s", (children, expected) => {
    expect(rollUpState([...children])).toBe(expected);
  });
});
