import { drainSync } from "@/lib/testing/drain-sync";
import { afterEach, describe, expect, it } from "vitest";
import {
  VendorAuthError,
  VendorHttpError,
  VendorNotFoundError,
  VendorProtocolError,
  VendorRefusedError,
  VendorTimeoutError,
} from "@/lib/connectors/errors";
import type { Connector, JobView, SourceConfig } from "@/lib/connectors/types";
import type { JobRecord } from "@/lib/domain/model";
import { startConnectorRig, type ConnectorRig } from "@/lib/testing/connector-rig";

interface RawJob {
  uuid: string;
  state: string;
  start_time?: string;
  end_time?: string;
  message?: string;
}

const rigs: ConnectorRig<"ontap">[] = [];
afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.close()));
});

async function setup(
  scenario: Record<string, unknown> = {},
  overrides: Partial<SourceConfig> = {},
) {
  const rig = await startConnectorRig("ontap", { scenario, config: overrides });
  rigs.push(rig);
  const { clock, sim: server, connector } = rig;
  /** Ground truth: the simulator's own answer, read raw. */
  const truth = async (): Promise<RawJob[]> => {
    const out: RawJob[] = [];
    let next: string | undefined = "/api/cluster/jobs?fields=*";
    while (next) {
      const res = await rig.vendor("GET", next);
      const page = res.body as { records: RawJob[]; _links?: { next?: { href: string } } };
      out.push(...page.records);
      next = page._links?.next?.href;
    }
    return out;
  };
  const createJob = async (body: Record<string, unknown>): Promise<string> => {
    const res = await rig.control("/__sim/jobs", body);
    expect(res.status).toBe(201);
    return String(res.body.vendorId);
  };
  const viewOf = async (c: Connector, uuid: string): Promise<JobView> => {
    const job = await c.getJob(uuid);
    if (!job) throw new Error(`job ${uuid} missing`);
    return {
      vendorId: job.vendorId,
      type: job.type,
      state: job.state,
      vendorState: job.vendorState,
      raw: job.raw,
    };
  };
  return { clock, server, connector, truth, createJob, viewOf };
}

const byId = (jobs: JobRecord[]) => new Map(jobs.map((j) => [j.vendorId, j]));

