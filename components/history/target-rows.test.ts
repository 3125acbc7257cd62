import { describe, expect, it } from "vitest";
import type { GroupRow } from "@/lib/contracts/history";
import { parseTargetDuration, targetRows } from "./target-rows";

const group = (name: string, met: number, missed: number): GroupRow => ({
  group: name,
  runs: met + missed,
  succeeded: met + missed,
  successRate: 1,
  rtoMedianMs: 60_000,
  rtoP90Ms: 60_000,
  rtoTargetMs: null,
  metTarget: met,
  missedTarget: missed,
  testsThisQuarter: 0,
});

describe("RTO target rows", () => {
  it("lists every group from history and from targets once, with its estate-wide target and met/missed counts", () => {
    const rows = targetRows(
      [group("SQL-Prod", 3, 1), group("Exchange-DAG", 0, 0)],
      [
        { id: "t1", sourceId: null, sourceName: null, group: "SQL-Prod", targetMs: 900_000 },
        { id: "t2", sourceId: "s1", sourceName: "CommServe", group: "SQL-Prod", targetMs: 600_000 },
        { id: "t3", sourceId: null, sourceName: null, group: "HR-Portal", targetMs: 1_800_000 },
      ],
    );
    expect(
      rows.map((r) => [r.group, r.targetId, r.targetMs, r.perSource, r.met, r.missed]),
    ).toEqual([
      ["Exchange-DAG", null, null, [], 0, 0],
      ["HR-Portal", "t3", 1_800_000, [], 0, 0],
      ["SQL-Prod", "t1", 900_000, [{ sourceName: "CommServe", targetMs: 600_000 }], 3, 1],
    ]);
  });

  it("takes minutes, or a duration with units, from 1 second to 30 days, nothing else", () => {
    expect(parseTargetDuration(" 15 ")).toBe(900_000);
    expect(parseTargetDuration("0.5")).toBe(30_000);
    expect(parseTargetDuration("43200")).toBe(43_200 * 60_000);
    expect(parseTargetDuration("90s")).toBe(90_000);
    expect(parseTargetDuration("1h 30m")).toBe(5_400_000);
    expect(parseTargetDuration("2D")).toBe(2 * 86_400_000);
    expect(parseTargetDuration("1s")).toBe(1_000);
    for (const bad of ["", "0", "0.001", "-3", "43201", "30d 1s", "15 minutes", "1h30", "s"])
      expect(parseTargetDuration(bad), bad).toBeNull();
  });
});
