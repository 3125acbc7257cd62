import { describe, expect, it } from "vitest";
import type { JobSummary } from "@/lib/contracts/jobs";
import { bulkOptions } from "./bulk-actions";

const base: JobSummary = {
  id: "",
  sourceId: "s",
  sourceName: "src",
  kind: "ontap",
  vendorId: "",
  type: "t",
  name: "",
  state: "running",
  vendorState: "x",
  progress: null,
  bytesDone: null,
  bytesTotal: null,
  throughputBps: null,
  startedAt: null,
  endedAt: null,
  sortAt: "2026-01-01T00:00:00Z",
  submittedBy: null,
  dataset: null,
  policy: null,
  cluster: null,
  drGroup: null,
  message: null,
  goneAt: null,
  updatedAt: "2026-01-01T00:00:00Z",
};
const job = (id: string, over: Partial<JobSummary>): JobSummary => ({
  ...base,
  id,
  name: id,
  vendorId: id,
  ...over,
});

describe("bulkOptions", () => {
  it("offers each action with exactly the jobs it can apply to", () => {
    const jobs = [
      job("a", { kind: "ontap", state: "running" }),
      job("b", { kind: "ontap", state: "paused" }),
      job("c", { kind: "dfm", state: "running" }),
      job("d", { kind: "dfm", state: "failed" }),
      job("e", { kind: "ontap", state: "running", goneAt: "2026-01-01T00:00:00Z" }),
    ];
    const byAction = Object.fromEntries(
      bulkOptions(jobs, "admin").map((o) => [o.action, o.jobs.map((j) => j.id)]),
    );
    expect(byAction).toEqual({
      pause: ["a"],
      cancel: ["a", "b"],
      resume: ["b"],
      abort: ["c"],
      purge: ["d"],
    });
  });

  it("leaves out what the role may not do", () => {
    const jobs = [
      job("d", { kind: "dfm", state: "failed" }),
      job("c", { kind: "dfm", state: "running" }),
    ];
    expect(bulkOptions(jobs, "operator").map((o) => o.action)).toEqual(["abort"]);
    expect(bulkOptions(jobs, "viewer")).toEqual([]);
  });
});
