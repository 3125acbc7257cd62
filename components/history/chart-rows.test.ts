import { describe, expect, it } from "vitest";
import {
  GROUP_ROW_PX,
  groupChartHeight,
  groupChartRows,
  groupsWithRto,
  slowPhaseChartRows,
  trendChartRows,
} from "./chart-rows";

describe("history chart rows", () => {
  it("turns trend rows into percent and minutes, keeping gaps as null", () => {
    expect(
      trendChartRows([
        {
          period: "2027-01",
          runs: 3,
          succeeded: 2,
          successRate: 2 / 3,
          rtoMedianMs: 750_000,
          rtoP90Ms: 900_000,
        },
        {
          period: "2027-02",
          runs: 1,
          succeeded: 0,
          successRate: 0,
          rtoMedianMs: null,
          rtoP90Ms: null,
        },
      ]),
    ).toEqual([
      {
        period: "2027-01",
        label: "Jan 2027",
        runs: 3,
        successPct: 66.7,
        rtoMedianMin: 12.5,
        rtoP90Min: 15,
      },
      {
        period: "2027-02",
        label: "Feb",
        runs: 1,
        successPct: 0,
        rtoMedianMin: null,
        rtoP90Min: null,
      },
    ]);
  });

  it("labels a year of months short, with the year where it starts and where it changes; quarters as they are", () => {
    const months = ["2025-11", "2025-12", "2026-01", "2026-02"].map((period) => ({
      period,
      runs: 1,
      succeeded: 1,
      successRate: 1,
      rtoMedianMs: null,
      rtoP90Ms: null,
    }));
    expect(trendChartRows(months).map((r) => r.label)).toEqual([
      "Nov 2025",
      "Dec",
      "Jan 2026",
      "Feb",
    ]);
    expect(
      trendChartRows([{ ...months[0], period: "2026-Q1" } as (typeof months)[number]]).map(
        (r) => r.label,
      ),
    ).toEqual(["2026-Q1"]);
  });

  it("labels untested groups in text and plots RTO only where measured", () => {
    const rows = groupChartRows([
      {
        group: "Exchange-DAG",
        runs: 0,
        succeeded: 0,
        successRate: null,
        rtoMedianMs: null,
        rtoP90Ms: null,
        rtoTargetMs: 1_800_000,
        metTarget: 0,
        missedTarget: 0,
        testsThisQuarter: 0,
      },
      {
        group: "SQL-Prod",
        runs: 3,
        succeeded: 3,
        successRate: 1,
        rtoMedianMs: 600_000,
        rtoP90Ms: 900_000,
        rtoTargetMs: 700_000,
        metTarget: 2,
        missedTarget: 1,
        testsThisQuarter: 2,
      },
    ]);
    expect(rows).toEqual([
      {
        group: "Exchange-DAG",
        rtoMedianMin: null,
        rtoP90Min: null,
        targetMin: 30,
        tests: 0,
        testLabel: "untested",
      },
      {
        group: "SQL-Prod",
        rtoMedianMin: 10,
        rtoP90Min: 15,
        targetMin: 11.7,
        tests: 2,
        testLabel: "2",
      },
    ]);
    expect(groupsWithRto(rows).map((r) => r.group)).toEqual(["SQL-Prod"]);
  });

  it("names slow phases with their vendor", () => {
    expect(
      slowPhaseChartRows([
        { name: "Clone VM", kind: "commvault", runs: 4, medianMs: 420_000, maxMs: 610_000 },
      ]),
    ).toEqual([{ label: "Clone VM (Commvault)", medianMin: 7, maxMin: 10.2, runs: 4 }]);
  });
});

describe("per-group chart frame", () => {
  it("gives every group a row of its own and scrolls past the frame, so 100 groups' labels cannot overlap", () => {
    expect(groupChartHeight(4, 240)).toEqual({ height: 240, scrolls: false });
    const hundred = groupChartHeight(100, 240);
    expect(hundred.scrolls).toBe(true);
    expect((hundred.height - 56) / 100).toBeGreaterThanOrEqual(GROUP_ROW_PX);
    expect(GROUP_ROW_PX).toBeGreaterThanOrEqual(20);
  });
});
