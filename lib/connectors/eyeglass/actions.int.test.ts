import { afterEach, describe, expect, it } from "vitest";
import { VendorNotFoundError, VendorRefusedError } from "@/lib/connectors/errors";
import type { JobRecord } from "@/lib/domain/model";
import { startConnectorRig, type ConnectorRig } from "@/lib/testing/connector-rig";

let h: ConnectorRig<"eyeglass">;
afterEach(async () => h?.close());

const view = (job: JobRecord) => ({
  vendorId: job.vendorId,
  type: job.type,
  state: job.state,
  vendorState: job.vendorState,
  raw: job.raw,
});

async function launched(operation: string, params: Record<string, unknown>): Promise<JobRecord> {
  const launch = h.connector.launch;
  if (!launch) throw new Error("no launch");
  const result = await launch({ operation, params });
  if (!result.vendorId) throw new Error("no vendor id");
  const job = await h.connector.getJob(result.vendorId);
  if (!job) throw new Error(`${result.vendorId} not found after launch`);
  return job;
}

/** Runs a launched failover to its end and returns its top-level step names. */
async function finishedGroups(
  operation: string,
  params: Record<string, unknown>,
): Promise<{ job: JobRecord; groups: string[] }> {
  const first = await launched(operation, params);
  h.clock.advance(6 * 60 * 60_000);
  const job = await h.connector.getJob(first.vendorId);
  if (!job?.phases) throw new Error("no phases");
  return { job, groups: job.phases.filter((p) => p.parentKey === null).map((p) => p.name) };
}

const P1 = { sourceid: "prod-isilon01", targetid: "dr-isilon01" };

