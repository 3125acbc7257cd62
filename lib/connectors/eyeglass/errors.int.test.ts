import { drainSync } from "@/lib/testing/drain-sync";
import { afterEach, describe, expect, it } from "vitest";
import {
  VendorAuthError,
  VendorHttpError,
  VendorProtocolError,
  VendorTimeoutError,
  VendorUnreachableError,
} from "@/lib/connectors/errors";
import { createEyeglassConnector } from "./index";
import { RIG_PASSWORD, startConnectorRig, type ConnectorRig } from "@/lib/testing/connector-rig";

const TOKEN = RIG_PASSWORD("eyeglass");

let h: ConnectorRig<"eyeglass">;
afterEach(async () => h?.close());

describe("eyeglass connector when the vendor misbehaves", () => {
  it("reports a rejected token as an auth error without echoing it", async () => {
    h = await startConnectorRig("eyeglass");
    expect(
      (await h.vendor("GET", "/v2/jobs/failover", { headers: { api_key: "igls-wrong" } })).body,
    ).toEqual({ code: 403, message: "Forbidden: missing or invalid api_key" });
    const bad = createEyeglassConnector({ ...h.config, secret: "igls-wrong" });
    const err = await bad.listChanged(null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorAuthError);
    expect(String(err)).not.toContain("igls-wrong");
    expect(String(err)).not.toContain(TOKEN);
    await expect(
      createEyeglassConnector({ ...h.config, secret: null }).testConnection(),
    ).rejects.toThrow(VendorAuthError);
  });

  it.each([
    ["malformed", { kind: "malformed" as const }],
    ["truncated", { kind: "truncated" as const }],
    [
      "wrong shape",
      { kind: "body" as const, body: JSON.stringify({ code: 0, message: "not a list" }) },
    ],
  ])("throws a protocol error on a %s job list", async (_label, fault) => {
    h = await startConnectorRig("eyeglass");
    // A garbled reply is read again (five tries); a wrongly shaped one is not.
    h.sim.faults.add({
      ...fault,
      path: "/v2/jobs/readiness",
      times: fault.kind === "body" ? 1 : 5,
    });
    await expect(h.connector.listChanged(null)).rejects.toThrow(VendorProtocolError);
    await expect(h.connector.listChanged(null)).resolves.toHaveProperty("jobs");
  });

  it("quarantines a listed job it cannot read and stores the rest of the list", async () => {
    h = await startConnectorRig("eyeglass");
    const odd = { name: "no id here" };
    h.sim.faults.add({
      kind: "body",
      path: "/v2/jobs/readiness",
      times: 1,
      body: JSON.stringify([odd]),
    });
    const batch = await drainSync(h.connector, null);
    expect(batch.quarantined).toHaveLength(1);
    expect(batch.quarantined?.[0]?.raw).toEqual(odd);
    expect(batch.quarantined?.[0]?.key).toMatch(/^sha1:/);
    expect(batch.jobs.some((j) => j.vendorId.startsWith("failover:"))).toBe(true);
  });

  it("throws a protocol error on a malformed single job or cancel reply", async () => {
    h = await startConnectorRig("eyeglass");
    const batch = await drainSync(h.connector, null);
    const running = batch.jobs.find(
      (j) => j.state === "running" && j.vendorId.startsWith("failover:"),
    );
    if (!running) throw new Error("no running failover");
    h.sim.faults.add({ kind: "truncated", path: "/v2/jobs/failover/", method: "GET", times: 5 });
    await expect(h.connector.getJob(running.vendorId)).rejects.toThrow(VendorProtocolError);
    h.sim.faults.add({ kind: "malformed", path: "/v2/jobs/failover/", method: "DELETE", times: 1 });
    const view = {
      vendorId: running.vendorId,
      type: running.type,
      state: running.state,
      vendorState: running.vendorState,
      raw: running.raw,
    };
    await expect(h.connector.perform(view, { action: "cancel", params: {} })).rejects.toThrow(
      VendorProtocolError,
    );
    h.sim.faults.add({ kind: "malformed", path: "/v2/jobs/readiness", method: "POST", times: 1 });
    await expect(h.connector.launch?.({ operation: "readiness", params: {} })).rejects.toThrow(
      VendorProtocolError,
    );
  });

  it("keeps syncing when a failover log comes back as an HTML error page, and fetches it again next time", async () => {
    h = await startConnectorRig("eyeglass");
    h.sim.faults.add({ kind: "malformed", path: "/log" });
    const first = await drainSync(h.connector, null);
    // Logs that failed are tried again newest first, a bounded number per step.
    const finished = first.jobs
      .filter((j) => j.vendorId.startsWith("failover:") && j.state === "succeeded")
      .sort((a, b) => (b.startedAt?.getTime() ?? 0) - (a.startedAt?.getTime() ?? 0))[0];
    if (!finished) throw new Error("no finished failover");
    expect(finished.log).toBeUndefined();
    h.sim.faults.clear();
    const second = await h.connector.listChanged(first.cursor);
    const again = second.jobs.find((j) => j.vendorId === finished.vendorId);
    expect(again?.log?.length).toBeGreaterThan(3);
  });

  it("retries a 5xx and then reports it; a reset is unreachable; a stall is a timeout", async () => {
    h = await startConnectorRig("eyeglass");
    h.sim.faults.add({ kind: "status", status: 503, path: "/v2/jobs/failover", times: 1 });
    await expect(h.connector.listChanged(null)).resolves.toHaveProperty("jobs");
    h.sim.faults.add({ kind: "status", status: 502, path: "/v2/jobs/failover" });
    await expect(h.connector.listChanged(null)).rejects.toThrow(VendorHttpError);
    h.sim.faults.clear();
    h.sim.faults.add({ kind: "reset", path: "/v2/jobs/failover" });
    await expect(h.connector.testConnection()).rejects.toThrow(VendorUnreachableError);
    h.sim.faults.clear();
    const impatient = createEyeglassConnector({ ...h.config, timeoutMs: 100 });
    h.sim.faults.add({ kind: "delay", ms: 400, path: "/v2/jobs/failover" });
    await expect(impatient.testConnection()).rejects.toThrow(VendorTimeoutError);
  });

  it("answers test connection with what the vendor has", async () => {
    h = await startConnectorRig("eyeglass");
    await expect(h.connector.testConnection()).resolves.toMatch(
      /^Eyeglass answered: 2 failover job\(s\) running or queued, \d+ recent readiness job\(s\)$/,
    );
  });
});