describe("ONTAP connector against the simulator", () => {
  it("tests the connection by counting jobs", async () => {
    const { connector, truth } = await setup();
    expect(await connector.testConnection()).toBe(`ONTAP answered: ${(await truth()).length} jobs`);
  });

  it("first sync lists and maps the whole inventory newest first in steps, following every next link", async () => {
    const { connector, truth, server } = await setup(
      { timeoutPageRecords: 5 },
      { options: { pageSize: 1000 } },
    );
    const first = await connector.listChanged(null);
    expect(first.more).toBe(true);
    const starts = first.jobs.map((j) => j.startedAt?.getTime() ?? Number.POSITIVE_INFINITY);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    const batch = await drainSync(connector, first.cursor);
    const pagesFetched = server.requestCounts.get("GET /api/cluster/jobs") ?? 0;
    const raw = await truth();
    expect([...new Set([...first.jobs, ...batch.jobs].map((j) => j.vendorId))].sort()).toEqual(
      raw.map((j) => j.uuid).sort(),
    );
    expect(batch.presentIds).toEqual(raw.map((j) => j.uuid));
    expect(raw.length).toBeGreaterThan(5);
    expect(pagesFetched).toBeGreaterThanOrEqual(Math.ceil(raw.length / 5));
    batch.jobs = [...new Map([...first.jobs, ...batch.jobs].map((j) => [j.vendorId, j])).values()];
    const mapped = byId(batch.jobs);
    for (const r of raw) {
      const job = mapped.get(r.uuid);
      expect(job?.vendorState).toBe(r.state);
      expect(job?.startedAt?.getTime() ?? null).toBe(
        r.start_time ? Date.parse(r.start_time) : null,
      );
      expect(job?.endedAt?.getTime() ?? null).toBe(r.end_time ? Date.parse(r.end_time) : null);
      expect(job?.phases).toHaveLength(1);
    }
    const states = new Set(batch.jobs.map((j) => j.state));
    for (const state of ["running", "paused", "succeeded", "failed"] as const)
      expect(states).toContain(state);
  });

  it("a long backfill reads the retained history once, not the whole inventory again at every step", async () => {
    const { connector, truth, server } = await setup(
      { timeoutPageRecords: 5, bulkJobs: 300, retainFinished: true },
      { options: { pageSize: 1000 } },
    );
    const batch = await drainSync(connector, null);
    const raw = await truth();
    const pages = Math.ceil(raw.length / 5);
    expect(batch.steps).toBeGreaterThan(10);
    // History once, the whole inventory once (the step that ends the backfill, for presentIds),
    // and per step only the unfinished and recently ended jobs: 344 pages for 343 jobs in 18
    // steps when written. Listing the whole inventory at every step, as before, read at least
    // steps × pages (1,242 here).
    const fetched = server.requestCounts.get("GET /api/cluster/jobs") ?? 0;
    expect(fetched).toBeLessThan((batch.steps * pages) / 2);
    expect(batch.presentIds).toEqual(raw.map((j) => j.uuid));
    expect(batch.jobs.map((j) => j.vendorId).sort()).toEqual(raw.map((j) => j.uuid).sort());
  });

  it("later polls report unfinished and newly finished jobs only, and drop deleted ones from presentIds", async () => {
    const { connector, clock, truth } = await setup();
    const first = await connector.listChanged(null);
    const openBefore = new Set(first.jobs.filter((j) => j.endedAt === null).map((j) => j.vendorId));
    clock.advance(90_000);
    const second = await connector.listChanged(first.cursor);
    const raw = await truth();
    expect(second.presentIds).toEqual(raw.map((j) => j.uuid));
    const reported = byId(second.jobs);
    for (const r of raw) {
      const unfinished = r.state !== "success" && r.state !== "failure";
      if (unfinished || openBefore.has(r.uuid) || !first.presentIds?.includes(r.uuid)) {
        expect(reported.get(r.uuid)?.vendorState, r.uuid).toBe(r.state);
      }
    }
    const stale = first.jobs.filter(
      (j) => j.endedAt !== null && j.endedAt.getTime() < clock.now() - 10 * 60_000,
    );
    for (const j of stale) expect(reported.has(j.vendorId)).toBe(false);
    expect(second.jobs.length).toBeLessThan(raw.length);

    clock.advance(30 * 60_000);
    const third = await connector.listChanged(second.cursor);
    const nowPresent = new Set(third.presentIds);
    expect(first.jobs.some((j) => j.endedAt !== null && !nowPresent.has(j.vendorId))).toBe(true);
    expect(third.presentIds).toEqual((await truth()).map((j) => j.uuid));
  });

  it("gets one job, and null once ONTAP has deleted it", async () => {
    const { connector, createJob, clock } = await setup();
    const uuid = await createJob({ type: "cluster-backup", durationMs: 30_000 });
    expect(await connector.getJob(uuid)).toMatchObject({
      vendorId: uuid,
      type: "cluster-backup",
      state: "running",
      dataset: "cluster1",
    });
    clock.advance(30_000 + 300_000);
    expect(await connector.getJob(uuid)).toBeNull();
  });

  it("pauses, resumes and cancels a volume move, ending canceled", async () => {
    const { connector, createJob, viewOf } = await setup();
    const uuid = await createJob({ type: "volume-move", durationMs: 600_000 });
    let view = await viewOf(connector, uuid);
    expect(connector.capabilities(view)).toEqual(["pause", "cancel"]);
    expect((await connector.perform(view, { action: "pause", params: {} })).vendorReply).toContain(
      "pause",
    );
    view = await viewOf(connector, uuid);
    expect(view.state).toBe("paused");
    expect(connector.capabilities(view)).toEqual(["resume", "cancel"]);
    await connector.perform(view, { action: "resume", params: {} });
    view = await viewOf(connector, uuid);
    expect(view.state).toBe("running");
    await connector.perform(view, { action: "cancel", params: {} });
    const done = await connector.getJob(uuid);
    expect(done).toMatchObject({ state: "canceled", vendorState: "failure" });
    expect(connector.capabilities(await viewOf(connector, uuid))).toEqual([]);
  });

  it("turns every refusal into a VendorRefusedError with the vendor code", async () => {
    const { connector, createJob, viewOf, clock } = await setup();
    const refusal = async (uuid: string, action: "pause" | "resume" | "cancel") => {
      const err = await connector
        .perform(await viewOf(connector, uuid), { action, params: {} })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(VendorRefusedError);
      return (err as VendorRefusedError).vendorCode;
    };
    const move = await createJob({ type: "volume-move", durationMs: 600_000 });
    expect(await refusal(move, "resume")).toBe("458771");
    expect(await refusal(await createJob({ type: "cluster-backup" }), "pause")).toBe("458783");
    expect(await refusal(await createJob({ type: "app-snapshot" }), "cancel")).toBe("458784");
    const paused = await viewOf(connector, move);
    await connector.perform(paused, { action: "pause", params: {} });
    expect(await refusal(move, "pause")).toBe("458776");
    const short = await createJob({ type: "volume-move", durationMs: 5_000 });
    const before = await viewOf(connector, short);
    clock.advance(5_000);
    await expect(connector.perform(before, { action: "cancel", params: {} })).rejects.toMatchObject(
      { vendorCode: "458762" },
    );
    await expect(
      connector.perform(
        { ...before, vendorId: "00000000-0000-4000-8000-000000000000" },
        { action: "cancel", params: {} },
      ),
    ).rejects.toBeInstanceOf(VendorNotFoundError);
  });

  it("reports an uninitialised job manager (458773) and refuses actions ONTAP lacks without calling it", async () => {
    const { connector, createJob, viewOf, server } = await setup({ jobManagerReady: false });
    const view = await viewOf(connector, await createJob({ type: "volume-move" }));
    await expect(connector.perform(view, { action: "pause", params: {} })).rejects.toMatchObject({
      vendorCode: "458773",
      code: "refused",
    });
    await expect(connector.perform(view, { action: "kill", params: {} })).rejects.toBeInstanceOf(
      VendorRefusedError,
    );
    expect(server.requestCounts.get(`PATCH /api/cluster/jobs/${view.vendorId}`)).toBe(1);
  });

  it("offers exactly the actions the cluster accepts, for every simulated job type", async () => {
    const { connector, createJob, viewOf } = await setup();
    const types = [
      "volume-move",
      "snapmirror-initialize",
      "cluster-backup",
      "clone-split",
      "app-snapshot",
      "volume-patch",
      "volume-create",
    ];
    for (const type of types) {
      for (const action of ["pause", "cancel"] as const) {
        const view = await viewOf(connector, await createJob({ type, durationMs: 600_000 }));
        const offered = connector.capabilities(view).includes(action);
        const accepted = await connector.perform(view, { action, params: {} }).then(
          () => true,
          () => false,
        );
        expect(offered, `${type} ${action}`).toBe(accepted);
      }
    }
  });

  it("reads cluster-local timestamps with their offset", async () => {
    const utc = await setup();
    const local = await setup({ utcOffsetMinutes: -240 });
    const a = (await utc.connector.listChanged(null)).jobs.map((j) => [
      j.vendorId,
      j.startedAt?.getTime() ?? null,
    ]);
    const b = (await local.connector.listChanged(null)).jobs.map((j) => [
      j.vendorId,
      j.startedAt?.getTime() ?? null,
    ]);
    expect(b).toEqual(a);
  });
});

