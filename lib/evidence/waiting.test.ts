import { describe, expect, it } from "vitest";
import { lastEndedPeriod, previousPeriod, quarterPeriod, rangePeriod } from "./period";
import { personWaitKind, waitIntervals } from "./waiting";

const t = (min: number) => new Date(Date.UTC(2027, 0, 1, 9, min));

describe("time waiting on a person", () => {
  it("reads Commvault's DR Approval step and prompt-like steps, not machine waits", () => {
    expect(personWaitKind("DR Approval")).toBe("approval");
    expect(personWaitKind("Wait for user confirmation")).toBe("prompt");
    expect(personWaitKind("Wait On IP Assignment")).toBeNull();
    expect(personWaitKind("Make target writable")).toBeNull();
  });

  it("adds approval steps and Jobdeck pauses up to their resume, overlaps counted once", () => {
    const out = waitIntervals(
      [
        { vendorKey: "p27", name: "DR Approval", startedAt: t(0), endedAt: t(10) },
        { vendorKey: "p1", name: "Power On", startedAt: t(10), endedAt: t(20) },
      ],
      [
        { id: "a1", action: "pause", status: "succeeded", requestedAt: t(5), completedAt: t(5) },
        { id: "a2", action: "resume", status: "succeeded", requestedAt: t(15), completedAt: t(15) },
        // A refused pause is no wait.
        { id: "a3", action: "pause", status: "refused", requestedAt: t(30), completedAt: t(30) },
      ],
      t(40),
    );
    expect(out.intervals.map((i) => [i.kind, i.ms, i.ref])).toEqual([
      ["approval", 600_000, { stepKey: "p27" }],
      ["pause", 600_000, { actionIds: ["a1", "a2"] }],
    ]);
    expect(out.totalMs).toBe(900_000);
  });

  it("runs a pause never resumed to the run's end", () => {
    const out = waitIntervals(
      [],
      [{ id: "a1", action: "pause", status: "succeeded", requestedAt: t(5), completedAt: t(6) }],
      t(16),
    );
    expect(out.totalMs).toBe(600_000);
  });
});

describe("periods", () => {
  it("names quarters, months and other ranges, and finds the previous equal period", () => {
    const q = quarterPeriod("2026-Q3");
    expect([q.from.toISOString(), q.to.toISOString()]).toEqual([
      "2026-07-01T00:00:00.000Z",
      "2026-10-01T00:00:00.000Z",
    ]);
    expect(rangePeriod(q.from, q.to).label).toBe("2026-Q3");
    expect(rangePeriod(new Date("2026-02-01"), new Date("2026-03-01")).label).toBe("2026-02");
    expect(rangePeriod(new Date("2026-02-03"), new Date("2026-02-10")).label).toBe(
      "2026-02-03 – 2026-02-09",
    );
    expect(previousPeriod(q).from.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    const jan = rangePeriod(new Date("2027-01-01"), new Date("2027-02-01"));
    expect(previousPeriod(jan).from.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    const week = rangePeriod(new Date("2026-02-03"), new Date("2026-02-10"));
    expect(previousPeriod(week).from.toISOString()).toBe("2026-01-27T00:00:00.000Z");
  });

  it("issues the last ended month or quarter on schedule, across a year's turn", () => {
    const jan = new Date("2027-01-01T00:07:00Z");
    expect(lastEndedPeriod("quarter", jan).label).toBe("2026-Q4");
    expect(lastEndedPeriod("month", jan).label).toBe("2026-12");
    expect(lastEndedPeriod("quarter", new Date("2027-05-20T00:07:00Z")).label).toBe("2027-Q1");
  });
});
