import { describe, expect, it } from "vitest";
import { mapJobSession, resourcePhases } from "./map";
import { jobSessionSchema, logEntrySchema, progressSummarySchema } from "./schemas";
import { mapSessionStatus, mapSummaryStatus } from "./state";

/** The summary from IBM's "Getting progress information about job sessions" example (resourceSummary trimmed). */
const docSummary = {
  links: {
    up: {
      rel: "self",
      href: "https://10.0.0.100/api/progress",
      hreflang: null,
      media: null,
      title: null,
      type: null,
      deprecation: null,
    },
  },
  name: "Service-Dallas",
  type: "HYPERVISORVM",
  siteId: "10.0.1.1",
  location: "/vmware-dallas1.bluemachines.com.invalid/Production/Service-Dallas",
  inHLO: true,
  jobPK: "1096_1610664896075",
  resourceName: "Service-Dallas",
  resourcePk: "221199d6aa263807e7387a0bfcb15326",
  proxyUsed: "10.0.1.1",
  proxyUsedId: "2102",
  isBase: true,
  vmdkIds: null,
  vmdkName: null,
  transportMethod: "[hotadd]",
  vmdkCount: 1,
  protectedVmdkCount: 1,
  totalDataTransferred: "37.59 GB",
  total: 0,
  throughput: "217081904",
  queueTimeStart: 0,
  queueTimeEnd: 0,
  isSuccess: true,
  summaryStatus: "partial",
  vSnapUsed: "10.0.1.1",
  vSnapUsedId: null,
  percentageCompleted: 50,
  vsnapVolumes: {
    spp_1096_2207_176f26b6caf__group66c64994fb89402d922491630feba43: "2102.volume.3",
  },
  groupParentPk: null,
  groupPercentageCompleted: 0,
  resourcePhaseName: null,
  resourcePhaseProgressPercentage: 0,
  phaseNumber: 0,
  totalPhases: 0,
  Name: "Service-Dallas",
  partitionId: null,
  message: null,
  backupStartTime: 1610384909,
  backupEndTime: 1610385140,
  errorCode: 0,
  elapsedTime: 230,
  base: true,
  success: true,
  protected: false,
  failed: false,
  systemHold: false,
  id: "1610664896075.221199d6aa263807e7387a0bfcb15326",
  host: "10.250.250.13",
  resourceType: "resourcesummary",
  resourceSummary: { name: "Service-Dallas", summaryStatus: "complete" },
};

const running = progressSummarySchema.parse({
  ...docSummary,
  id: "1610664896075.aaaa",
  resourcePk: "aaaa",
  name: "web-01",
  resourceName: "web-01",
  summaryStatus: "running",
  totalDataTransferred: "1.25 GB",
  throughput: "100000000",
  percentageCompleted: 40,
  phaseNumber: 2,
  totalPhases: 3,
  resourcePhaseName: "Transferring data",
  resourcePhaseProgressPercentage: 20,
  backupStartTime: 1610664900,
  backupEndTime: 0,
  elapsedTime: 60,
});

const session = jobSessionSchema.parse({
  id: 1610664896075,
  jobId: "1096",
  jobName: "vmware_Gold",
  type: "protection",
  subPolicyType: "VMWARE",
  start: 1610664896075,
  end: null,
  status: "RUNNING",
  percent: 45,
});

const logs = [
  {
    id: "2",
    jobsessionId: "1610664896075",
    logTime: 1610664960000,
    type: "ERROR",
    messageId: "CTGGA2412",
    message: "Backup of db failed",
  },
  {
    id: "1",
    jobsessionId: "1610664896075",
    logTime: 1610664896075,
    type: "INFO",
    messageId: "CTGGA2384",
    message: "Job started",
  },
  {
    jobsessionId: "1610664896075",
    logTime: 1610664961000,
    type: "WARN",
    message: "Slow datastore",
  },
].map((l) => logEntrySchema.parse(l));

