import { describe, expect, it } from "vitest";
import type { JobSummary } from "@/lib/contracts/jobs";
import { eventForTopic, jobMatchesTopic } from "./topic";

const job = (over: Partial<JobSummary>): JobSummary => ({
  id: "00000000-0000-4000-8000-000000000001",
  sourceId: "s1",
  sourceName: "a",
  kind: "ontap",
  vendorId: "42",
  type: "snapmirror",
  name: "Vol1 to Vol2",
  state: "running",
  vendorState: "x",
  progress: null,
  bytesDone: null,
  bytesTotal: null,
  throughputBps: null,
  startedAt: null,
  endedAt: null,
  sortAt: "2026-01-01T00:00:00.000Z",
  submittedBy: null,
  dataset: "ds9",
  policy: null,
  cluster: null,
  drGroup: null,
  message: null,
  goneAt: null,
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...over,
});

describe("stream topics", () => {
  it("sends a job page only its job", () => {
    expect(jobMatchesTopic({ job: job({}).id }, job({}))).toBe(true);
    expect(jobMatchesTopic({ job: "00000000-0000-4000-8000-000000000002" }, job({}))).toBe(false);
    expect(eventForTopic({ job: job({}).id }, { type: "source", sourceId: "s1" })).toBeNull();
  });

  it("evaluates a list's source, vendor, type and text filters, whatever the job's state", () => {
    const topic = { source: ["s1"], kind: ["ontap" as const], type: ["snapmirror"], q: "vol1" };
    expect(jobMatchesTopic(topic, job({ state: "succeeded" }))).toBe(true);
    expect(jobMatchesTopic(topic, job({ sourceId: "s2" }))).toBe(false);
    expect(jobMatchesTopic(topic, job({ kind: "dfm" }))).toBe(false);
    expect(jobMatchesTopic(topic, job({ type: "backup" }))).toBe(false);
    expect(jobMatchesTopic(topic, job({ name: "other" }))).toBe(false);
    expect(jobMatchesTopic({ q: "DS9" }, job({}))).toBe(true);
  });

  it("keeps only the matching jobs of a batch and drops other sources' health", () => {
    const event = {
      type: "jobs" as const,
      jobs: [job({}), job({ sourceId: "s2", id: "00000000-0000-4000-8000-000000000003" })],
    };
    expect(eventForTopic({ source: ["s2"] }, event)).toEqual({
      type: "jobs",
      jobs: [event.jobs[1]],
    });
    expect(eventForTopic({ source: ["s3"] }, event)).toBeNull();
    expect(eventForTopic({ source: ["s3"] }, { type: "source", sourceId: "s1" })).toBeNull();
    expect(eventForTopic({}, { type: "resync" })).toEqual({ type: "resync" });
  });

  it("hands every subscriber whom all of an event concerns the event itself, so it is encoded once", () => {
    const event = {
      type: "jobs" as const,
      jobs: [job({}), job({ id: "00000000-0000-4000-8000-000000000002", kind: "dfm" })],
    };
    expect(eventForTopic({}, event)).toBe(event);
    expect(eventForTopic({ kind: ["ontap", "dfm"] }, event)).toBe(event);
    const part = eventForTopic({ kind: ["dfm"] }, event);
    expect(part).not.toBe(event);
    expect(part?.type === "jobs" && part.jobs.map((j) => j.kind)).toEqual(["dfm"]);
  });
});
