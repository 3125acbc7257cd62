import { drainSync } from "@/lib/testing/drain-sync";
import { afterEach, describe, expect, it } from "vitest";
import { VendorRefusedError } from "@/lib/connectors/errors";
import type { JobView } from "@/lib/connectors/types";
import type { JobRecord } from "@/lib/domain/model";
import { EXPECTED_STATE, commvaultTruth, type TruthJob } from "@/lib/testing/commvault-truth";
import { startConnectorRig, type ConnectorRig } from "@/lib/testing/connector-rig";
import { CommvaultClient } from "./client";
import { parseCommvaultOptions } from "./options";

const fixture = (rig: ConnectorRig<"commvault">) => ({
  ...rig,
  client: new CommvaultClient(rig.config, parseCommvaultOptions(rig.config.options)),
  control: (method: string, path: string, body?: unknown) =>
    rig.control(`/__sim/${path}`, body, method),
  truth: () => commvaultTruth(rig),
  count: (key: string) => rig.sim.requestCounts.get(key) ?? 0,
});
let fx: ReturnType<typeof fixture> | null = null;
afterEach(async () => {
  await fx?.close();
  fx = null;
});
async function start(opts: { scenario?: Record<string, unknown>; format?: "json" | "xml" } = {}) {
  fx = fixture(
    await startConnectorRig("commvault", {
      scenario: opts.scenario,
      config: { options: { format: opts.format ?? "json" } },
    }),
  );
  return fx;
}

const view = (job: JobRecord): JobView => ({
  vendorId: job.vendorId,
  type: job.type,
  state: job.state,
  vendorState: job.vendorState,
  raw: job.raw,
});
const sec = (ms: number) => Math.floor(ms / 1000) * 1000;

function expectMatchesTruth(job: JobRecord | undefined, truth: TruthJob) {
  expect(job?.state).toBe(EXPECTED_STATE[truth.status]);
  expect(job?.vendorState).toBe(truth.status);
  expect(job?.type).toBe(truth.type);
  expect(job?.drGroup).toBe(truth.drGroup);
  const phases = truth.pairs.flatMap((p) =>
    p.phases.map((ph) => [p.clientName, sec(ph.start), ph.end === null ? null : sec(ph.end)]),
  );
  expect(
    job?.phases?.map((p) => [p.lane, p.startedAt?.getTime(), p.endedAt?.getTime() ?? null]),
  ).toEqual(phases);
}

describe("Commvault connector against the simulator: sync", () => {
  it("lists every DR job JobStats returns, matching the simulator's own view", async () => {
    const { connector, truth } = await start();
    const batch = await drainSync(connector, null);
    expect(batch.steps).toBeGreaterThan(1);
    const jobs = await truth();
    expect(batch.presentIds?.sort()).toEqual(jobs.map((j) => String(j.jobId)).sort());
    expect(batch.jobs).toHaveLength(jobs.length);
    for (const t of jobs)
      expectMatchesTruth(
        batch.jobs.find((j) => j.vendorId === String(t.jobId)),
        t,
      );
    const states = new Set(batch.jobs.map((j) => j.state));
    for (const s of ["queued", "running", "succeeded", "partial", "failed", "aborted"])
      expect(states).toContain(s);
    expect(new Set(batch.jobs.map((j) => j.type))).toEqual(
      new Set(["planned-failover", "unplanned-failover", "test-failover", "failback"]),
    );
  });

  it("re-fetches only unfinished jobs on the next poll, and sees them move as time passes", async () => {
    const { connector, clock, count } = await start();
    const first = await drainSync(connector, null);
    const active = first.jobs.filter((j) => ["queued", "running"].includes(j.state));
    const summaries = count("GET /commandcenter/api/Job/" + (active[0]?.vendorId ?? ""));
    const second = await connector.listChanged(first.cursor);
    expect(second.jobs.map((j) => j.vendorId).sort()).toEqual(active.map((j) => j.vendorId).sort());
    expect(
      count(
        `GET /commandcenter/api/Job/${first.jobs.find((j) => j.state === "succeeded")?.vendorId}`,
      ),
    ).toBe(1);
    expect(count(`GET /commandcenter/api/Job/${active[0]?.vendorId}`)).toBe(summaries + 1);
    clock.advance(3 * 3_600_000);
    const third = await connector.listChanged(second.cursor);
    for (const job of active) {
      const later = third.jobs.find((j) => j.vendorId === job.vendorId);
      expect(
        later?.state === "succeeded" || later?.state === "partial" || later?.state === "failed",
      ).toBe(true);
      expect(later?.phases?.length).toBeGreaterThan(job.phases?.length ?? 0);
    }
  });

  it("gives a running job one lane per replication pair, the running phase with a start and no end", async () => {
    const { connector, truth } = await start();
    const running = (await truth()).find((j) => j.status === "Running");
    const job = await connector.getJob(String(running?.jobId));
    expect(new Set(job?.phases?.map((p) => p.lane))).toEqual(
      new Set(running?.pairs.map((p) => p.clientName)),
    );
    const open = job?.phases?.filter((p) => p.state === "running") ?? [];
    expect(open.length).toBeGreaterThan(0);
    for (const p of open) expect([p.startedAt instanceof Date, p.endedAt]).toEqual([true, null]);
    if (running) expectMatchesTruth(job ?? undefined, running);
    expect(await connector.getJob("999999")).toBeNull();
  });

  it("reads the XML form into exactly the jobs the JSON form gives", async () => {
    const { config } = await start();
    const { createCommvaultConnector } = await import("./index");
    const json = await drainSync(createCommvaultConnector(config), null);
    const xml = await drainSync(
      createCommvaultConnector({ ...config, options: { ...config.options, format: "xml" } }),
      null,
    );
    const strip = (jobs: JobRecord[]) => jobs.map((j) => ({ ...j, raw: null }));
    expect(strip(xml.jobs)).toEqual(strip(json.jobs));
    expect(fx?.count("GET /commandcenter/api/DR/JobStats")).toBe(json.steps + xml.steps);
  });
});

