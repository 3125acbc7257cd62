import { drainSync } from "@/lib/testing/drain-sync";
import { afterEach, describe, expect, it } from "vitest";
import {
  VendorAuthError,
  VendorHttpError,
  VendorNotFoundError,
  VendorProtocolError,
  VendorRefusedError,
  VendorUnreachableError,
} from "@/lib/connectors/errors";
import type { Fault } from "@/lib/simulators/engine/faults";
import { commvaultTruth } from "@/lib/testing/commvault-truth";
import { RIG_PASSWORD, startConnectorRig, type ConnectorRig } from "@/lib/testing/connector-rig";

const PASSWORD = RIG_PASSWORD("commvault");
const fixture = (rig: ConnectorRig<"commvault">) => ({
  ...rig,
  server: rig.sim,
  truth: () => commvaultTruth(rig),
  count: (key: string) => rig.sim.requestCounts.get(key) ?? 0,
});
let fx: ReturnType<typeof fixture> | null = null;
afterEach(async () => {
  await fx?.close();
  fx = null;
});
async function start(
  opts: { scenario?: Record<string, unknown>; format?: "json" | "xml"; password?: string } = {},
) {
  fx = fixture(
    await startConnectorRig("commvault", {
      scenario: opts.scenario,
      config: {
        options: { format: opts.format ?? "json" },
        ...(opts.password ? { secret: opts.password } : {}),
      },
    }),
  );
  return fx;
}
const LOGIN = "POST /commandcenter/api/Login";
const STATS = "GET /commandcenter/api/DR/JobStats";
const LEGACY_STATS = "GET /commandcenter/api/DRGroups/JobStats";

