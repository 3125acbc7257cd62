import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/csv";
import { historyCsv, CSV_HEADER } from "./csv";
import { summarizeHistory, type SummaryRun } from "./summarize";
import type { HistoryRun } from "@/lib/contracts/history";

let n = 0;
function run(over: Partial<HistoryRun>, phases: SummaryRun["phases"] = []): SummaryRun {
  n += 1;
  const base: HistoryRun = {
    id: `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`,
    sourceId: "s1",
    sourceName: "cv",
    kind: "commvault",
    vendorId: String(n),
    category: "test",
    type: "test-failover",
    name: `run ${n}`,
    state: "succeeded",
    vendorState: "Completed",
    outcome: "succeeded",
    startedAt: "2026-01-15T10:00:00.000Z",
    endedAt: "2026-01-15T11:00:00.000Z",
    sortAt: "2026-01-15T10:00:00.000Z",
    durationMs: 3_600_000,
    rtoMs: null,
    rtoPhase: "Post VM Failover",
    rtoTargetMs: null,
    rtoMet: null,
    rpoMs: null,
    rpoTargetMs: null,
    rpoMet: null,
    group: "SQL-Prod",
    policy: null,
    submittedBy: "admin",
  };
  return { run: { ...base, ...over }, phases };
}

describe("summarizeHistory", () => {
  const runs = [
    run(
      { rtoMs: 600_000, rtoTargetMs: 900_000, rtoMet: true, startedAt: "2026-01-05T00:00:00.000Z" },
      [
        { name: "Clone VM", ms: 500_000 },
        { name: "Power On", ms: 60_000 },
      ],
    ),
    run(
      {
        rtoMs: 1_200_000,
        rtoTargetMs: 900_000,
        rtoMet: false,
        startedAt: "2026-01-20T00:00:00.000Z",
      },
      [
        { name: "Clone VM", ms: 700_000 },
        { name: "Clone VM", ms: 900_000 },
      ],
    ),
    run({ outcome: "failed", state: "failed", startedAt: "2026-02-03T00:00:00.000Z" }, [
      { name: "Power On", ms: 30_000 },
    ]),
    run({
      group: "Finance-ERP",
      category: "planned",
      rtoMs: 300_000,
      startedAt: "2026-04-02T00:00:00.000Z",
    }),
    run(
      {
        group: "Finance-ERP",
        category: "planned",
        outcome: "running",
        state: "running",
        startedAt: null,
        sortAt: "2026-04-09T00:00:00.000Z",
      },
      [{ name: "Power On", ms: 5_000_000 }],
    ),
  ];
  const quarterRuns = [
    runs[3],
    runs[4],
    run({ group: "HR-Portal", startedAt: "2026-04-10T00:00:00.000Z" }),
  ].flatMap((r) => (r ? [r.run] : []));
  const summary = summarizeHistory({
    runs,
    quarterRuns,
    knownGroups: ["Exchange-DAG", "SQL-Prod"],
    quarter: "2026-Q2",
  });

  it("counts runs, success rate over finished runs, and RTO median/p90 over measured ones", () => {
    expect([summary.runs, summary.finished, summary.succeeded]).toEqual([5, 4, 3]);
    expect(summary.successRate).toBe(0.75);
    expect(summary.rto).toEqual({
      measured: 3,
      medianMs: 600_000,
      p90Ms: 1_200_000,
      withTarget: 2,
      metTarget: 1,
    });
  });

  it("gives per-group figures for every known group, tested or not, with tests this quarter", () => {
    expect(
      summary.groups.map((g) => [
        g.group,
        g.runs,
        g.succeeded,
        g.successRate,
        g.rtoMedianMs,
        g.rtoP90Ms,
        g.rtoTargetMs,
        g.testsThisQuarter,
      ]),
    ).toEqual([
      ["Exchange-DAG", 0, 0, null, null, null, null, 0],
      ["Finance-ERP", 2, 1, 1, 300_000, 300_000, null, 0],
      ["SQL-Prod", 3, 2, 2 / 3, 900_000, 1_200_000, 900_000, 0],
    ]);
    expect(summary.groups.map((g) => [g.group, g.metTarget, g.missedTarget])).toEqual([
      ["Exchange-DAG", 0, 0],
      ["Finance-ERP", 0, 0],
      ["SQL-Prod", 1, 1],
    ]);
    expect(summary.neverTestedThisQuarter).toEqual(["Exchange-DAG", "Finance-ERP", "SQL-Prod"]);
    expect(summary.quarter).toBe("2026-Q2");
  });

  it("trends by month and quarter, a run without a start falling in its sort month", () => {
    expect(
      summary.months.map((m) => [m.period, m.runs, m.succeeded, m.successRate, m.rtoMedianMs]),
    ).toEqual([
      ["2026-01", 2, 2, 1, 900_000],
      ["2026-02", 1, 0, 0, null],
      ["2026-04", 2, 1, 1, 300_000],
    ]);
    expect(
      summary.quarters.map((q) => [q.period, q.runs, q.successRate, q.rtoMedianMs, q.rtoP90Ms]),
    ).toEqual([
      ["2026-Q1", 3, 2 / 3, 900_000, 1_200_000],
      ["2026-Q2", 2, 1, 300_000, 300_000],
    ]);
  });

  it("ranks the slowest phases of finished runs by median, the longest lane per run", () => {
    expect(summary.slowestPhases).toEqual([
      { name: "Clone VM", kind: "commvault", runs: 2, medianMs: 700_000, maxMs: 900_000 },
      { name: "Power On", kind: "commvault", runs: 2, medianMs: 45_000, maxMs: 60_000 },
    ]);
  });

  it("counts only DR tests as tests for the quarter", () => {
    const tested = summarizeHistory({ runs: [], quarterRuns, knownGroups: [], quarter: "2026-Q2" });
    expect(tested.groups).toEqual([]);
    const withHr = summarizeHistory({
      runs: [],
      quarterRuns,
      knownGroups: ["HR-Portal", "Finance-ERP"],
      quarter: "2026-Q2",
    });
    expect(withHr.groups.map((g) => [g.group, g.testsThisQuarter])).toEqual([
      ["Finance-ERP", 0],
      ["HR-Portal", 1],
    ]);
    expect(withHr.neverTestedThisQuarter).toEqual(["Finance-ERP"]);
  });
});

describe("historyCsv", () => {
  it("writes one line per run under the header, quoting and defusing vendor text", () => {
    const r = run({
      name: 'Test "A", zone=1',
      submittedBy: "=HYPERLINK(1)",
      rtoMs: 754_000,
      rtoTargetMs: 900_000,
      rtoMet: true,
      rpoMs: 0,
    }).run;
    const lines = historyCsv([r]).split("\r\n");
    expect(lines[0]).toBe(CSV_HEADER.join(","));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    const cells = lines[1] ?? "";
    expect(cells).toContain(`"Test ""A"", zone=1"`);
    expect(cells).toContain(",754000,900000,true,0,,,'=HYPERLINK(1)");
    expect(cells.startsWith(`${r.id},commvault,cv,`)).toBe(true);
    expect(csvCell(null)).toBe("");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("-5");
  });
});