describe("Commvault connector against the simulator: JobStats filters", () => {
  it.each(["json", "xml"] as const)(
    "filters by jobId, drGroupId, replicationId and clientId (%s)",
    async (format) => {
      const { client, truth } = await start({ format });
      const jobs = await truth();
      const all = jobs.flatMap((j) =>
        j.pairs.map((p) => ({ jobId: j.jobId, drGroupId: j.drGroupId, ...p })),
      );
      const key = (p: {
        jobId: number;
        replicationId?: number;
        client?: { clientId?: number };
        clientId?: number;
      }) => `${p.jobId}/${p.replicationId}/${p.client?.clientId ?? p.clientId}`;
      const target = all[all.length - 5];
      if (!target) throw new Error("empty estate");
      const cases: Array<[Record<string, string>, typeof all]> = [
        [{}, all],
        [{ jobId: String(target.jobId) }, all.filter((p) => p.jobId === target.jobId)],
        [
          { drGroupId: String(target.drGroupId) },
          all.filter((p) => p.drGroupId === target.drGroupId),
        ],
        [
          { replicationId: String(target.replicationId) },
          all.filter((p) => p.replicationId === target.replicationId),
        ],
        [{ clientId: String(target.clientId) }, all.filter((p) => p.clientId === target.clientId)],
        [{ jobId: String(target.jobId), clientId: String(target.clientId) }, [target]],
        [{ jobId: "1" }, []],
      ];
      for (const [filter, expected] of cases) {
        const pairs = (await client.jobStats(filter)).good.map((g) => g.value);
        expect(pairs.map(key).sort(), JSON.stringify(filter)).toEqual(expected.map(key).sort());
      }
      expect(cases[2]?.[1].length).toBeLessThan(all.length);
    },
  );
});

describe("Commvault connector against the simulator: actions", () => {
  it("pauses, resumes and kills a running DR job; a refusal carries Commvault's text", async () => {
    const { connector, control, clock } = await start();
    const created = (
      await control("POST", "jobs", { type: "planned-failover", durationMs: 1_800_000 })
    ).body as { vendorId: string };
    clock.advance(60_000);
    let job = await connector.getJob(created.vendorId);
    if (!job) throw new Error("created job missing");
    expect(job.state).toBe("running");
    expect(connector.capabilities(view(job))).toEqual(["pause", "kill"]);
    await connector.perform(view(job), { action: "pause", params: {} });
    job = await connector.getJob(created.vendorId);
    expect([job?.state, job?.vendorState]).toEqual(["paused", "Suspended"]);
    expect(job?.phases?.filter((p) => p.state === "paused").length).toBeGreaterThan(0);
    if (!job) throw new Error("job vanished");
    expect(connector.capabilities(view(job))).toEqual(["resume", "kill"]);
    await expect(connector.perform(view(job), { action: "pause", params: {} })).rejects.toThrow(
      /cannot be suspended in its current state \[Suspended\]/,
    );
    await connector.perform(view(job), { action: "resume", params: {} });
    expect((await connector.getJob(created.vendorId))?.state).toBe("running");
    const reply = await connector.perform(view(job), { action: "kill", params: {} });
    expect(reply.vendorReply).toContain("kill");
    job = await connector.getJob(created.vendorId);
    expect([job?.state, job?.message]).toEqual(["aborted", "Job was killed by user [admin]."]);
    if (!job) throw new Error("job vanished");
    expect(connector.capabilities(view(job))).toEqual([]);
    const refusal = connector.perform(view(job), { action: "kill", params: {} });
    await expect(refusal).rejects.toBeInstanceOf(VendorRefusedError);
    await expect(refusal).rejects.toThrow(
      "Job [" + created.vendorId + "] cannot be killed in its current state [Killed].",
    );
    await expect(
      connector.perform(view(job), { action: "purge", params: {} }),
    ).rejects.toBeInstanceOf(VendorRefusedError);
  });

  it("shows a job the simulator fails as failed, with Commvault's reason on the failed phases", async () => {
    const { connector, control, clock } = await start({ scenario: { liveJobs: false } });
    const created = (await control("POST", "jobs", { type: "unplanned-failover" })).body as {
      vendorId: string;
    };
    clock.advance(45_000);
    expect((await control("POST", `jobs/${created.vendorId}/fail`)).status).toBe(200);
    const job = await connector.getJob(created.vendorId);
    expect(job?.state).toBe("failed");
    const failed = job?.phases?.filter((p) => p.state === "failed") ?? [];
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]?.message).toBe(job?.message);
    expect(job?.message).toMatch(/virtual machine \[/);
    expect((await control("POST", `jobs/${created.vendorId}/fail`)).status).toBe(409);
  });

  it("lets a test set the exact RTO: Post VM Failover ends rtoMs after the start on every lane", async () => {
    const { connector, control, clock } = await start({ scenario: { liveJobs: false } });
    const created = (await control("POST", "jobs", { type: "planned-failover", rtoMs: 754_000 }))
      .body as { vendorId: string };
    clock.advance(3 * 3_600_000);
    const job = await connector.getJob(created.vendorId);
    const service = job?.phases?.filter((p) => p.name === "Post VM Failover") ?? [];
    expect(service.length).toBeGreaterThan(1);
    for (const p of service)
      expect((p.endedAt?.getTime() ?? 0) - (job?.startedAt?.getTime() ?? 0)).toBe(754_000);
    expect(job?.state).toBe("succeeded");
  });
});
