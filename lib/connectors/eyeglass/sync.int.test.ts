import { drainSync } from "@/lib/testing/drain-sync";
import { afterEach, describe, expect, it } from "vitest";
import type { JobRecord } from "@/lib/domain/model";
import { startConnectorRig, type ConnectorRig } from "@/lib/testing/connector-rig";

interface VendorJob {
  id: string;
  success: boolean;
  jobStatusDetails: { state: string; status: string };
}

let h: ConnectorRig<"eyeglass">;
afterEach(async () => h?.close());

const byId = (jobs: JobRecord[], id: string) => {
  const job = jobs.find((j) => j.vendorId === id);
  if (!job) throw new Error(`no job ${id}`);
  return job;
};

describe("eyeglass sync against the simulator", () => {
  it("lists all three families with state, type, zone and policy mapped from the vendor's replies", async () => {
    h = await startConnectorRig("eyeglass");
    const batch = await drainSync(h.connector, null);
    const failovers = (await h.vendor("GET", "/v2/jobs/failover")).body as VendorJob[];
    const readiness = (await h.vendor("GET", "/v2/jobs/readiness")).body as VendorJob[];
    const replication = (await h.vendor("GET", "/v2/jobs/replication")).body as VendorJob[];
    expect(batch.presentIds?.sort()).toEqual(
      [
        ...failovers.map((j) => `failover:${j.id}`),
        ...readiness.map((j) => `readiness:${j.id}`),
        ...replication.map((j) => `replication:${j.id}`),
      ].sort(),
    );
    expect(readiness.length).toBeGreaterThan(50);
    expect(replication.length).toBeGreaterThan(40);
    for (const v of failovers) {
      const job = byId(batch.jobs, `failover:${v.id}`);
      const d = v.jobStatusDetails;
      const expected =
        d.state === "RUNNING"
          ? "running"
          : d.state === "PENDING"
            ? "queued"
            : v.success
              ? "succeeded"
              : ["failed", "partial", "canceled"];
      if (Array.isArray(expected)) expect(expected).toContain(job.state);
      else expect(job.state).toBe(expected);
      expect(job.vendorState).toBe(
        d.state === "FINISHED" ? `FINISHED/${d.status}` : `${d.state}/${d.status}`,
      );
    }
    const states = new Set(
      batch.jobs.filter((j) => j.vendorId.startsWith("failover:")).map((j) => j.state),
    );
    expect([...states].sort()).toEqual([
      "canceled",
      "failed",
      "partial",
      "queued",
      "running",
      "succeeded",
    ]);
    const types = new Set(
      batch.jobs.filter((j) => j.vendorId.startsWith("failover:")).map((j) => j.type),
    );
    expect([...types].sort()).toEqual(["dr-test", "failback", "failover", "rehearsal"]);
    const running = batch.jobs.find(
      (j) => j.state === "running" && j.vendorId.startsWith("failover:"),
    );
    expect(running?.drGroup).toBe("zone-finance");
    expect(running?.policy).toBe("finance-home, finance-shares");
    expect(running?.cluster).toBe("PROD-ISILON01 → DR-ISILON01");
    const queued = batch.jobs.find((j) => j.state === "queued");
    expect(queued?.type).toBe("dr-test");
    expect(queued?.startedAt).toBeNull();
  });

  it("turns jobStatusDetails into a nested phase tree whose keys survive later polls, and follows the live log", async () => {
    h = await startConnectorRig("eyeglass");
    const first = await drainSync(h.connector, null);
    const running = first.jobs.find(
      (j) => j.state === "running" && j.vendorId.startsWith("failover:"),
    );
    if (!running?.phases || !running.log) throw new Error("running failover without phases or log");
    const readinessGroup = running.phases.find((p) => p.name === "Readiness validation");
    expect(readinessGroup?.parentKey).toBeNull();
    expect(
      running.phases.filter((p) => p.parentKey === readinessGroup?.key).map((p) => p.name),
    ).toEqual([
      "Validate SyncIQ policies",
      "Check target cluster connectivity",
      "Check failover readiness",
    ]);
    expect(running.phases.some((p) => p.state === "running")).toBe(true);
    expect(running.log.map((l) => l.seq)).toEqual(running.log.map((_, i) => i));
    expect(running.log[0]?.text).toMatch(/^Starting Zone failover zone-finance/);
    expect(running.log[0]?.at?.getTime()).toBe(running.startedAt?.getTime());

    const quiet = await h.connector.listChanged(first.cursor);
    expect(quiet.jobs.map((j) => j.vendorId).sort()).toEqual(
      first.jobs
        .filter(
          (j) => ["running", "queued"].includes(j.state) && j.vendorId.startsWith("failover:"),
        )
        .map((j) => j.vendorId)
        .sort(),
    );

    h.clock.advance(5 * 60_000);
    const later = await h.connector.listChanged(quiet.cursor);
    const grown = byId(later.jobs, running.vendorId);
    if (!grown.phases || !grown.log) throw new Error("no detail on the second poll");
    expect(grown.phases.length).toBeGreaterThan(running.phases.length);
    for (const p of running.phases) expect(grown.phases.map((g) => g.key)).toContain(p.key);
    expect(grown.log.length).toBeGreaterThan(running.log.length);
    expect(grown.log.slice(0, running.log.length)).toEqual(running.log);
    expect(
      later.jobs.some(
        (j) => j.vendorId.startsWith("readiness:") || j.vendorId.startsWith("replication:"),
      ),
    ).toBe(true);
  });

  it("fetches a failover's log once more when it ends, then stops asking", async () => {
    h = await startConnectorRig("eyeglass");
    const first = await drainSync(h.connector, null);
    const running = first.jobs.find(
      (j) => j.state === "running" && j.vendorId.startsWith("failover:"),
    );
    if (!running) throw new Error("no running failover");
    const logPath = `/sera/v2/jobs/failover/${running.vendorId.slice("failover:".length)}/log`;
    h.clock.advance(60 * 60_000);
    const ended = await h.connector.listChanged(first.cursor);
    const done = byId(ended.jobs, running.vendorId);
    expect(done.state).toBe("succeeded");
    expect(done.log?.at(-1)?.text).toBe("Failover job completed successfully");
    const fetched = h.sim.requestCounts.get(`GET ${logPath}`);
    await h.connector.listChanged(ended.cursor);
    expect(h.sim.requestCounts.get(`GET ${logPath}`)).toBe(fetched);
  });

  it("keeps readiness results per zone and policy with their severity", async () => {
    h = await startConnectorRig("eyeglass");
    const batch = await drainSync(h.connector, null);
    const readiness = batch.jobs.filter((j) => j.type === "readiness" && j.state !== "running");
    expect(readiness.length).toBeGreaterThan(10);
    const job = readiness[0];
    if (!job?.events || !job.phases) throw new Error("readiness job without detail");
    expect(job.drGroup).toBe("zone-finance, zone-eng, zone-hr, zone-media");
    expect(job.policy?.split(", ")).toHaveLength(8);
    const zoneEvents = job.events.filter((e) => e.type === "readiness.zone");
    expect(zoneEvents.map((e) => e.message.split(":")[0])).toEqual([
      "zone-finance",
      "zone-eng",
      "zone-hr",
      "zone-media",
    ]);
    const eng = zoneEvents.find((e) => e.message.startsWith("zone-eng"));
    expect(eng?.severity).toBe("warning");
    expect(job.phases.filter((p) => p.parentKey === null).map((p) => p.lane)).toEqual([
      "zone-finance",
      "zone-eng",
      "zone-hr",
      "zone-media",
    ]);
    const policy = job.phases.find((p) => p.name === "eng-builds");
    expect(policy?.lane).toBe("zone-eng");
    expect(policy?.vendorStatus).toMatch(/^(OK|ERROR)$/);
    expect(job.state).toMatch(/^(partial|failed)$/);
    expect(job.vendorState).toMatch(/^FINISHED\/(WARNING|ERROR)$/);
  });

  it("getJob returns a job of each family, and null for one the vendor does not have", async () => {
    h = await startConnectorRig("eyeglass");
    const batch = await drainSync(h.connector, null);
    for (const family of ["failover", "readiness", "replication"]) {
      const listed = batch.jobs.find(
        (j) => j.vendorId.startsWith(`${family}:`) && j.state !== "running",
      );
      if (!listed) throw new Error(`no ${family} job`);
      const got = await h.connector.getJob(listed.vendorId);
      expect(got?.state).toBe(listed.state);
      expect(got?.phases).toEqual(listed.phases);
      if (family === "failover") expect(got?.log?.length).toBeGreaterThan(3);
    }
    expect(await h.connector.getJob("failover:nope")).toBeNull();
    expect(await h.connector.getJob("readiness:nope")).toBeNull();
    expect(await h.connector.getJob("not-an-eyeglass-id")).toBeNull();
  });

  it("drops jobs past the vendor's retention from the inventory", async () => {
    h = await startConnectorRig("eyeglass");
    const first = await drainSync(h.connector, null);
    const oldest = first.jobs.find((j) => j.vendorId.startsWith("replication:"));
    if (!oldest) throw new Error("no replication job");
    h.clock.advance(60 * 60_000);
    const later = await h.connector.listChanged(first.cursor);
    expect(later.presentIds).not.toContain(oldest.vendorId);
    expect(await h.connector.getJob(oldest.vendorId)).toBeNull();
  });
});
