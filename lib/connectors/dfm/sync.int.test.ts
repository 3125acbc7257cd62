import { drainSync } from "@/lib/testing/drain-sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventsAt } from "@/lib/simulators/dfm/events";
import { scheduledJobs } from "@/lib/simulators/dfm/schedule";
import { jobAt } from "@/lib/simulators/dfm/timeline";
import { startConnectorRig, type ConnectorRig } from "@/lib/testing/connector-rig";

let h: ConnectorRig<"dfm">;
beforeEach(async () => {
  h = await startConnectorRig("dfm");
});
afterEach(async () => {
  await h.close();
});

const openTags = () =>
  h.simulator.context.tags.jobs.size() +
  h.simulator.context.tags.events.size() +
  h.simulator.context.tags.schedule.size();
const nowSec = () => Math.floor(h.clock.now() / 1000);

describe("DFM connector sync against the simulator", () => {
  it("first poll lists the whole estate with states, bytes, events, phases and schedules matching the server", async () => {
    const batch = await drainSync(h.connector, null);
    const truth = h.simulator.context.estate.list();
    expect(batch.presentIds?.sort()).toEqual(truth.map((j) => String(j.id)).sort());
    expect(batch.jobs).toHaveLength(truth.length);
    const byId = new Map(batch.jobs.map((j) => [j.vendorId, j]));
    const seen = new Set<string>();
    for (const job of truth) {
      const at = jobAt(job, h.clock.now());
      const got = byId.get(String(job.id));
      expect(got?.bytesDone).toBe(at.bytes);
      expect(got?.vendorState).toBe(`${at.state} · ${at.progress}`);
      expect(got?.startedAt?.getTime() ?? null).toBe(
        at.startedMs === null ? null : Math.floor(at.startedMs / 1000) * 1000,
      );
      expect(got?.events?.map((e) => e.key).sort()).toEqual(
        eventsAt(job, h.clock.now())
          .map((e) => String(e.id))
          .sort(),
      );
      const started = job.transfers.filter((_, i) =>
        eventsAt(job, h.clock.now()).some((e) => e.id === job.id * 1000 + 10 + i * 20),
      );
      expect(got?.phases).toHaveLength(started.length);
      seen.add(`${at.state}/${at.progress}`);
    }
    for (const combo of [
      "completed/success",
      "completed/failure",
      "running/in_progress",
      "aborted/in_progress",
      "queued/in_progress",
    ]) {
      expect(seen).toContain(combo);
    }
    const states = new Set(batch.jobs.map((j) => j.state));
    for (const s of ["succeeded", "failed", "running", "queued", "aborted"] as const)
      expect(states).toContain(s);
    const expected = scheduledJobs(
      nowSec(),
      nowSec() + 24 * 3600,
      h.simulator.context.schedule.edits,
    );
    expect(batch.scheduled?.map((s) => s.startsAt.getTime() / 1000)).toEqual(
      expected.map((s) => Number(s["start-time"])),
    );
    expect(batch.scheduled?.[0]?.dataset).toMatch(/^ds_/);
    expect(new Set(batch.scheduled?.map((s) => s.vendorId)).size).toBe(expected.length);
    expect(openTags()).toBe(0);
  });

  it("maps a completed job's outcome from job-progress, including partial_success", async () => {
    const batch = await drainSync(h.connector, null);
    for (const job of batch.jobs) {
      const progress = job.vendorState.split(" · ")[1];
      if (!job.vendorState.startsWith("completed")) continue;
      expect(job.state).toBe(
        progress === "failure"
          ? "failed"
          : progress === "partial_success"
            ? "partial"
            : "succeeded",
      );
    }
    const failedPhase = batch.jobs.flatMap((j) => j.phases ?? []).find((p) => p.state === "failed");
    expect(failedPhase?.endedAt).toBeInstanceOf(Date);
    expect(failedPhase?.message).toBeTruthy();
  });

  it("polls incrementally: new and still-running jobs, growing bytes, no schedule re-list until it changes", async () => {
    const first = await drainSync(h.connector, null);
    const running = first.jobs.find((j) => j.state === "running" && j.type !== "local_backup");
    expect(running).toBeDefined();
    const maxId = Math.max(...first.jobs.map((j) => Number(j.vendorId)));
    h.clock.advance(60_000);
    const created = await h.control("/__sim/jobs", { durationMs: 600_000, type: "mirror" });
    h.clock.advance(30_000);
    const second = await h.connector.listChanged(first.cursor);
    expect(second.presentIds).toBeUndefined();
    expect(second.scheduled).toBeUndefined();
    const ids = second.jobs.map((j) => j.vendorId);
    expect(ids).toContain(created.body.vendorId);
    const truthActive = h.simulator.context.estate
      .list()
      .filter((j) => !["completed", "aborted"].includes(jobAt(j, h.clock.now()).state));
    for (const j of truthActive) expect(ids).toContain(String(j.id));
    for (const j of h.simulator.context.estate.list().filter((j) => j.id > maxId))
      expect(ids).toContain(String(j.id));
    expect(ids.length).toBeLessThan(first.jobs.length / 4);
    const again = second.jobs.find((j) => j.vendorId === running?.vendorId);
    expect(again).toBeDefined();
    if (again?.state === "running")
      expect((again.bytesDone ?? 0n) > (running?.bytesDone ?? 0n)).toBe(true);
    expect(again?.samples?.at(-1)?.at.getTime()).toBe(nowSec() * 1000);

    await h.control("/__sim/schedules/change");
    h.clock.advance(10_000);
    const third = await h.connector.listChanged(second.cursor);
    const expected = scheduledJobs(
      nowSec(),
      nowSec() + 24 * 3600,
      h.simulator.context.schedule.edits,
    );
    expect(third.scheduled?.map((s) => s.vendorId.split(":")[3])).toEqual(
      expected.map((s) => s["start-time"]),
    );
    expect(openTags()).toBe(0);
  });

  it("a job that finished between polls is re-read once with its final state and job-end event", async () => {
    const created = await h.control("/__sim/jobs", { durationMs: 40_000, type: "mirror" });
    const id = String(created.body.vendorId);
    const first = await drainSync(h.connector, null);
    expect(first.jobs.find((j) => j.vendorId === id)?.state).toBe("running");
    h.clock.advance(120_000);
    const second = await h.connector.listChanged(first.cursor);
    const done = second.jobs.find((j) => j.vendorId === id);
    expect(done?.state).toBe("succeeded");
    expect(done?.events?.at(-1)?.type).toBe("job-end");
    expect(done?.phases?.[0]?.state).toBe("succeeded");
    h.clock.advance(120_000);
    const third = await h.connector.listChanged(second.cursor);
    expect(third.jobs.find((j) => j.vendorId === id)).toBeUndefined();
  });

  it("reads events per job when few changed, with one global listing when many did", async () => {
    const calls = () => h.sim.requestCounts.get("POST /apis/XMLrequest") ?? 0;
    const first = await drainSync(h.connector, null);
    expect(first.jobs.length).toBeGreaterThan(100);
    // Events are listed per step for the many jobs, not once per job.
    expect(calls(), `${first.steps} steps, ${first.jobs.length} jobs`).toBeLessThan(
      first.jobs.length / 2,
    );
    h.clock.advance(30_000);
    const before = calls();
    const second = await h.connector.listChanged(first.cursor);
    expect(second.jobs.length).toBeGreaterThan(1);
    expect(calls() - before).toBeGreaterThanOrEqual(1 + 2 * second.jobs.length);
    expect(second.jobs.every((j) => j.events !== undefined && j.phases !== undefined)).toBe(true);
  });

  it("keeps a 2^63-1 byte count exact end to end", async () => {
    const created = await h.control("/__sim/jobs", {
      durationMs: 30_000,
      type: "mirror",
      bytes: "9223372036854775807",
    });
    h.clock.advance(60_000);
    const job = await h.connector.getJob(String(created.body.vendorId));
    expect(job?.bytesDone).toBe(9223372036854775807n);
    expect(job?.samples?.at(-1)?.bytesDone).toBe(9223372036854775807n);
    expect(await h.connector.getJob("99999999")).toBeNull();
  });

  it("answers test connection from the server", async () => {
    expect(await h.connector.testConnection()).toMatch(
      new RegExp(`${h.simulator.context.estate.list().length} jobs on record`),
    );
  });
});

