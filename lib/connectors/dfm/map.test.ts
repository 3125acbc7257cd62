import { describe, expect, it } from "vitest";
import { VendorProtocolError } from "@/lib/connectors/errors";
import { validateReply } from "@/lib/connectors/http/parse-reply";
import { mapJob, mapScheduled } from "./map";
import { eventInfoSchema, jobInfoSchema, scheduledJobSchema, type DpJobInfo } from "./schemas";
import { parseReply } from "./xml";
import { mapJobState } from "./map-state";

const envelope = (inner: string) =>
  `<?xml version='1.0' encoding='UTF-8' ?>\n<!DOCTYPE netapp SYSTEM 'file:/etc/netapp_dfm.dtd'>\n<netapp version='1.0' xmlns='http://www.netapp.com/filer/admin'><results status='passed'>${inner}</results></netapp>`;

const JOB = `<jobs><dp-job-info><bytes-transferred>9223372036854775807</bytes-transferred><completed-timestamp>1795435900</completed-timestamp>
<dataset-id>301</dataset-id><dataset-name>ds_exchange_prod</dataset-name><destination-node-id>303</destination-node-id><destination-node-name>Backup</destination-node-name>
<job-description>Back up dataset ds_exchange_prod to fas2050-vault-01</job-description><job-id>5120</job-id><job-progress>partial_success</job-progress>
<job-state>completed</job-state><job-type>remote_backup</job-type><policy-id>42</policy-id><policy-name>Back up, then mirror</policy-name>
<source-node-id>302</source-node-id><source-node-name>Primary data</source-node-name><started-timestamp>1795435200</started-timestamp></dp-job-info></jobs>`;

const sv = (
  type: string,
  id: number,
  ts: number,
  bytes: string,
  src: string,
  extra = "",
  status = "normal",
) =>
  `<dp-job-progress-event-info><dp-progress-snapvault-info><bytes-transferred>${bytes}</bytes-transferred><destination-qtree-id>9${src}</destination-qtree-id>
<destination-qtree-name>fas2050-vault-01:/ds_backup/qt_${src}</destination-qtree-name><source-qtree-id>${src}</source-qtree-id><source-qtree-name>fas3170-nyc-a:/vol_exch/qt_${src}</source-qtree-name>
</dp-progress-snapvault-info>${extra}<event-id>${id}</event-id><event-message>${type}</event-message><event-status>${status}</event-status><event-timestamp>${ts}</event-timestamp>
<event-type>${type}</event-type><job-id>5120</job-id></dp-job-progress-event-info>`;

const EVENTS = `<progress-events>${[
  sv("snapvault-start", 5120010, 1795435210, "0", "11"),
  sv("snapvault-progress", 5120011, 1795435270, "1000000", "11"),
  sv("snapvault-end", 5120029, 1795435330, "2000000", "11"),
  sv("snapvault-start", 5120030, 1795435340, "0", "12"),
  sv(
    "snapvault-end",
    5120049,
    1795435400,
    "500",
    "12",
    "<error-message>destination volume is full</error-message>",
    "error",
  ),
].join("")}</progress-events>`;

function parsed<T>(
  xml: string,
  wrapper: string,
  item: string,
  schema: { parse: (v: unknown) => T },
) {
  const outcome = parseReply(envelope(xml), "fixture");
  if (outcome.status !== "passed") throw new Error("fixture failed");
  const raws = (outcome.results[wrapper] as Record<string, unknown[]>)[item] ?? [];
  return raws.map((raw) => ({ raw, value: schema.parse(raw) }));
}

