import { describe, expect, it } from "vitest";
import {
  categoryOf,
  cutoverOf,
  groupsOf,
  measureRpo,
  measureRto,
  median,
  outcomeOf,
  percentile,
  periodKey,
  quarterRange,
  rtoPhaseFor,
  successRate,
  targetFor,
  type RunPhase,
  type RunTimes,
} from "./rto";

const T0 = Date.UTC(2026, 1, 10, 8, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000);
const phase = (
  name: string,
  from: number,
  to: number | null,
  state: RunPhase["state"] = "succeeded",
): RunPhase => ({
  name,
  state,
  startedAt: at(from),
  endedAt: to === null ? null : at(to),
});
const run = (phases: RunPhase[], over: Partial<RunTimes> = {}): RunTimes => ({
  state: "succeeded",
  startedAt: at(0),
  endedAt: at(3600),
  phases,
  ...over,
});

describe("measureRto", () => {
  it("ends at the service phase, not the job's end, taking the last lane's end", () => {
    const r = run([
      phase("Power On", 0, 100),
      phase("Post VM Failover", 100, 754),
      phase("Post VM Failover", 90, 700),
      phase("Finalize", 754, 3600),
    ]);
    expect(measureRto(r, "Post VM Failover")).toBe(754_000);
    expect(measureRto(r, "post vm failover ")).toBe(754_000);
  });

  it("is null when the service phase failed, is still running, or was never reached", () => {
    expect(
      measureRto(
        run([phase("Post VM Failover", 0, 50, "failed")], { state: "failed" }),
        "Post VM Failover",
      ),
    ).toBeNull();
    expect(
      measureRto(
        run([phase("Post VM Failover", 0, null, "running")], { state: "running", endedAt: null }),
        "Post VM Failover",
      ),
    ).toBeNull();
    expect(measureRto(run([phase("Power On", 0, 50)]), "Post VM Failover")).toBeNull();
    expect(
      measureRto(
        run([phase("Make target writable", 0, 50)], { startedAt: null }),
        "Make target writable",
      ),
    ).toBeNull();
  });

  it("counts a service phase that ended with warnings as restored", () => {
    expect(
      measureRto(
        run([phase("Make target writable", 10, 120, "partial")], { state: "partial" }),
        "Make target writable",
      ),
    ).toBe(120_000);
  });

  it("uses the whole job when the vendor has no service phase, only if it succeeded", () => {
    expect(measureRto(run([]), null)).toBe(3_600_000);
    expect(measureRto(run([], { state: "failed" }), null)).toBeNull();
  });
});

describe("measureRpo", () => {
  it("is run start minus the last replication before cut-over; an in-run sync gives 0", () => {
    const r = run([phase("Replication", 60, 300), phase("Post VM Failover", 400, 700)]);
    expect(measureRpo(r, "Post VM Failover", [at(-900)])).toBe(0);
    const external = run([phase("Make target writable", 100, 200)]);
    expect(cutoverOf(external, "Make target writable")).toEqual(at(100));
    expect(measureRpo(external, "Make target writable", [at(-900), at(-300), at(150)])).toBe(
      300_000,
    );
    expect(measureRpo(external, "Make target writable", [])).toBeNull();
  });

  it("ignores a replication phase that failed", () => {
    const r = run([phase("Replication", 60, 300, "failed"), phase("Post VM Failover", 400, 700)]);
    expect(measureRpo(r, "Post VM Failover", [at(-120)])).toBe(120_000);
  });
});

describe("statistics", () => {
  it("median averages the middle pair; p90 is nearest-rank", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(ten, 90)).toBe(90);
    expect(percentile([...ten, 110], 90)).toBe(100);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 90)).toBeNull();
  });

  it("success rate is succeeded over finished; partial and aborted count against, running not at all", () => {
    expect(successRate([])).toBeNull();
    expect(successRate(["running"])).toBeNull();
    expect(successRate(["succeeded", "succeeded", "partial", "failed", "running"])).toBe(0.5);
    expect(outcomeOf("aborted")).toBe("failed");
    expect(outcomeOf("canceled")).toBe("failed");
    expect(outcomeOf("paused")).toBe("running");
  });

  it("buckets by UTC month and quarter", () => {
    expect(periodKey(new Date(Date.UTC(2026, 0, 1, 0, 0)), "month")).toBe("2026-01");
    expect(periodKey(new Date(Date.UTC(2026, 2, 31, 23, 59)), "quarter")).toBe("2026-Q1");
    expect(periodKey(new Date(Date.UTC(2026, 3, 1)), "quarter")).toBe("2026-Q2");
    expect(periodKey(new Date(Date.UTC(2026, 11, 31)), "quarter")).toBe("2026-Q4");
    expect(quarterRange(new Date(Date.UTC(2026, 4, 17)))).toEqual({
      from: new Date(Date.UTC(2026, 3, 1)),
      to: new Date(Date.UTC(2026, 6, 1)),
    });
    expect(quarterRange(new Date(Date.UTC(2026, 11, 2))).to).toEqual(
      new Date(Date.UTC(2027, 0, 1)),
    );
  });
});

describe("classification and targets", () => {
  it("maps vendor job types to categories, and leaves other jobs out", () => {
    expect(categoryOf("commvault", "test-failover")).toBe("test");
    expect(categoryOf("eyeglass", "rehearsal")).toBe("test");
    expect(categoryOf("commvault", "unplanned-failover")).toBe("unplanned");
    expect(categoryOf("eyeglass", "failback")).toBe("failback");
    expect(categoryOf("dfm", "restore")).toBe("restore");
    expect(categoryOf("ontap", "restore")).toBeNull();
    expect(categoryOf("dfm", "local_backup")).toBeNull();
  });

  it("takes the RTO phase from the source's options, else the vendor default", () => {
    expect(rtoPhaseFor("commvault", {})).toBe("Post VM Failover");
    expect(rtoPhaseFor("commvault", { rtoPhase: " Power On " })).toBe("Power On");
    expect(rtoPhaseFor("eyeglass", null)).toBe("Make target writable");
    expect(rtoPhaseFor("dfm", { rtoPhase: 3 })).toBeNull();
  });

  it("prefers the source's own target, then the estate-wide one, group before policies", () => {
    const rules = [
      { sourceId: null, group: "SQL-Prod", targetMs: 900_000 },
      { sourceId: "s1", group: "sql-prod", targetMs: 600_000 },
      { sourceId: null, group: "pol-a", targetMs: 300_000 },
    ];
    expect(targetFor(rules, "s1", ["SQL-Prod"])).toBe(600_000);
    expect(targetFor(rules, "s2", ["SQL-Prod"])).toBe(900_000);
    expect(targetFor(rules, "s2", ["zone-x", "pol-a"])).toBe(300_000);
    expect(targetFor(rules, "s2", ["zone-x"])).toBeNull();
    expect(groupsOf("zone-a, zone-b", "pol-1, zone-a")).toEqual(["zone-a", "zone-b", "pol-1"]);
  });
});
