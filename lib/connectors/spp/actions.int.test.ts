import { drainSync } from "@/lib/testing/drain-sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  VendorHttpError,
  VendorProtocolError,
  VendorRefusedError,
  VendorTimeoutError,
  VendorUnreachableError,
} from "@/lib/connectors/errors";
import type { Connector, JobView } from "@/lib/connectors/types";
import type { JobRecord } from "@/lib/domain/model";
import { startConnectorRig, type ConnectorRig } from "@/lib/testing/connector-rig";

/** SPP suites read small pages (7 records), so listings really follow nextPage. */
const startSppRig = (opts: { scenario?: Record<string, unknown>; pageSize?: number } = {}) =>
  startConnectorRig("spp", {
    scenario: opts.scenario,
    config: { options: { pageSize: opts.pageSize ?? 7 } },
  });

const viewOf = (job: JobRecord): JobView => ({
  vendorId: job.vendorId,
  type: job.type,
  state: job.state,
  vendorState: job.vendorState,
  raw: job.raw,
});

async function mustGet(connector: Connector, id: string): Promise<JobRecord> {
  const job = await connector.getJob(id);
  if (!job) throw new Error(`job session ${id} vanished`);
  return job;
}

describe("SPP connector against the simulator: cancel and the control endpoints", () => {
  let rig: ConnectorRig<"spp">;
  let connector: Connector;
  beforeEach(async () => {
    rig = await startSppRig();
    connector = rig.connectorWith();
  });
  afterEach(async () => rig.close());

  /** A 10-minute session whose shortest resource (7 min) has finished after 8 minutes. */
  async function sessionWithOneResourceDone(): Promise<JobRecord> {
    const created = await rig.control("/__sim/jobs", { durationMs: 600_000, type: "HYPERVISORVM" });
    expect(created.status).toBe(201);
    const id = String(created.body.vendorId);
    rig.clock.advance(8 * 60_000);
    const job = await mustGet(connector, id);
    expect(job.state).toBe("running");
    expect(connector.capabilities(viewOf(job))).toEqual(["cancel"]);
    expect(
      job.phases
        ?.filter((p) => !p.parentKey)
        .map((p) => p.state)
        .sort(),
    ).toEqual(["running", "running", "succeeded"]);
    return job;
  }

  it.each([
    [true, ["canceled", "canceled", "succeeded"]],
    [false, ["canceled", "canceled", "canceled"]],
  ])(
    "cancel with catalogCompletedObjects=%s: 201, CANCELING, then CANCELED",
    async (keep, lanes) => {
      const job = await sessionWithOneResourceDone();
      const result = await connector.perform(viewOf(job), {
        action: "cancel",
        params: { catalogCompletedObjects: keep },
      });
      expect(result.vendorReply).toContain("HTTP 201, status CANCELING");
      expect(result.vendorReply).toContain(keep ? "will be cataloged" : "will be discarded");
      const canceling = await mustGet(connector, job.vendorId);
      expect([canceling.vendorState, canceling.state]).toEqual(["CANCELING", "aborting"]);
      expect(connector.capabilities(viewOf(canceling))).toEqual([]);
      rig.clock.advance(30_000);
      const canceled = await mustGet(connector, job.vendorId);
      expect([canceled.vendorState, canceled.state]).toEqual(["CANCELED", "canceled"]);
      expect(canceled.endedAt).not.toBeNull();
      expect(
        canceled.phases
          ?.filter((p) => !p.parentKey)
          .map((p) => p.state)
          .sort(),
      ).toEqual(lanes);
      expect(
        canceled.events?.some(
          (e) =>
            e.severity === "warning" &&
            e.message.includes(keep ? "will be cataloged" : "will be discarded"),
        ),
      ).toBe(true);
      const again = await connector
        .perform(viewOf(canceled), { action: "cancel", params: { catalogCompletedObjects: keep } })
        .catch((e: unknown) => e);
      expect(again).toBeInstanceOf(VendorRefusedError);
      expect((again as VendorRefusedError).vendorCode).toBe("InvalidJobSessionStateException");
    },
  );

  it("refuses a cancel without the keep-or-discard answer before calling SPP, and refuses pause", async () => {
    const job = await sessionWithOneResourceDone();
    const key = `POST /api/endeavour/jobsession/${job.vendorId}`;
    for (const params of [{}, { catalogCompletedObjects: "yes" }]) {
      const err = await connector
        .perform(viewOf(job), { action: "cancel", params })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(VendorRefusedError);
      expect((err as VendorRefusedError).vendorCode).toBe("invalid_params");
    }
    await expect(
      connector.perform(viewOf(job), { action: "pause", params: {} }),
    ).rejects.toBeInstanceOf(VendorRefusedError);
    expect(rig.sim.requestCounts.get(key) ?? 0).toBe(0);
    expect((await mustGet(connector, job.vendorId)).vendorState).toBe("RUNNING");
  });

  it("a cancel of a session SPP does not have is refused as not found", async () => {
    const ghost: JobView = {
      vendorId: "1111111111111",
      type: "protection",
      state: "running",
      vendorState: "RUNNING",
      raw: null,
    };
    await expect(
      connector.perform(ghost, { action: "cancel", params: { catalogCompletedObjects: true } }),
    ).rejects.toThrow(/not found/);
  });

  it("POST /__sim/jobs/<id>/fail fails a running session now, and only a running one", async () => {
    const created = await rig.control("/__sim/jobs", { durationMs: 600_000 });
    const id = String(created.body.vendorId);
    rig.clock.advance(60_000);
    expect((await rig.control(`/__sim/jobs/${id}/fail`)).status).toBe(200);
    const failed = await mustGet(connector, id);
    expect([failed.vendorState, failed.state]).toEqual(["FAILED", "failed"]);
    expect(failed.endedAt?.getTime()).toBe(rig.clock.now());
    expect(
      failed.events?.some(
        (e) => e.severity === "error" && e.message.includes("stopped responding"),
      ),
    ).toBe(true);
    expect(failed.message).toMatch(/stopped responding/);
    expect(failed.phases?.filter((p) => !p.parentKey).every((p) => p.state === "failed")).toBe(
      true,
    );
    expect((await rig.control(`/__sim/jobs/${id}/fail`)).status).toBe(409);
    expect((await rig.control("/__sim/jobs/999/fail")).status).toBe(404);
  });

  it("a created job starts now and appears on the next poll", async () => {
    const first = await connector.listChanged(null);
    const created = await rig.control("/__sim/jobs", { durationMs: 120_000, type: "DATABASE" });
    rig.clock.advance(1_000);
    const next = await connector.listChanged(first.cursor);
    const job = next.jobs.find((j) => j.vendorId === created.body.vendorId);
    expect(job?.state).toBe("running");
    expect(job?.startedAt?.getTime()).toBe(rig.clock.now() - 1_000);
    expect(job?.dataset).toMatch(/^(SQL|ORACLE)$/);
  });
});