describe("eyeglass actions and launches against the simulator", () => {
  it("cancels a running failover, which then ends as canceled; a finished one is refused", async () => {
    h = await startConnectorRig("eyeglass");
    const created = await h.control("/__sim/jobs", { durationMs: 600_000 });
    const vendorId = (created.body as { vendorId: string }).vendorId;
    h.clock.advance(60_000);
    const running = await h.connector.getJob(vendorId);
    if (!running) throw new Error("control job missing");
    expect(running.state).toBe("running");
    expect(h.connector.capabilities(view(running))).toEqual(["cancel"]);
    const reply = await h.connector.perform(view(running), { action: "cancel", params: {} });
    expect(reply.vendorReply).toContain(vendorId.slice("failover:".length));
    const cancelled = await h.connector.getJob(vendorId);
    expect(cancelled?.state).toBe("canceled");
    expect(cancelled?.endedAt?.getTime()).toBe(h.clock.now());
    expect(cancelled && h.connector.capabilities(view(cancelled))).toEqual([]);
    await expect(
      h.connector.perform(view(running), { action: "cancel", params: {} }),
    ).rejects.toThrow(VendorRefusedError);
    await expect(
      h.connector.perform(
        { ...view(running), vendorId: "failover:missing" },
        { action: "cancel", params: {} },
      ),
    ).rejects.toThrow(VendorNotFoundError);
    await expect(
      h.connector.perform(view(running), { action: "pause", params: {} }),
    ).rejects.toThrow(VendorRefusedError);
  });

  it("cancels a queued failover before it starts", async () => {
    h = await startConnectorRig("eyeglass");
    const batch = await h.connector.listChanged(null);
    const queued = batch.jobs.find((j) => j.state === "queued");
    if (!queued) throw new Error("no queued failover");
    await h.connector.perform(view(queued), { action: "cancel", params: {} });
    const after = await h.connector.getJob(queued.vendorId);
    expect(after?.state).toBe("canceled");
    expect(after?.startedAt).toBeNull();
  });

  it("launches readiness and replication jobs (operator) that run and finish", async () => {
    h = await startConnectorRig("eyeglass");
    const ops = h.connector.launchOperations ?? [];
    expect(ops.map((o) => [o.operation, o.role, o.risk])).toEqual([
      ["readiness", "operator", "low"],
      ["replication", "operator", "low"],
      ["failover", "admin", "high"],
      ["drtest", "admin", "high"],
      ["rehearsal", "admin", "high"],
    ]);
    const readiness = await launched("readiness", {});
    expect(readiness.vendorId).toMatch(/^readiness:/);
    expect(readiness.state).toBe("running");
    expect(readiness.startedAt?.getTime()).toBe(h.clock.now());
    const replication = await launched("replication", {});
    expect(replication.type).toBe("replication");
    h.clock.advance(30 * 60_000);
    expect((await h.connector.getJob(readiness.vendorId))?.state).toMatch(
      /^(succeeded|partial|failed)$/,
    );
  });

  it("each failover option changes what the job does", async () => {
    h = await startConnectorRig("eyeglass", {
      scenario: { demoFailovers: false, randomFailovers: false },
    });
    const plain = await finishedGroups("failover", { ...P1, failovertarget: "p1-zone-finance" });
    expect(plain.job.state).toBe("succeeded");
    expect(plain.job.type).toBe("failover");
    expect(plain.groups).toEqual([
      "Readiness validation",
      "Make target writable",
      "Networking",
      "Post-failover",
    ]);
    const all = await finishedGroups("failover", {
      ...P1,
      failovertarget: "p1-zone-finance",
      controlled: true,
      datasync: true,
      configsync: true,
      resyncprep: true,
      disablemirror: true,
      quotasync: true,
      smbdataintegrity: true,
    });
    expect(all.groups).toEqual([
      "Readiness validation",
      "SMB data integrity",
      "Source cluster operations",
      "Configuration sync",
      "Data sync",
      "Make target writable",
      "Networking",
      "Quota sync",
      "Resync prep",
      "Mirror policies",
      "Post-failover",
    ]);
    const warned = await finishedGroups("failover", { ...P1, failovertarget: "p1-zone-eng" });
    expect(warned.job.state).toBe("succeeded");
    expect(
      warned.job.events?.some((e) => e.severity === "warning" && e.type === "step.warning"),
    ).toBe(true);
    const blocked = await finishedGroups("failover", {
      ...P1,
      failovertarget: "p1-zone-eng",
      blockonwarnings: true,
    });
    expect(blocked.job.state).toBe("failed");
    expect(blocked.groups).toEqual(["Readiness validation"]);
    const pool = await finishedGroups("failover", {
      ...P1,
      failovertarget: "p1-zone-hr",
      pool: "groupnet0:subnet0:pool-hr",
    });
    expect(pool.job.phases?.some((p) => p.name === "Move IP pool groupnet0:subnet0:pool-hr")).toBe(
      true,
    );
    const policies = await finishedGroups("failover", {
      ...P1,
      failovertarget: "p1-eng-projects,p1-eng-builds",
    });
    expect(policies.job.policy).toBe("eng-projects, eng-builds");
    const back = await finishedGroups("failover", {
      sourceid: "dr-isilon01",
      targetid: "prod-isilon01",
      failovertarget: "p1-zone-hr",
    });
    expect(back.job.type).toBe("failback");
  });

  it("rolls back renamed shares when a failover with rollbackrenamedshares fails", async () => {
    h = await startConnectorRig("eyeglass", {
      scenario: { demoFailovers: false, randomFailovers: false },
    });
    const job = await launched("failover", {
      ...P1,
      failovertarget: "p1-zone-finance",
      controlled: true,
      rollbackrenamedshares: true,
    });
    h.clock.advance(40_000);
    expect((await h.control(`/__sim/jobs/${encodeURIComponent(job.vendorId)}/fail`)).status).toBe(
      200,
    );
    h.clock.advance(5 * 60_000);
    const failed = await h.connector.getJob(job.vendorId);
    expect(failed?.state).toBe("failed");
    expect(failed?.phases?.filter((p) => p.parentKey === null).at(-1)?.name).toBe("Rollback");
    expect((await h.control(`/__sim/jobs/${encodeURIComponent(job.vendorId)}/fail`)).status).toBe(
      409,
    );
  });

  it("enters and exits DR test mode and rehearsal mode", async () => {
    h = await startConnectorRig("eyeglass", {
      scenario: { demoFailovers: false, randomFailovers: false },
    });
    const enter = await finishedGroups("drtest", {
      enable: true,
      policy: "p1-finance-home",
      datasync: true,
      configsync: true,
    });
    expect(enter.job.type).toBe("dr-test");
    expect(enter.groups).toEqual([
      "Readiness validation",
      "Configuration sync",
      "Data sync",
      "Make target writable",
      "Enter DR test mode",
    ]);
    const exit = await finishedGroups("drtest", { enable: false, policy: "p1-finance-home" });
    expect(exit.groups).toEqual(["Readiness validation", "Exit DR test mode"]);
    const rehearsal = await finishedGroups("rehearsal", {
      enable: true,
      ...P1,
      failovertarget: "p1-zone-hr",
    });
    expect(rehearsal.job.type).toBe("rehearsal");
    expect(rehearsal.groups).toContain("Make target writable");
    const leave = await finishedGroups("rehearsal", {
      enable: false,
      ...P1,
      failovertarget: "p1-zone-hr",
    });
    expect(leave.groups).toEqual(["Readiness validation", "Exit rehearsal mode"]);
  });

  it("refuses bad launch parameters locally and passes on the vendor's 400", async () => {
    h = await startConnectorRig("eyeglass");
    const launch = h.connector.launch;
    if (!launch) throw new Error("no launch");
    await expect(launch({ operation: "failover", params: { ...P1 } })).rejects.toThrow(
      /failovertarget/,
    );
    await expect(
      launch({
        operation: "failover",
        params: { ...P1, failovertarget: "p1-zone-hr", pool: "bad" },
      }),
    ).rejects.toThrow(VendorRefusedError);
    await expect(launch({ operation: "teleport", params: {} })).rejects.toThrow(VendorRefusedError);
    await expect(
      launch({ operation: "failover", params: { ...P1, failovertarget: "zone-nowhere" } }),
    ).rejects.toThrow(/unknown failovertarget zone-nowhere/);
    await expect(
      launch({ operation: "drtest", params: { enable: true, policy: "nope" } }),
    ).rejects.toThrow(/unknown policy nope/);
  });

  it("restores service exactly at the scripted RTO", async () => {
    const start = Date.UTC(2026, 10, 20, 8, 0, 0);
    h = await startConnectorRig("eyeglass", {
      scenario: {
        scriptedFailovers: [
          { startsAt: start, rtoMs: 754_321, durationMs: 1_800_000 },
          { startsAt: start + 3_600_000, kind: "drtest", rtoMs: 120_000 },
        ],
      },
    });
    const batch = await h.connector.listChanged(null);
    const scripted = batch.jobs.filter(
      (j) => j.startedAt?.getTime() === start || j.startedAt?.getTime() === start + 3_600_000,
    );
    expect(scripted.map((j) => j.type)).toEqual(["failover", "dr-test"]);
    const rto = (j: JobRecord) =>
      (j.phases?.find((p) => p.name === "Make target writable")?.endedAt?.getTime() ?? 0) -
      (j.startedAt?.getTime() ?? 0);
    expect(scripted.map(rto)).toEqual([754_321, 120_000]);
    expect((scripted[0]?.endedAt?.getTime() ?? 0) - start).toBe(1_800_000);
  });
});