describe("ONTAP connector failure paths", () => {
  it("rejects bad credentials as an auth error that does not leak the password", async () => {
    const { connector } = await setup({}, { secret: "wrong-password" });
    const err = await connector.listChanged(null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorAuthError);
    expect((err as Error).message).not.toContain("wrong-password");
    await expect(connector.testConnection()).rejects.toBeInstanceOf(VendorAuthError);
  });

  it("reads a garbled reply again, and treats persistently malformed, truncated and wrongly shaped replies as protocol errors", async () => {
    const { connector, server } = await setup();
    server.faults.add({ kind: "truncated", path: "/api/cluster/jobs", times: 1 });
    expect((await connector.listChanged(null)).jobs.length).toBeGreaterThan(0);
    server.faults.add({ kind: "malformed", path: "/api/cluster/jobs", times: 5 });
    await expect(connector.listChanged(null)).rejects.toBeInstanceOf(VendorProtocolError);
    server.faults.add({ kind: "truncated", path: "/api/cluster/jobs", times: 5 });
    await expect(connector.listChanged(null)).rejects.toBeInstanceOf(VendorProtocolError);
    server.faults.add({
      kind: "body",
      path: "/api/cluster/jobs",
      times: 1,
      body: '{"records":"none","num_records":0}',
    });
    await expect(connector.listChanged(null)).rejects.toThrow(
      /job list: unexpected reply at records/,
    );
    server.faults.add({ kind: "truncated", path: "/api/cluster/jobs/", times: 5 });
    const uuid = (await connector.listChanged(null)).presentIds?.[0] ?? "";
    await expect(connector.getJob(uuid)).rejects.toBeInstanceOf(VendorProtocolError);
  });

  it("refuses to follow a next link that leaves the jobs collection", async () => {
    const { connector, server } = await setup();
    const body = JSON.stringify({
      records: [],
      num_records: 0,
      _links: { next: { href: "https://elsewhere.example/api/cluster/jobs?x=1" } },
    });
    server.faults.add({ kind: "body", path: "/api/cluster/jobs", times: 1, body });
    await expect(connector.listChanged(null)).rejects.toThrow(/outside \/api\/cluster\/jobs/);
  });

  it("retries a 5xx or a reset and succeeds, but gives up on a persistent 5xx after five tries", async () => {
    const { connector, server, truth } = await setup();
    const total = (await truth()).length;
    server.faults.add({ kind: "status", status: 503, path: "/api/cluster/jobs", times: 1 });
    expect(await connector.testConnection()).toBe(`ONTAP answered: ${total} jobs`);
    server.faults.add({ kind: "reset", path: "/api/cluster/jobs", times: 1 });
    expect((await connector.listChanged(null)).jobs).toHaveLength(total);
    server.faults.add({ kind: "status", status: 500, path: "/api/cluster/jobs" });
    server.requestCounts.clear();
    await expect(connector.testConnection()).rejects.toBeInstanceOf(VendorHttpError);
    expect(server.requestCounts.get("GET /api/cluster/jobs")).toBe(5);
  });

  it("does not retry a PATCH after a 5xx: a cancel is not safe to send twice", async () => {
    const { connector, server, createJob, viewOf } = await setup();
    const view = await viewOf(connector, await createJob({ type: "volume-move" }));
    server.faults.add({ kind: "status", status: 502, path: "/api/cluster/jobs/", method: "PATCH" });
    await expect(connector.perform(view, { action: "cancel", params: {} })).rejects.toBeInstanceOf(
      VendorHttpError,
    );
    expect(server.requestCounts.get(`PATCH /api/cluster/jobs/${view.vendorId}`)).toBe(1);
  });

  it("times out on a cluster that does not answer", async () => {
    const { connector, server } = await setup({}, { timeoutMs: 200 });
    server.faults.add({ kind: "delay", ms: 1_000, path: "/api/cluster/jobs", times: 5 });
    await expect(connector.testConnection()).rejects.toBeInstanceOf(VendorTimeoutError);
  });
});
