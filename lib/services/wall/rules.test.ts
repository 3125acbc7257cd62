import { describe, expect, it } from "vitest";
import type { JobSummary } from "@/lib/contracts/jobs";
import { latestReadiness, markRecovered, matchSources, type ReadinessPhase } from "./rules";

const job = (over: Partial<JobSummary>): JobSummary => ({
  id: "j",
  sourceId: "s1",
  sourceName: "ONTAP",
  kind: "ontap",
  vendorId: "1",
  type: "backup",
  name: "nightly",
  state: "failed",
  vendorState: "failure",
  progress: null,
  bytesDone: null,
  bytesTotal: null,
  throughputBps: null,
  startedAt: "2026-01-01T10:00:00.000Z",
  endedAt: "2026-01-01T11:00:00.000Z",
  sortAt: "2026-01-01T10:00:00.000Z",
  submittedBy: null,
  dataset: "vol1",
  policy: null,
  cluster: null,
  drGroup: null,
  message: null,
  goneAt: null,
  updatedAt: "2026-01-01T11:00:00.000Z",
  ...over,
});

describe("matchSources", () => {
  const sources = [
    { id: "A1", name: "NetApp ONTAP (demo)", kind: "ontap" },
    { id: "b2", name: "Commvault (demo)", kind: "commvault" },
  ];
  it("keeps every source when nothing is asked for", () => {
    expect(matchSources(sources, [])).toHaveLength(2);
    expect(matchSources(sources, [" "])).toHaveLength(2);
  });
  it("matches by id, kind or name, ignoring case", () => {
    expect(matchSources(sources, ["a1"]).map((s) => s.id)).toEqual(["A1"]);
    expect(matchSources(sources, ["COMMVAULT"]).map((s) => s.id)).toEqual(["b2"]);
    expect(matchSources(sources, ["netapp ontap (demo)", "nope"]).map((s) => s.id)).toEqual(["A1"]);
  });
});

describe("markRecovered", () => {
  const run = (
    startedAt: string,
    over: Partial<Parameters<typeof markRecovered>[1][number]> = {},
  ) => ({
    sourceId: "s1",
    type: "backup",
    name: "nightly",
    dataset: "vol1",
    policy: null,
    drGroup: null,
    startedAt: new Date(startedAt),
    ...over,
  });
  it("clears a failure at the first later success of the same job", () => {
    const [f] = markRecovered(
      [job({})],
      [run("2026-01-01T13:00:00Z"), run("2026-01-01T12:00:00Z"), run("2026-01-01T09:00:00Z")],
    );
    expect(f?.recoveredAt).toBe("2026-01-01T12:00:00.000Z");
  });
  it("ignores earlier successes and other jobs' successes", () => {
    const [f] = markRecovered(
      [job({})],
      [
        run("2026-01-01T09:00:00Z"),
        run("2026-01-01T12:00:00Z", { dataset: "vol2" }),
        run("2026-01-01T12:00:00Z", { sourceId: "s2" }),
      ],
    );
    expect(f?.recoveredAt).toBeNull();
  });
  it("never clears a failure with no end time", () => {
    const [f] = markRecovered([job({ endedAt: null })], [run("2026-01-02T00:00:00Z")]);
    expect(f?.recoveredAt).toBeNull();
  });
});

describe("latestReadiness", () => {
  const phase = (over: Partial<ReadinessPhase>): ReadinessPhase => ({
    vendorKey: "z1",
    parentKey: null,
    name: "zone-a",
    state: "succeeded",
    vendorStatus: "OK",
    message: null,
    depth: 0,
    ...over,
  });
  it("takes each zone's result from the newest job that checked it, with its failing policies", () => {
    const newer = {
      id: "new",
      sourceId: "s1",
      sourceName: "Eyeglass",
      endedAt: new Date("2026-01-02T00:00:00Z"),
      phases: [
        phase({ state: "partial", vendorStatus: "WARNING" }),
        phase({
          vendorKey: "z1/p1",
          parentKey: "z1",
          name: "pol-1",
          depth: 1,
          state: "partial",
          vendorStatus: "WARNING",
        }),
        phase({ vendorKey: "z1/p2", parentKey: "z1", name: "pol-2", depth: 1 }),
      ],
    };
    const older = {
      id: "old",
      sourceId: "s1",
      sourceName: "Eyeglass",
      endedAt: new Date("2026-01-01T00:00:00Z"),
      phases: [
        phase({ state: "failed" }),
        phase({ vendorKey: "z2", name: "zone-b", state: "failed", vendorStatus: "ERROR" }),
      ],
    };
    const result = latestReadiness([newer, older]);
    expect(result.map((r) => [r.zone, r.state, r.jobId])).toEqual([
      ["zone-a", "partial", "new"],
      ["zone-b", "failed", "old"],
    ]);
    expect(result[0]?.problems).toEqual([
      { name: "pol-1", state: "partial", vendorStatus: "WARNING" },
    ]);
    expect(result[0]?.checkedAt).toBe("2026-01-02T00:00:00.000Z");
  });
  it("keeps the same zone name apart on two Eyeglass appliances", () => {
    const a = { id: "a", sourceId: "s1", sourceName: "EG one", endedAt: null, phases: [phase({})] };
    const b = {
      id: "b",
      sourceId: "s2",
      sourceName: "EG two",
      endedAt: null,
      phases: [phase({ state: "failed" })],
    };
    expect(latestReadiness([a, b]).map((r) => [r.sourceName, r.state])).toEqual([
      ["EG one", "succeeded"],
      ["EG two", "failed"],
    ]);
  });
});