describe("DFM records that do not match the document", () => {
  it("quarantines a bad dp-job-info and a bad event, and stores the rest of their pages", async () => {
    await h.close();
    h = await startConnectorRig("dfm", { scenario: { brokenJobEvery: 50, brokenEventEvery: 40 } });
    const batch = await drainSync(h.connector, null);
    const truth = h.simulator.context.estate.list();
    const brokenJobs = truth.filter((j) => j.id % 50 === 0).map((j) => String(j.id));
    expect(brokenJobs.length).toBeGreaterThan(3);
    expect(batch.jobs.map((j) => j.vendorId).sort()).toEqual(
      truth
        .map((j) => String(j.id))
        .filter((id) => !brokenJobs.includes(id))
        .sort(),
    );
    const keys = (batch.quarantined ?? []).map((q) => q.key);
    expect(keys.filter((k) => !k.startsWith("event ")).sort()).toEqual(brokenJobs.sort());
    const byKey = new Map((batch.quarantined ?? []).map((q) => [q.key, q]));
    expect(byKey.get(brokenJobs[0] ?? "")?.reason).toBe(
      "dp-job-info: job-type: Invalid input: expected string, received undefined",
    );
    // Every bad event of a stored job is quarantined under its own key; the job keeps its other events.
    const now = h.clock.now();
    let checked = 0;
    for (const job of batch.jobs) {
      const simJob = truth.find((j) => String(j.id) === job.vendorId);
      if (!simJob) throw new Error(`job ${job.vendorId} is not on the server`);
      const events = eventsAt(simJob, now);
      const bad = events.filter((e) => e.id % 40 === 0);
      if (bad.length === 0) continue;
      for (const e of bad)
        expect(byKey.get(`event ${e.id}`)?.reason).toMatch(
          /^dp-job-progress-event-info: event-timestamp: /,
        );
      expect(job.events).toHaveLength(events.length - bad.length);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });
});
