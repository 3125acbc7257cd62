import { describe, expect, it } from "vitest";
import { classifyFailover, mapFailoverJob } from "./map";
import { mapReadinessJob } from "./map-checks";
import { checkJobSchema, failoverJobSchema } from "./schemas";

const opts = { productionClusters: ["PROD-ISILON01"] };
const node = (name: string) => ({ id: name.toLowerCase(), ip: "10.0.0.1", name });
const step = (
  id: string,
  name: string,
  state: string,
  status: string,
  started: number,
  finished: number,
  children: unknown[] = [],
  info = "",
) => ({
  childrenDetails: children,
  finished,
  id,
  info,
  name,
  started,
  state,
  status,
});

/** The doc's "Model Job" exactly, placeholders and all. */
const DOC_MODEL = {
  failoverTarget: {
    policies: [
      {
        id: "string",
        name: "string",
        failoverReadiness: { status: "OK" },
        readinessDetail: [
          { name: "string", reason: "string", status: { status: "OK" }, statusChildren: [] },
        ],
        target: { id: "string", ip: "string", name: "string" },
        zone: {
          id: "string",
          name: "string",
          failoverReadiness: { status: "OK" },
          readinessDetail: [],
        },
      },
    ],
    zone: {
      id: "string",
      name: "string",
      failoverReadiness: { status: "OK" },
      readinessDetail: [],
    },
  },
  finished: 0,
  id: "string",
  jobStatusDetails: {
    childrenDetails: [],
    finished: 0,
    id: "string",
    info: "string",
    name: "string",
    started: 0,
    state: "string",
    status: "string",
  },
  jobType: "zone_failover",
  name: "string",
  sourceNode: { id: "string", ip: "string", name: "string" },
  started: 0,
  success: true,
  targetNode: { id: "string", ip: "string", name: "string" },
};

const T = 1795435200000;
const finishedFailover = (
  success: boolean,
  rootStatus: string,
  writable: unknown[],
  info = "",
) => ({
  ...DOC_MODEL,
  id: "fo1",
  name: "Zone failover zone-eng PROD-ISILON01 -> DR-ISILON01",
  started: T,
  finished: T + 600_000,
  success,
  sourceNode: node("PROD-ISILON01"),
  targetNode: node("DR-ISILON01"),
  failoverTarget: {
    policies: [],
    zone: {
      id: "z",
      name: "zone-eng",
      failoverReadiness: { status: "WARNING" },
      readinessDetail: [
        {
          name: "SPN validation",
          reason: "SPN missing",
          status: { status: "WARNING" },
          statusChildren: [],
        },
      ],
    },
  },
  jobStatusDetails: step(
    "fo1",
    "Zone failover",
    "FINISHED",
    rootStatus,
    T,
    T + 600_000,
    [
      step("readiness", "Readiness validation", "FINISHED", "WARNING", T, T + 20_000, [
        step(
          "readiness-zone",
          "Check failover readiness",
          "FINISHED",
          "WARNING",
          T,
          T + 20_000,
          [],
          "SPN missing",
        ),
      ]),
      step(
        "make-writable",
        "Make target writable",
        "FINISHED",
        "ERROR",
        T + 20_000,
        T + 90_000,
        writable,
      ),
    ],
    info,
  ),
});
const ok = (id: string) =>
  step(id, `Allow writes on target: ${id}`, "FINISHED", "SUCCESS", T + 20_000, T + 50_000);
const bad = (id: string) =>
  step(
    id,
    `Allow writes on target: ${id}`,
    "FINISHED",
    "ERROR",
    T + 50_000,
    T + 90_000,
    [],
    "SyncIQ target not ready",
  );

const map = (raw: unknown) => mapFailoverJob(failoverJobSchema.parse(raw), raw, opts);

