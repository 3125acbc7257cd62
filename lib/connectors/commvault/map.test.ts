import { describe, expect, it } from "vitest";
import { parseJsonReply, validateReply } from "@/lib/connectors/http/parse-reply";
import { DOC_JOBSTATS_JSON, DOC_JOBSTATS_XML } from "./fixtures";
import { jobStateOf, jobTypeOf, mapCommvaultJob, phaseStateOf } from "./map";
import { jobStatsSchema, pairSchema, type CvJobSummary, type CvPair } from "./schemas";
import { xmlToObject } from "./xml";

const pairs = (items: unknown[] | undefined): CvPair[] =>
  (items ?? []).map((p) => pairSchema.parse(p));
const docPairs = (): CvPair[] =>
  pairs(parseJsonReply(DOC_JOBSTATS_JSON, jobStatsSchema, "doc").job);
const summary = (over: Partial<CvJobSummary>): CvJobSummary => ({ jobId: 2416, ...over });
const at = (s: number) => new Date(s * 1000);

describe("mapCommvaultJob on the document's sample", () => {
  const job = mapCommvaultJob(
    "2416",
    docPairs(),
    summary({
      status: "Failed",
      jobType: "Planned Failover",
      subclientName: "Finance-ERP",
      pendingReason: "Replication failed",
      jobStartTime: 1502403488,
      jobEndTime: 1502405709,
    }),
  );

  it("names phases from the code table, one lane per pair, with stable keys", () => {
    expect(job.phases?.map((p) => [p.key, p.name, p.lane, p.state])).toEqual([
      ["22-0:15:0", "Disable Sync", "johndoeVm9", "succeeded"],
      ["22-0:24:0", "Shutdown", "johndoeVm9", "succeeded"],
      ["22-0:8:0", "Backup", "johndoeVm9", "succeeded"],
      ["22-0:7:0", "Replication", "johndoeVm9", "failed"],
    ]);
    expect(job.phases?.[3]).toMatchObject({
      startedAt: at(1502405399),
      endedAt: at(1502405709),
      vendorStatus: "1",
      message: "Replication failed",
    });
  });

  it("takes type, group, state and times from the summary and keeps the raw payload", () => {
    expect(job).toMatchObject({
      vendorId: "2416",
      type: "planned-failover",
      drGroup: "Finance-ERP",
      name: "Planned Failover: Finance-ERP",
      state: "failed",
      vendorState: "Failed",
      startedAt: at(1502403488),
      endedAt: at(1502405709),
      dataset: "johndoeVm9",
    });
    expect(job.raw).toMatchObject({ pairs: [{ jobId: 2416, vapp: { vAppId: 1 } }] });
  });

  it("emits one start and one end event per phase, with keys stable across polls", () => {
    expect(job.events).toHaveLength(8);
    expect(job.events?.find((e) => e.key === "22-0:7:0:end")).toMatchObject({
      severity: "error",
      type: "phase-end",
    });
    const again = mapCommvaultJob("2416", docPairs(), null);
    expect(again.events?.map((e) => e.key)).toEqual(job.events?.map((e) => e.key));
  });

  it("reads the XML form of the same reply into the same job", () => {
    const xmlPairs = pairs(
      validateReply(
        xmlToObject(DOC_JOBSTATS_XML, "Api_VirtualAppJobDetailsResp", "doc"),
        jobStatsSchema,
        "doc",
      ).job,
    );
    const fromXml = mapCommvaultJob("2416", xmlPairs, null);
    const fromJson = mapCommvaultJob("2416", docPairs(), null);
    expect({ ...fromXml, raw: null }).toEqual({ ...fromJson, raw: null });
  });
});

describe("phases", () => {
  it("shows an unknown code as 'Phase N' and counts repeats of a code in the key", () => {
    const pairs: CvPair[] = [
      {
        jobId: 9,
        replicationId: 3,
        client: { clientId: 7, clientName: "vm" },
        phase: [
          { phase: 77, status: 0, startTime: { time: 10 }, endTime: { time: 20 } },
          { phase: 0, status: 0, startTime: { time: 20 }, endTime: { time: 30 } },
          { phase: 0, status: 5, startTime: { time: 30 } },
        ],
      },
    ];
    const job = mapCommvaultJob("9", pairs, null);
    expect(job.phases?.map((p) => [p.key, p.name, p.state, p.endedAt])).toEqual([
      ["3-7:77:0", "Phase 77", "succeeded", at(20)],
      ["3-7:0:0", "Script Execution", "succeeded", at(30)],
      ["3-7:0:1", "Script Execution", "running", null],
    ]);
    expect(job.state).toBe("running");
  });

  it("treats a zero endTime as no end, whatever the status says", () => {
    expect(
      phaseStateOf(
        { phase: 7, status: 0, startTime: { time: 5 }, endTime: { time: 0 } },
        "running",
      ),
    ).toBe("running");
    expect(phaseStateOf({ phase: 7, status: 2, startTime: { time: 5 } }, "paused")).toBe("paused");
    expect(
      phaseStateOf(
        { phase: 7, status: 9, startTime: { time: 5 }, endTime: { time: 6 } },
        "running",
      ),
    ).toBe("partial");
    expect(
      phaseStateOf(
        { phase: 7, status: 1, startTime: { time: 5 }, endTime: { time: 6 } },
        "aborted",
      ),
    ).toBe("aborted");
  });
});

describe("job state", () => {
  const running: CvPair = { jobId: 1, phase: [{ phase: 1, status: 0, startTime: { time: 5 } }] };
  const done: CvPair = {
    jobId: 1,
    phase: [{ phase: 1, status: 0, startTime: { time: 5 }, endTime: { time: 6 } }],
  };
  const failed: CvPair = {
    jobId: 1,
    phase: [{ phase: 1, status: 1, startTime: { time: 5 }, endTime: { time: 6 } }],
  };
  const waiting: CvPair = { jobId: 1 };

  it.each([
    ["Running", [running], "running"],
    ["Waiting", [waiting], "queued"],
    ["Waiting", [running], "running"],
    ["Suspended", [running], "paused"],
    ["Completed", [done], "succeeded"],
    ["Completed", [done, failed], "partial"],
    ["Completed w/ one or more errors", [done, failed], "partial"],
    ["Failed", [failed], "failed"],
    ["Killed", [failed], "aborted"],
    ["Kill Pending", [running], "aborting"],
    ["Something New", [done, failed], "partial"],
  ] as const)("%s with %j → %s", (status, pairs, expected) => {
    expect(jobStateOf(summary({ status }), [...pairs])).toBe(expected);
  });

  it("falls back to the phases without a summary", () => {
    expect(jobStateOf(null, [done, done])).toBe("succeeded");
    expect(jobStateOf(null, [done, running])).toBe("running");
    expect(jobStateOf(null, [waiting])).toBe("queued");
  });
});

describe("jobTypeOf", () => {
  it.each([
    ["Planned Failover", "planned-failover"],
    ["Unplanned Failover", "unplanned-failover"],
    ["Test Failover", "test-failover"],
    ["Failback", "failback"],
    ["Undo Failover", "undo-failover"],
  ])("%s → %s", (jobType, type) => expect(jobTypeOf(summary({ jobType }), [])).toBe(type));

  it("recognises a DR test by its phases when the summary is gone", () => {
    expect(jobTypeOf(null, [{ jobId: 1, phase: [{ phase: 42, status: 0 }] }])).toBe(
      "test-failover",
    );
    expect(jobTypeOf(null, docPairs())).toBe("dr-job");
  });
});
