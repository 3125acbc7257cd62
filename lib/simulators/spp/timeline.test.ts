import { describe, expect, it } from "vitest";
import { Rng } from "@/lib/simulators/engine/rng";
import { formatDataSize } from "./data-size";
import { jobLog } from "./job-log";
import { JOB_DEFINITIONS, planSession, type SessionPlan } from "./plan";
import { resourceState, sessionState } from "./timeline";

const T0 = 1_800_000_000_000;
const CANCELING = 20_000;

function tenMinuteSession(): SessionPlan {
  return planSession(String(T0), T0, new Rng(3), {
    durationMs: 600_000,
    queueMs: 0,
    definition: JOB_DEFINITIONS[0],
  });
}

describe("session timeline", () => {
  it("runs, advances phases and completes on the clock alone", () => {
    const plan = tenMinuteSession();
    const [first] = plan.resources;
    if (!first) throw new Error("no resources");
    expect(sessionState(plan, T0 + 60_000, CANCELING).status).toBe("RUNNING");
    const early = resourceState(plan, first, T0 + 60_000, CANCELING);
    expect(early).toMatchObject({ status: "running", percent: 10, phaseNumber: 1 });
    expect(resourceState(plan, first, T0 + 450_000, CANCELING).phaseNumber).toBe(3);
    const done = resourceState(plan, first, T0 + 600_000, CANCELING);
    expect(done).toMatchObject({
      status: "complete",
      percent: 100,
      phaseNumber: 0,
      bytesDone: first.sizeBytes,
      endMs: T0 + 600_000,
    });
    expect(sessionState(plan, T0 + 600_000, CANCELING)).toEqual({
      status: "COMPLETED",
      endMs: T0 + 600_000,
      percent: 100,
    });
  });

  it("is PENDING while queued", () => {
    const plan = { ...tenMinuteSession(), queueMs: 120_000 };
    expect(sessionState(plan, T0 + 60_000, CANCELING).status).toBe("PENDING");
    expect(
      plan.resources.every(
        (r) => resourceState(plan, r, T0 + 60_000, CANCELING).status === "pending",
      ),
    ).toBe(true);
    expect(sessionState(plan, T0 + 121_000, CANCELING).status).toBe("RUNNING");
  });

  it.each([
    [true, ["complete", "skipped", "skipped"]],
    [false, ["skipped", "skipped", "skipped"]],
  ])("cancel (catalogCompletedObjects=%s) goes CANCELING then CANCELED", (keep, statuses) => {
    const plan = tenMinuteSession();
    const at = T0 + 480_000;
    plan.stop = { at, kind: "cancel", catalogCompletedObjects: keep, reason: "user" };
    expect(sessionState(plan, at + 1_000, CANCELING).status).toBe("CANCELING");
    expect(sessionState(plan, at + CANCELING, CANCELING)).toMatchObject({
      status: "CANCELED",
      endMs: at + CANCELING,
    });
    const shortestFirst = [...plan.resources].sort((a, b) => a.durationMs - b.durationMs);
    expect(
      shortestFirst.map((r) => resourceState(plan, r, at + CANCELING, CANCELING).status),
    ).toEqual(statuses);
    const log = jobLog(plan, at + CANCELING, CANCELING);
    expect(log.slice(-2).map((l) => [l.type, l.message])).toEqual([
      ["WARN", "Job session canceled"],
      ["SUMMARY", `Job ${plan.jobName} finished with status CANCELED`],
    ]);
    expect(
      log.some((l) => l.message.includes(keep ? "will be cataloged" : "will be discarded")),
    ).toBe(true);
  });

  it("keeps log ids stable as the log grows", () => {
    const plan = tenMinuteSession();
    const early = jobLog(plan, T0 + 200_000, CANCELING);
    const later = jobLog(plan, T0 + 700_000, CANCELING);
    expect(later.slice(0, early.length)).toEqual(early);
    expect(later.length).toBeGreaterThan(early.length);
    expect(later.at(-1)).toMatchObject({ type: "SUMMARY", logTime: T0 + 600_000 });
  });
});

describe("formatDataSize", () => {
  it("writes SPP's decimal units with two decimals", () => {
    expect(formatDataSize(37_590_000_000)).toBe("37.59 GB");
    expect(formatDataSize(999)).toBe("999 B");
    expect(formatDataSize(1_500_000)).toBe("1.50 MB");
    expect(formatDataSize(2_000_000_000_000)).toBe("2.00 TB");
  });
});