describe("Commvault login and tokens", () => {
  it.each([
    ["errList", "Invalid Username or Password"],
    ["errorCode", "Access denied"],
  ])(
    "reports a refused login (%s body) with Commvault's text and never the password",
    async (loginError, text) => {
      const { connector, count } = await start({
        password: "wrong-password",
        scenario: { loginError },
      });
      const err = await connector.listChanged(null).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(VendorAuthError);
      expect((err as Error).message).toContain(text);
      expect((err as Error).message).not.toContain("wrong-password");
      expect(count(LOGIN)).toBe(1);
    },
  );

  it("logs in once and again after the token expired mid-sync, then carries on", async () => {
    const { connector, clock, count } = await start();
    const first = await connector.listChanged(null);
    expect(count(LOGIN)).toBe(1);
    clock.advance(31 * 60_000);
    const second = await connector.listChanged(first.cursor);
    expect(second.jobs.length).toBeGreaterThan(0);
    expect(count(LOGIN)).toBe(2);
    clock.advance(29 * 60_000);
    await connector.listChanged(second.cursor);
    expect(count(LOGIN)).toBe(2);
  });

  it("shares one re-login among concurrent calls that all met the expired token", async () => {
    const { connector, clock, count } = await start();
    await connector.listChanged(null);
    clock.advance(40 * 60_000);
    const ids = (await fx?.truth())?.slice(-4).map((j) => String(j.jobId)) ?? [];
    await Promise.all(ids.map((id) => connector.getJob(id)));
    expect(count(LOGIN)).toBe(2);
  });

  it("gives up with an auth error when a fresh token is refused too, without looping", async () => {
    const { connector, server, count } = await start();
    server.faults.add({ kind: "status", status: 401, path: "DR/JobStats", body: "" });
    await expect(connector.listChanged(null)).rejects.toBeInstanceOf(VendorAuthError);
    expect(count(LOGIN)).toBe(2);
    expect(count(STATS)).toBe(2);
  });

  it("logs in again when an expired token is answered HTTP 200 with an errList, once", async () => {
    const { connector, clock, count } = await start({ scenario: { expiredToken: "errList200" } });
    const first = await connector.listChanged(null);
    clock.advance(31 * 60_000);
    const second = await connector.listChanged(first.cursor);
    expect(
      second.jobs.length + Object.keys((second.cursor as { settled: object }).settled).length,
    ).toBeGreaterThan(0);
    expect(count(LOGIN)).toBe(2);
  });

  it("asks an older CommServe's DRGroups/JobStats after DR/JobStats is not found, and remembers", async () => {
    const { connector, count } = await start({ scenario: { jobStatsPaths: "DRGroups" } });
    const first = await connector.listChanged(null);
    expect(first.jobs.length).toBeGreaterThan(0);
    await connector.listChanged(first.cursor);
    expect(count(STATS)).toBe(1);
    expect(count(LEGACY_STATS)).toBe(2);
  });

  it("renews a live token and refuses to renew or use an expired one", async () => {
    const { server, clock } = await start();
    const base = `${server.url}/commandcenter/api`;
    const login = await fetch(`${base}/Login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        username: "admin",
        password: Buffer.from(PASSWORD).toString("base64"),
      }),
    });
    const { token } = (await login.json()) as { token: string };
    expect(token).toMatch(/^QSDK [0-9a-f]+$/);
    const renew = await fetch(`${base}/RenewLoginToken`, {
      method: "POST",
      headers: { Authtoken: token },
      body: "{}",
    });
    const renewed = ((await renew.json()) as { token: string }).token;
    expect(renewed).not.toBe(token);
    expect(
      (await fetch(`${base}/DRGroups/JobStats?jobId=1`, { headers: { Authtoken: token } })).status,
    ).toBe(401);
    expect(
      (await fetch(`${base}/DRGroups/JobStats?jobId=1`, { headers: { Authtoken: renewed } }))
        .status,
    ).toBe(200);
    clock.advance(30 * 60_000);
    expect(
      (await fetch(`${base}/RenewLoginToken`, { method: "POST", headers: { Authtoken: renewed } }))
        .status,
    ).toBe(401);
    expect(
      (await fetch(`${base}/Logout`, { method: "POST", headers: { Authtoken: renewed } })).status,
    ).toBe(200);
  });

  it("logs out on close", async () => {
    const { connector, count } = await start();
    await connector.testConnection();
    await connector.close?.();
    expect(count("POST /commandcenter/api/Logout")).toBe(1);
  });
});

describe("Commvault replies that are not what the document says", () => {
  const cases: Array<[string, "json" | "xml", Fault, new (...args: never[]) => Error]> = [
    ["malformed JSON", "json", { kind: "malformed", path: "JobStats" }, VendorProtocolError],
    ["truncated JSON", "json", { kind: "truncated", path: "JobStats" }, VendorProtocolError],
    ["malformed XML", "xml", { kind: "malformed", path: "JobStats" }, VendorProtocolError],
    ["truncated XML", "xml", { kind: "truncated", path: "JobStats" }, VendorProtocolError],
    [
      "an error body",
      "json",
      {
        kind: "body",
        path: "JobStats",
        body: '{"error":{"errorCode":2,"errorMessage":"Invalid DR group"}}',
      },
      VendorRefusedError,
    ],
    ["a truncated summary", "json", { kind: "truncated", path: "/Job/" }, VendorProtocolError],
    ["HTTP 503", "json", { kind: "status", status: 503, path: "JobStats" }, VendorHttpError],
    [
      "HTTP 404 on both JobStats paths",
      "json",
      { kind: "status", status: 404, path: "JobStats" },
      VendorNotFoundError,
    ],
    ["a reset connection", "json", { kind: "reset", path: "JobStats" }, VendorUnreachableError],
  ];

  it.each(cases)("turns %s (%s) into a typed vendor error", async (_label, format, fault, type) => {
    const { connector, server } = await start({ format });
    server.faults.add(fault);
    await expect(connector.listChanged(null)).rejects.toBeInstanceOf(type);
    server.faults.clear();
    expect((await connector.listChanged(null)).jobs.length).toBeGreaterThan(0);
  });

  it("quarantines a job with an unreadable pair and stores the rest of the listing", async () => {
    const { connector, truth } = await start({ scenario: { brokenJobEvery: 3 } });
    let batch = await connector.listChanged(null);
    const seen = batch.jobs.map((j) => j.vendorId);
    while (batch.more) {
      batch = await connector.listChanged(batch.cursor);
      seen.push(...batch.jobs.map((j) => j.vendorId));
    }
    const all = (await truth()).map((j) => j.jobId);
    const broken = all.filter((id) => id % 3 === 0).map(String);
    expect(broken.length).toBeGreaterThan(0);
    expect(new Set(batch.quarantined?.map((q) => q.key))).toEqual(new Set(broken));
    expect(batch.quarantined?.[0]?.reason).toMatch(/JobStats pair: phase\.0\.phase/);
    expect([...new Set(seen)].sort()).toEqual(
      all
        .filter((id) => id % 3 !== 0)
        .map(String)
        .sort(),
    );
  });

  it("names a phase code newer than the table 'Phase N' instead of dropping it", async () => {
    const { connector, truth } = await start({ scenario: { unknownPhaseCode: 61 } });
    const batch = await drainSync(connector, null);
    const started = (await truth()).filter((j) => j.pairs.some((p) => p.phases.length > 1));
    for (const t of started) {
      const job = batch.jobs.find((j) => j.vendorId === String(t.jobId));
      const unknown = job?.phases?.filter((p) => p.name === "Phase 61") ?? [];
      expect(unknown.length).toBe(t.pairs.filter((p) => p.phases.length > 1).length);
      expect(unknown[0]?.key).toMatch(/^\d+-\d+:61:0$/);
    }
  });

  it("treats running phases as running whatever status and zero end time they carry", async () => {
    const { connector, truth } = await start({
      scenario: { runningPhaseStatus: 2, runningEndTime: "zero" },
    });
    const running = (await truth()).find((j) => j.status === "Running");
    const job = await connector.getJob(String(running?.jobId));
    const open = job?.phases?.filter((p) => p.endedAt === null) ?? [];
    expect(open.length).toBeGreaterThan(0);
    for (const p of open) expect([p.state, p.vendorStatus]).toEqual(["running", "2"]);
  });
});
