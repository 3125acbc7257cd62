import { describe, expect, it } from "vitest";
import type { SourceKind } from "@/lib/domain/source-kind";
import { SIMULATORS } from "@/lib/simulators/registry";
import { ManualClock, Pace } from "./clock";
import type { SimRequest } from "./server";

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const AUTH = `Basic ${Buffer.from("admin:netapp1!").toString("base64")}`;

const get = (path: string): SimRequest => ({
  method: "GET",
  path,
  query: new URLSearchParams(),
  headers: { authorization: AUTH },
  body: "",
});
const post = (path: string, body: unknown): SimRequest => ({
  method: "POST",
  path,
  query: new URLSearchParams(),
  headers: {},
  body: JSON.stringify(body),
});

describe("Pace", () => {
  it("divides spans by the speed, keeps their sign and never shrinks one to nothing", () => {
    const pace = new Pace(5);
    expect([
      pace.span(60_000),
      pace.span(-60_000),
      pace.span(0),
      pace.span(3),
      new Pace().span(1234),
    ]).toEqual([12_000, -12_000, 0, 1, 1234]);
    expect(() => new Pace(0)).toThrow(/positive/);
  });
});

describe("a simulator at speed N", () => {
  it("serves a job's start and end at the clock's own instants while the job takes 1/N of its length", async () => {
    const ends: number[] = [];
    for (const speed of [1, 5]) {
      const clock = new ManualClock(T0);
      const sim = SIMULATORS.ontap?.create({
        seed: 3,
        clock,
        speed,
        user: "admin",
        password: "netapp1!",
        scenario: { initialJobs: 0, meanIntervalMs: 365 * 86_400_000 },
      });
      if (!sim?.control) throw new Error("no ONTAP simulator");
      const started = JSON.parse(
        (await sim.control(post("/__sim/jobs", { type: "volume-move" })))?.body ?? "{}",
      ) as { vendorId: string };
      let job: { state: string; start_time?: string; end_time?: string } = { state: "queued" };
      while (job.state !== "success") {
        clock.advance(1_000);
        job = JSON.parse(
          (await sim.handler(get(`/api/cluster/jobs/${started.vendorId}`))).body,
        ) as typeof job;
        // Never a time ahead of the clock the browser also reads.
        for (const t of [job.start_time, job.end_time])
          if (t) expect(Date.parse(t)).toBeLessThanOrEqual(clock.now());
      }
      const end = Date.parse(job.end_time ?? "");
      expect(Date.parse(job.start_time ?? "")).toBe(T0);
      // It ended at a real instant since the previous step: ONTAP prints whole seconds.
      expect(clock.now() - end).toBeLessThan(2_000);
      ends.push(end - T0);
    }
    const [atOne = 0, atFive = 0] = ends;
    // The same seeded job in a fifth of the time, to within ONTAP's whole seconds.
    expect(atOne).toBeGreaterThan(60_000);
    expect(Math.abs(atFive - atOne / 5)).toBeLessThanOrEqual(1_000);
  });

  /** What the appliance did in its first `liveMs`: jobs it started and jobs it finished, from its ground truth. */
  const work = (kind: SourceKind, speed: number, liveMs: number) => {
    const clock = new ManualClock(T0);
    const sim = SIMULATORS[kind]?.create({
      seed: 11,
      clock,
      speed,
      user: "admin",
      password: "netapp1!",
    });
    const count = () => {
      const jobs = sim?.groundTruth?.() ?? [];
      return { all: jobs.length, finished: jobs.filter((j) => j.final).length };
    };
    const before = count();
    clock.advance(liveMs);
    const after = count();
    return { started: after.all - before.all, finished: after.finished - before.finished };
  };

  it.each(["ontap", "dfm", "eyeglass", "commvault", "spp"] as const)(
    "%s: in t at speed 5 it starts and finishes the jobs it would in 5t at speed 1",
    (kind) => {
      const fast = work(kind, 5, 12 * 60_000);
      const slow = work(kind, 1, 60 * 60_000);
      expect(slow.started + slow.finished).toBeGreaterThanOrEqual(4);
      // The same seeded estate compressed in time, to within the rounding of the compressed spans.
      for (const key of ["started", "finished"] as const)
        expect(Math.abs(fast[key] - slow[key]), key).toBeLessThanOrEqual(
          Math.max(1, slow[key] * 0.2),
        );
    },
  );
});