describe("SPP connector against the simulator: vendor faults", () => {
  let rig: ConnectorRig<"spp">;
  let connector: Connector;
  beforeEach(async () => {
    rig = await startSppRig({ pageSize: 50 });
    connector = rig.connectorWith({ timeoutMs: 400 });
  });
  afterEach(async () => rig.close());

  it.each([
    ["malformed", { kind: "malformed" as const, path: "/api/progress" }, VendorProtocolError],
    [
      "truncated",
      { kind: "truncated" as const, path: "/api/endeavour/jobsession" },
      VendorProtocolError,
    ],
    [
      "wrong shape",
      {
        kind: "body" as const,
        path: "/api/endeavour/log/job",
        body: JSON.stringify({ logs: "none" }),
      },
      VendorProtocolError,
    ],
    [
      "bad login reply",
      { kind: "body" as const, path: "/api/endeavour/session", body: "{}" },
      VendorProtocolError,
    ],
    [
      "5xx",
      { kind: "status" as const, path: "/api/endeavour/jobsession", status: 503 },
      VendorHttpError,
    ],
    ["reset", { kind: "reset" as const, path: "/api/progress" }, VendorUnreachableError],
    [
      "slow",
      { kind: "delay" as const, path: "/api/endeavour/jobsession", ms: 1_500, times: 5 },
      VendorTimeoutError,
    ],
  ])(
    "%s reply → typed error, then recovers once the fault clears",
    async (_name, fault, errorClass) => {
      rig.sim.faults.add(fault);
      const err = await connector.listChanged(null).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(errorClass);
      expect((err as Error).message).not.toContain("passw0rd");
      rig.sim.faults.clear();
      const batch = await drainSync(connector, null);
      expect(batch.jobs.length).toBeGreaterThan(100);
    },
  );

  it("a nextPage link that loops back is a protocol error, not a hang", async () => {
    const loop = JSON.stringify({
      links: { nextPage: { href: "/api/endeavour/jobsession?pageStartIndex=0&pageSize=50" } },
      page: 1,
      total: 0,
      sessions: [],
    });
    rig.sim.faults.add({ kind: "body", path: "/api/endeavour/jobsession", body: loop });
    await expect(connector.listChanged(null)).rejects.toThrow(/repeats an earlier page/);
  });

  it("unknown vendor statuses are kept raw, never thrown on", async () => {
    const odd = JSON.stringify({
      page: 1,
      total: 0,
      sessions: [{ id: "42", jobName: "odd", status: "RESOURCE_ACTIVE", start: 1, end: null }],
    });
    rig.sim.faults.add({ kind: "body", path: "/api/endeavour/jobsession", body: odd, times: 1 });
    const batch = await connector.listChanged(null);
    const job = batch.jobs.find((j) => j.vendorId === "42");
    expect([job?.vendorState, job?.state]).toEqual(["RESOURCE_ACTIVE", "running"]);
  });
});
