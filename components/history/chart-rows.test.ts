import { describe, expect, it } from "vitest";
import { groupChartRows, groupsWithRto, slowPhaseChartRows, trendChartRows } from "./chart-rows";

describe("history chart rows", () => {
  it("turns trend rows into percent and minutes, keeping gaps as null", () => {
    expect(
      trendChartRows([
        { period: "2027-01", runs: 3, succeeded: 2, successRate: 2 / 3, rtoMedianMs: 750_000, rtoP90Ms: 900_000 },
        { period: "2027-02", runs: 1, succeeded: 0, successRate: 0, rtoMedianMs: null, rtoP90Ms: null },
      ]),
    ).toEqual([
      { period: "2027-01", runs: 3, successPct: 66.7, rtoMedianMin: 12.5, rtoP90Min: 15 },
      { period: "2027-02", runs: 1, successPct: 0, rtoMedianMin: null, rtoP90Min: null },
    ]);
  });

  it("labels untested groups in text and plots RTO only where measured", () => {
    const rows = groupChartRows([
      { group: "Exchange-DAG", runs: 0, succeeded: 0, successRate: null, rtoMedianMs: null, rtoP90Ms: null, rtoTargetMs: 1_800_000, metTarget: 0, missedTarget: 0, testsThisQuarter: 0 },
      { group: "SQL-Prod", runs: 3, succeeded: 3, successRate: 1, rtoMedianMs: 600_000, rtoP90Ms: 900_000, rtoTargetMs: 700_000, metTarget: 2, missedTarget: 1, testsThisQuarter: 2 },
    ]);
    expect(rows).toEqual([
      { group: "Exchange-DAG", rtoMedianMin: null, rtoP90Min: null, targetMin: 30, tests: 0, testLabel: "untested" },
      { group: "SQL-Prod", rtoMedianMin: 10, rtoP90Min: 15, targetMin: 11.7, tests: 2, testLabel: "2" },
    ]);
    expect(groupsWithRto(rows).map((r) => r.group)).toEqual(["SQL-Prod"]);
  });

  it("names slow phases with their vendor", () => {
    expect(slowPhaseChartRows([{ name: "Clone VM", kind: "commvault", runs: 4, medianMs: 420_000, maxMs: 610_000 }])).toEqual([
      { label: "Clone VM (Commvault)", medianMin: 7, maxMin: 10.2, runs: 4 },
    ]);
  });
});