describe("DFM reply parsing and mapping", () => {
  it("keeps a one-element array an array and a 2^63-1 byte count exact", () => {
    const [job] = parsed(JOB, "jobs", "dp-job-info", jobInfoSchema);
    expect(job?.value["bytes-transferred"]).toBe(9223372036854775807n);
  });

  it("turns transfers into stable phases, events into the feed, bytes into samples", () => {
    const [job] = parsed(JOB, "jobs", "dp-job-info", jobInfoSchema);
    const events = parsed(EVENTS, "progress-events", "dp-job-progress-event-info", eventInfoSchema);
    if (!job) throw new Error("no job");
    const rec = mapJob(job, events, 1795436000);
    expect(rec).toMatchObject({
      vendorId: "5120",
      state: "partial",
      vendorState: "completed · partial_success",
      dataset: "ds_exchange_prod",
      policy: "Back up, then mirror",
    });
    expect(rec.phases?.map((p) => [p.key, p.state])).toEqual([
      ["snapvault:11>911#0", "succeeded"],
      ["snapvault:12>912#0", "failed"],
    ]);
    expect(rec.phases?.[1]?.message).toBe("destination volume is full");
    expect(rec.events?.map((e) => e.key)).toEqual([
      "5120010",
      "5120011",
      "5120029",
      "5120030",
      "5120049",
    ]);
    expect(rec.events?.[4]).toMatchObject({
      severity: "error",
      message: "snapvault-end: destination volume is full",
    });
    expect(rec.samples?.map((s) => s.bytesDone)).toEqual([
      0n,
      1000000n,
      2000000n,
      2000000n,
      2000500n,
    ]);
    expect(rec.samples?.[1]?.bytesPerSec).toBeCloseTo(1000000 / 60);
    expect(mapJob(job, events.slice(0, 2), 1795436000).phases?.[0]?.key).toBe("snapvault:11>911#0");
  });

  it("maps scheduled jobs with a stable identity", () => {
    const [item] = parsed(
      `<scheduled-jobs><dp-scheduled-job><dataset-id>301</dataset-id><dp-snapvault-transfer-job-data><connection-id>305</connection-id><retention-type>daily</retention-type></dp-snapvault-transfer-job-data><start-time>1795437000</start-time></dp-scheduled-job></scheduled-jobs>`,
      "scheduled-jobs",
      "dp-scheduled-job",
      scheduledJobSchema,
    );
    if (!item) throw new Error("no item");
    expect(mapScheduled(item, { "301": "ds_exchange_prod" })).toMatchObject({
      vendorId: "301:remote_backup:connection-305:1795437000",
      name: "SnapVault transfer of ds_exchange_prod (daily)",
      type: "remote_backup",
      startsAt: new Date(1795437000 * 1000),
    });
  });

  it("rejects replies that are not the ZAPI envelope", () => {
    expect(() => parseReply("<html>502</html>", "x")).toThrow(VendorProtocolError);
    expect(() => parseReply(envelope(JOB).slice(0, 200), "x")).toThrow(VendorProtocolError);
    expect(() => validateReply({ "job-id": "x" }, jobInfoSchema, "x")).toThrow(VendorProtocolError);
    expect(
      parseReply(
        `<netapp><results status="failed" errno="13005" reason="Unable to find API"/></netapp>`,
        "x",
      ),
    ).toEqual({ status: "failed", errno: 13005, reason: "Unable to find API" });
  });
});

describe("DFM job state", () => {
  const base: DpJobInfo = {
    "bytes-transferred": 0n,
    "dataset-id": 1,
    "dataset-name": "d",
    "job-description": "",
    "job-id": 1,
    "job-progress": "in_progress",
    "job-type": "mirror",
    "source-node-id": 1,
    "source-node-name": "n",
  };
  it.each([
    [{ "job-state": "running" }, "running"],
    [{ "job-state": "queued" }, "queued"],
    [{ "job-state": "aborting" }, "aborting"],
    [{ "job-state": "aborted" }, "aborted"],
    [{ "job-state": "completed", "job-progress": "success" }, "succeeded"],
    [{ "job-state": "completed", "job-progress": "failure" }, "failed"],
    [{ "job-state": "completed", "job-progress": "something_new" }, "partial"],
    [{ "job-state": "hibernating", "started-timestamp": 5 }, "running"],
    [{ "abort-requested-timestamp": 5, "completed-timestamp": 9 }, "aborted"],
    [{ "abort-requested-timestamp": 5 }, "aborting"],
    [{ "completed-timestamp": 9, "job-progress": "partial_success" }, "partial"],
    [{}, "queued"],
  ] as const)("%j → %s", (patch, expected) => {
    expect(mapJobState({ ...base, ...patch })).toBe(expected);
  });
});