describe("mapJobSession", () => {
  const job = mapJobSession({
    session,
    summaries: [progressSummarySchema.parse(docSummary), running],
    logs,
  });

  it("maps the session and sums what its resources moved, exactly", () => {
    expect(job.vendorId).toBe("1610664896075");
    expect(job.state).toBe("running");
    expect(job.vendorState).toBe("RUNNING");
    expect(job.progress).toBe(45);
    expect(job.bytesDone).toBe(37_590_000_000n + 1_250_000_000n);
    expect(job.throughputBps).toBe(100_000_000);
    expect(job.startedAt?.getTime()).toBe(1610664896075);
    expect(job.endedAt).toBeNull();
    expect(job.name).toBe("vmware_Gold");
    expect(job.message).toBe("Backup of db failed");
  });

  it("makes each resource a lane, with phase n of m under the running one", () => {
    const phases = job.phases ?? [];
    const dallas = phases.find((p) => p.key === "resource:221199d6aa263807e7387a0bfcb15326");
    expect(dallas).toMatchObject({
      lane: "Service-Dallas",
      state: "partial",
      vendorStatus: "partial",
      parentKey: null,
    });
    expect(dallas?.startedAt?.getTime()).toBe(1610384909_000);
    expect(dallas?.endedAt?.getTime()).toBe(1610385140_000);
    const children = phases.filter((p) => p.parentKey === "resource:aaaa");
    expect(children.map((p) => [p.key, p.name, p.state, p.lane])).toEqual([
      ["resource:aaaa:phase:1", "Phase 1 of 3", "succeeded", "web-01"],
      ["resource:aaaa:phase:2", "Phase 2 of 3: Transferring data", "running", "web-01"],
    ]);
  });

  it("turns the job log into events with stable keys and into log lines in time order", () => {
    expect(job.events?.map((e) => [e.key, e.severity])).toEqual([
      ["log:1", "info"],
      ["log:2", "error"],
      [expect.stringMatching(/^log:1610664961000::[0-9a-z]+$/), "warning"],
    ]);
    const again = mapJobSession({ session, summaries: [running], logs: [...logs].reverse() });
    expect(again.events?.map((e) => e.key)).toEqual(job.events?.map((e) => e.key));
    expect(job.log?.map((l) => [l.seq, l.level, l.text])).toEqual([
      [0, "INFO", "Job started"],
      [1, "ERROR", "Backup of db failed"],
      [2, "WARN", "Slow datastore"],
    ]);
  });

  it("samples at the vendor's time: the running resource's start plus elapsed", () => {
    expect(job.samples).toEqual([
      {
        at: new Date(1610664960_000),
        bytesDone: job.bytesDone,
        bytesPerSec: 100_000_000,
        percent: 45,
      },
    ]);
  });

  it("reports no throughput or sample once the session has ended", () => {
    const done = mapJobSession({
      session: jobSessionSchema.parse({ ...session, status: "PARTIAL", end: 1610665896075 }),
      summaries: [progressSummarySchema.parse(docSummary)],
      logs: [],
    });
    expect(done.state).toBe("partial");
    expect(done.throughputBps).toBeNull();
    expect(done.samples).toBeUndefined();
    expect(done.phases).toHaveLength(1);
  });
});

describe("resourcePhases", () => {
  it("orders lanes by start, not-yet-started last", () => {
    const pending = progressSummarySchema.parse({
      ...docSummary,
      id: "x.b",
      resourcePk: "b",
      resourceName: "b-db",
      summaryStatus: "pending",
      backupStartTime: 0,
      backupEndTime: 0,
    });
    const keys = resourcePhases([pending, running, progressSummarySchema.parse(docSummary)])
      .filter((p) => !p.parentKey)
      .map((p) => p.lane);
    expect(keys).toEqual(["Service-Dallas", "web-01", "b-db"]);
  });
});

describe("state mapping", () => {
  it("maps every documented session status", () => {
    const cases: Array<[string, string]> = [
      ["RUNNING", "running"],
      ["PENDING", "queued"],
      ["HELD", "queued"],
      ["WAITING", "queued"],
      ["PAUSING", "paused"],
      ["PAUSED", "paused"],
      ["SUSPENDING", "paused"],
      ["SUSPENDED", "paused"],
      ["STOPPING", "aborting"],
      ["CANCELING", "aborting"],
      ["STOPPED", "aborted"],
      ["CANCELED", "canceled"],
      ["FAILED", "failed"],
      ["PARTIAL", "partial"],
      ["COMPLETED", "succeeded"],
    ];
    for (const [vendor, unified] of cases) expect(mapSessionStatus(vendor, false)).toBe(unified);
  });

  it("keeps unknown words tolerable: running while open, partial once ended", () => {
    expect(mapSessionStatus("UNKNOWN", false)).toBe("running");
    expect(mapSessionStatus("RESOURCE_ACTIVE", true)).toBe("partial");
    expect(mapSummaryStatus("skipped", true)).toBe("canceled");
    expect(mapSummaryStatus("complete", true)).toBe("succeeded");
    expect(mapSummaryStatus("warning", true)).toBe("partial");
    expect(mapSummaryStatus(null, false)).toBe("running");
  });
});