describe("mapFailoverJob", () => {
  it("accepts the doc's model with its placeholders without inventing times", () => {
    const job = map(DOC_MODEL);
    expect(job.vendorId).toBe("failover:string");
    expect([job.state, job.vendorState, job.startedAt, job.endedAt]).toEqual([
      "queued",
      "string/string",
      null,
      null,
    ]);
    expect(job.phases).toEqual([]);
  });

  it("tolerates the doc's contradictory small example", () => {
    const raw = {
      id: "job1",
      name: "FailoverJob1",
      status: "running",
      startTime: "2024-11-01T10:00:00Z",
      endTime: "2024-11-01T12:00:00Z",
    };
    const job = map(raw);
    expect([job.state, job.vendorState, job.startedAt?.toISOString()]).toEqual([
      "running",
      "running",
      "2024-11-01T10:00:00.000Z",
    ]);
    expect(job.endedAt).toBeNull();
    expect(job.raw).toBe(raw);
  });

  it("builds nested phases keyed by the step-id path, with events for warnings and errors", () => {
    const job = map(finishedFailover(false, "ERROR", [ok("a"), bad("b")]));
    expect(job.phases?.map((p) => [p.key, p.parentKey, p.state, p.lane])).toEqual([
      ["readiness", null, "partial", "Readiness validation"],
      ["readiness/readiness-zone", "readiness", "partial", "Readiness validation"],
      ["make-writable", null, "failed", "Make target writable"],
      ["make-writable/a", "make-writable", "succeeded", "Make target writable"],
      ["make-writable/b", "make-writable", "failed", "Make target writable"],
    ]);
    expect(job.events?.map((e) => [e.key, e.severity])).toEqual([
      ["readiness:zone-eng:SPN validation", "warning"],
      ["step:readiness", "warning"],
      ["step:readiness/readiness-zone", "warning"],
      ["step:make-writable", "error"],
      ["step:make-writable/b", "error"],
    ]);
    expect(job.drGroup).toBe("zone-eng");
    expect(job.endedAt?.getTime()).toBe(T + 600_000);
  });

  it.each([
    ["success", true, "WARNING", [ok("a")], "", "succeeded"],
    ["some policies writable, some not", false, "ERROR", [ok("a"), bad("b")], "", "partial"],
    ["nothing writable", false, "ERROR", [bad("a")], "", "failed"],
    ["cancelled with ERROR status", false, "ERROR", [bad("a")], "Cancelled by user", "canceled"],
    ["cancelled with CANCELLED status", false, "CANCELLED", [bad("a")], "", "canceled"],
    ["an unknown status word", true, "DONE_OK", [ok("a")], "", "succeeded"],
  ] as const)("%s → %s", (_label, success, status, writable, info, expected) => {
    const job = map(finishedFailover(success, status, [...writable], info));
    expect(job.state).toBe(expected);
    expect(job.vendorState).toBe(`FINISHED/${status}`);
  });

  it("numbers sibling steps that share a name and have no id, so keys stay unique and stable", () => {
    const raw = {
      ...DOC_MODEL,
      jobStatusDetails: step("r", "root", "RUNNING", "INFO", T, 0, [
        { name: "Sync", state: "FINISHED", status: "SUCCESS", started: T, finished: T + 1 },
        { name: "Sync", state: "RUNNING", status: "INFO", started: T + 1 },
        {},
      ]),
    };
    expect(map(raw).phases?.map((p) => [p.key, p.state])).toEqual([
      ["Sync", "succeeded"],
      ["Sync#2", "running"],
    ]);
  });
});

describe("classifyFailover", () => {
  it.each([
    [{ jobType: "dr_test", name: "x" }, "dr-test"],
    [{ jobType: "zone_failover", name: "DR test enter finance" }, "dr-test"],
    [{ jobType: "rehearsal", name: "x" }, "rehearsal"],
    [{ jobType: "zone_failover", name: "x", targetNode: node("PROD-ISILON01") }, "failback"],
    [{ jobType: "policy_failover", name: "x", targetNode: node("DR-ISILON01") }, "failover"],
    [{ jobType: "something_new", name: "x" }, "failover"],
  ])("%j → %s", (job, type) => {
    expect(classifyFailover(job, opts)).toBe(type);
  });
});

describe("mapReadinessJob", () => {
  it("accepts the doc's example and maps zone/policy results to events by severity", () => {
    const doc = {
      childrenDetails: [{}],
      finished: 0,
      id: "string",
      info: "string",
      name: "string",
      started: 0,
      state: "string",
      status: "string",
    };
    expect(mapReadinessJob(checkJobSchema.parse(doc), doc).phases).toEqual([]);
    const raw = step("r1", "Zone Readiness", "FINISHED", "WARNING", T, T + 60_000, [
      step("z1", "zone-eng", "FINISHED", "WARNING", T, T + 30_000, [
        step("z1-spn", "SPN validation", "FINISHED", "WARNING", T, T + 1_000, [], "SPN missing"),
        step("p1", "eng-builds", "FINISHED", "OK", T + 1_000, T + 30_000, [
          step("p1-c", "SyncIQ policy state", "FINISHED", "OK", T + 1_000, T + 30_000),
        ]),
      ]),
      step("z2", "zone-hr", "FINISHED", "ERROR", T + 30_000, T + 60_000, [
        step("p2", "hr-data", "FINISHED", "ERROR", T + 30_000, T + 60_000, [
          step(
            "p2-c",
            "SyncIQ last run",
            "FINISHED",
            "ERROR",
            T + 30_000,
            T + 60_000,
            [],
            "last run failed",
          ),
        ]),
      ]),
    ]);
    const job = mapReadinessJob(checkJobSchema.parse(raw), raw);
    expect([job.type, job.state, job.drGroup, job.policy]).toEqual([
      "readiness",
      "partial",
      "zone-eng, zone-hr",
      "eng-builds, hr-data",
    ]);
    expect(job.events?.map((e) => [e.type, e.severity, e.message])).toEqual([
      ["readiness.zone", "warning", "zone-eng: WARNING"],
      ["readiness.policy", "info", "zone-eng / eng-builds: OK"],
      ["readiness.zone", "error", "zone-hr: ERROR"],
      ["readiness.policy", "error", "zone-hr / hr-data: ERROR"],
      ["step.warning", "warning", "zone-eng > SPN validation: SPN missing"],
      ["step.error", "error", "zone-hr > hr-data > SyncIQ last run: last run failed"],
    ]);
  });
});
