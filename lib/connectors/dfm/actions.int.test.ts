import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VendorRefusedError } from "@/lib/connectors/errors";
import type { JobView } from "@/lib/connectors/types";
import { jobAt } from "@/lib/simulators/dfm/timeline";
import { startConnectorRig, type ConnectorRig } from "@/lib/testing/connector-rig";

let h: ConnectorRig<"dfm">;
beforeEach(async () => {
  h = await startConnectorRig("dfm");
});
afterEach(async () => {
  await h.close();
});

const view = (vendorId: string, type = "mirror"): JobView => ({
  vendorId,
  type,
  state: "running",
  vendorState: "running · in_progress",
  raw: null,
});
const newJob = async (body: Record<string, unknown> = { durationMs: 600_000, type: "mirror" }) =>
  String((await h.control("/__sim/jobs", body)).body.vendorId);

async function refusal(work: Promise<unknown>): Promise<VendorRefusedError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VendorRefusedError);
  return err as VendorRefusedError;
}

describe("DFM actions against the simulator", () => {
  it("abort: running → aborting → aborted, then each abort errno with a clear message", async () => {
    const id = await newJob();
    h.clock.advance(20_000);
    const reply = await h.connector.perform(view(id), { action: "abort", params: {} });
    expect(reply.vendorReply).toContain(id);
    const aborting = await h.connector.getJob(id);
    expect(aborting?.state).toBe("aborting");
    expect(aborting?.events?.some((e) => e.type === "job-abort")).toBe(true);
    const again = await refusal(h.connector.perform(view(id), { action: "abort", params: {} }));
    expect(again.vendorCode).toBe("EJOBALREADYABORTED");
    expect(again.message).toMatch(/already aborting or aborted/);
    h.clock.advance(h.simulator.context.estate.scenario.abortDelayMs);
    const aborted = await h.connector.getJob(id);
    expect(aborted?.state).toBe("aborted");
    expect(aborted?.phases?.[0]?.state).toBe("failed");
    expect(jobAt(h.simulator.context.estate.get(Number(id)) ?? fail(), h.clock.now()).state).toBe(
      "aborted",
    );

    const done = await newJob({ durationMs: 10_000, type: "mirror" });
    h.clock.advance(60_000);
    expect(
      (await refusal(h.connector.perform(view(done), { action: "abort", params: {} }))).vendorCode,
    ).toBe("EJOBALREADYCOMPLETED");
    const missing = await refusal(
      h.connector.perform(view("4999999"), { action: "abort", params: {} }),
    );
    expect(missing.vendorCode).toBe("EJOBDOESNOTEXIST");
    expect(missing.message).toMatch(/no such job/);
    const destroy = await newJob({ durationMs: 600_000, type: "destroy_relationship" });
    expect(
      (await refusal(h.connector.perform(view(destroy), { action: "abort", params: {} })))
        .vendorCode,
    ).toBe("EJOBCANNOTBEABORTED");
    expect(h.simulator.context.estate.get(Number(destroy))?.abortRequestedMs).toBeNull();
  });

  it("purge one job (admin): refused while running, removed once finished", async () => {
    const id = await newJob({ durationMs: 30_000, type: "mirror" });
    const running = await refusal(h.connector.perform(view(id), { action: "purge", params: {} }));
    expect(running.vendorCode).toBe("EINVALIDINPUT");
    h.clock.advance(60_000);
    await h.connector.perform(view(id), { action: "purge", params: {} });
    expect(h.simulator.context.estate.get(Number(id))).toBeUndefined();
    expect(await h.connector.getJob(id)).toBeNull();
    expect(
      (await refusal(h.connector.perform(view(id), { action: "purge", params: {} }))).vendorCode,
    ).toBe("EJOBDOESNOTEXIST");
  });

  it("purge of a failed job sends purge-jobs-completed-with-error, without which DFM keeps it", async () => {
    const id = await newJob({ durationMs: 600_000, type: "mirror" });
    h.clock.advance(20_000);
    expect((await h.control(`/__sim/jobs/${id}/fail`)).status).toBe(200);
    h.clock.advance(1_000);
    const failed = await h.connector.getJob(id);
    expect(failed?.state).toBe("failed");
    await h.connector.perform(
      { ...view(id), state: "failed", vendorState: failed?.vendorState ?? "" },
      { action: "purge", params: {} },
    );
    expect(h.simulator.context.estate.get(Number(id))).toBeUndefined();
    expect(await h.connector.getJob(id)).toBeNull();
  });

  it("purge before a time: successful jobs only, or with failed ones when asked", async () => {
    const ops = h.connector.launchOperations ?? [];
    expect(ops.map((o) => [o.operation, o.role])).toEqual([["purge-completed-before", "admin"]]);
    const before = new Date(h.clock.now() - 6 * 3_600_000);
    const truthBefore = () =>
      h.simulator.context.estate
        .list()
        .map((j) => ({ j, at: jobAt(j, h.clock.now()) }))
        .filter(({ at }) => at.completedMs !== null && at.completedMs < before.getTime());
    const clean = truthBefore().filter(
      ({ at }) => at.state === "completed" && at.progress === "success",
    ).length;
    const withErrors = truthBefore().length - clean;
    expect(clean).toBeGreaterThan(0);
    expect(withErrors).toBeGreaterThan(0);
    const total = h.simulator.context.estate.list().length;
    await h.connector.launch?.({
      operation: "purge-completed-before",
      params: { completedBefore: before.toISOString() },
    });
    expect(h.simulator.context.estate.list().length).toBe(total - clean);
    expect(truthBefore()).toHaveLength(withErrors);
    await h.connector.launch?.({
      operation: "purge-completed-before",
      params: { completedBefore: before.toISOString(), includeFailed: true },
    });
    expect(truthBefore()).toHaveLength(0);
    await expect(
      h.connector.launch?.({
        operation: "purge-completed-before",
        params: { completedBefore: "yesterday" },
      }),
    ).rejects.toBeInstanceOf(VendorRefusedError);
  });

  it("maps a refusal by errno number when the reason carries no name, using the configured table", async () => {
    await h.close();
    h = await startConnectorRig("dfm", {
      scenario: { errnos: { EJOBDOESNOTEXIST: 31337 } },
      config: { options: { errnos: { EJOBDOESNOTEXIST: 31337 } } },
    });
    h.sim.faults.add({
      kind: "body",
      times: 1,
      contentType: "text/xml",
      body: `<?xml version="1.0"?><netapp version="1.0" xmlns="http://www.netapp.com/filer/admin"><results status="failed" errno="31337" reason="Job 12 not found"/></netapp>`,
    });
    const err = await refusal(h.connector.perform(view("12"), { action: "abort", params: {} }));
    expect(err.vendorCode).toBe("EJOBDOESNOTEXIST");
    expect(err.message).toMatch(/no such job/);
    const byName = await refusal(h.connector.perform(view("12"), { action: "abort", params: {} }));
    expect(byName.message).toContain("31337");
  });

  it("offers abort for live jobs and purge for finished ones, and refuses other verbs", async () => {
    expect(h.connector.capabilities({ ...view("1"), state: "running" })).toEqual(["abort"]);
    expect(h.connector.capabilities({ ...view("1"), state: "queued" })).toEqual(["abort"]);
    expect(h.connector.capabilities({ ...view("1"), state: "aborting" })).toEqual([]);
    expect(h.connector.capabilities({ ...view("1"), state: "partial" })).toEqual(["purge"]);
    await expect(
      h.connector.perform(view("1"), { action: "pause", params: {} }),
    ).rejects.toBeInstanceOf(VendorRefusedError);
  });
});

function fail(): never {
  throw new Error("job missing from the simulator");
}
