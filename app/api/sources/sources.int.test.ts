import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { logger } from "@/lib/log";
import { pollSource } from "@/lib/sync/poll-source";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { callRoute, makeCallers, type Caller } from "../role-matrix.support";
import * as actionRoute from "../jobs/[id]/actions/route";
import * as sourceRoute from "./[id]/route";
import * as storedTestRoute from "./[id]/test/route";
import * as sourcesRoute from "./route";
import * as testConnectionRoute from "./test-connection/route";

/** The simulators' password (lib/testing/sim-source.ts): what must never leave the server. */
const SECRET = "s3cret-pass";

let t: TestDatabase;
let callers: Record<Caller, Record<string, string>>;
let ontap: SimulatedSourceFixture;
let eyeglass: SimulatedSourceFixture;
const logLines: string[] = [];
let restoreLog: () => void;

/** Every line pino writes, whatever its level: the credential check reads them all. */
function captureLogs(): () => void {
  const stream = (logger as unknown as Record<symbol, { write(line: string): boolean }>)[
    pino.symbols.streamSym
  ];
  if (!stream) throw new Error("pino has no destination stream");
  const write = stream.write.bind(stream);
  const level = logger.level;
  logger.level = "trace";
  stream.write = (line: string) => {
    logLines.push(line);
    return true;
  };
  return () => {
    stream.write = write;
    logger.level = level;
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  callers = await makeCallers();
  ontap = await startSimulatedSource(t.db, "ontap", { name: "ONTAP lab" });
  eyeglass = await startSimulatedSource(t.db, "eyeglass", { name: "Eyeglass lab" });
  restoreLog = captureLogs();
});
afterAll(async () => {
  restoreLog();
  await ontap.close();
  await eyeglass.close();
  setDb(undefined);
  await t.drop();
});

const admin = () => callers.admin;
const ontapBody = (over: Record<string, unknown> = {}) => ({
  kind: "ontap",
  name: "Cluster B",
  baseUrl: ontap.server.url,
  username: "admin",
  secret: SECRET,
  ...over,
});
const bodies: string[] = [];

async function text(res: Response | Promise<Response>): Promise<{ status: number; body: string }> {
  const r = await res;
  const body = await r.text();
  bodies.push(body);
  return { status: r.status, body };
}

describe("sources API", () => {
  it("lists sources with health for any signed-in role, never with a credential", async () => {
    await pollSource(t.db, await t.db.source.findUniqueOrThrow({ where: { id: ontap.sourceId } }));
    const { status, body } = await text(
      callRoute(sourcesRoute.GET, "GET", "/api/sources", callers.viewer),
    );
    expect(status).toBe(200);
    const items = (JSON.parse(body) as { items: Array<Record<string, unknown>> }).items;
    const lab = items.find((s) => s.name === "ONTAP lab");
    expect(lab).toMatchObject({
      kind: "ontap",
      username: "admin",
      hasSecret: true,
      enabled: true,
      health: { status: "healthy", lastError: null },
    });
    expect((lab?.health as { lagMs: number }).lagMs).toBeGreaterThanOrEqual(0);
    expect(body).not.toMatch(/secretEnc|"secret"/);
  });

  it("creates a source (201), refuses a duplicate name (409), and names each bad field (400)", async () => {
    const created = await text(
      callRoute(sourcesRoute.POST, "POST", "/api/sources", admin(), {
        body: ontapBody({ pollIntervalMs: 30_000, tlsInsecure: true }),
      }),
    );
    expect(created.status).toBe(201);
    const view = JSON.parse(created.body) as {
      id: string;
      hasSecret: boolean;
      tlsInsecure: boolean;
      pollIntervalMs: number;
      health: { status: string };
    };
    expect(view).toMatchObject({
      hasSecret: true,
      tlsInsecure: true,
      pollIntervalMs: 30_000,
      health: { status: "waiting" },
    });
    const stored = await t.db.source.findUniqueOrThrow({
      where: { id: view.id },
      omit: { secretEnc: false },
    });
    expect(stored.secretEnc).toMatch(/^v2\./);
    expect(stored.secretEnc).not.toContain(SECRET);

    expect(
      (
        await text(
          callRoute(sourcesRoute.POST, "POST", "/api/sources", admin(), { body: ontapBody() }),
        )
      ).status,
    ).toBe(409);
    const bad = await text(
      callRoute(sourcesRoute.POST, "POST", "/api/sources", admin(), {
        body: { kind: "ontap", name: "", baseUrl: "nope", secret: "x", options: { pagesize: 5 } },
      }),
    );
    expect(bad.status).toBe(400);
    const names = (JSON.parse(bad.body) as { errors: Array<{ parameter: string }> }).errors
      .map((e) => e.parameter)
      .sort();
    expect(names).toEqual(["baseUrl", "name", "options.pagesize"]);
  });

  it("edits: a blank password keeps the stored one, a new one replaces it, and options are checked against the stored kind", async () => {
    const created = JSON.parse(
      (
        await text(
          callRoute(sourcesRoute.POST, "POST", "/api/sources", admin(), {
            body: ontapBody({ name: "Cluster C" }),
          }),
        )
      ).body,
    ) as { id: string };
    const params = { id: created.id };
    const before = await t.db.source.findUniqueOrThrow({
      where: { id: created.id },
      omit: { secretEnc: false },
    });
    const kept = await text(
      callRoute(sourceRoute.PATCH, "PATCH", `/api/sources/${created.id}`, admin(), {
        body: { name: "Cluster C2", secret: "", timeoutMs: 4_000 },
        params,
      }),
    );
    expect(kept.status).toBe(200);
    expect(JSON.parse(kept.body)).toMatchObject({
      name: "Cluster C2",
      timeoutMs: 4_000,
      hasSecret: true,
    });
    const after = await t.db.source.findUniqueOrThrow({
      where: { id: created.id },
      omit: { secretEnc: false },
    });
    expect(after.secretEnc).toBe(before.secretEnc);
    expect(
      (
        await text(
          callRoute(storedTestRoute.POST, "POST", `/api/sources/${created.id}/test`, admin(), {
            params,
          }),
        )
      ).body,
    ).toContain('"ok":true');

    await text(
      callRoute(sourceRoute.PATCH, "PATCH", `/api/sources/${created.id}`, admin(), {
        body: { secret: "wrong-password" },
        params,
      }),
    );
    const refused = JSON.parse(
      (
        await text(
          callRoute(storedTestRoute.POST, "POST", `/api/sources/${created.id}/test`, admin(), {
            params,
          }),
        )
      ).body,
    ) as { ok: boolean; message: string };
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/401|credential|auth/i);

    const wrongOptions = await text(
      callRoute(sourceRoute.PATCH, "PATCH", `/api/sources/${created.id}`, admin(), {
        body: { options: { productionClusters: [] } },
        params,
      }),
    );
    expect(wrongOptions.status).toBe(400);
    expect(wrongOptions.body).toContain("options.productionClusters");
  });

  it("disables, and deletes a source that has no history yet", async () => {
    const created = JSON.parse(
      (
        await text(
          callRoute(sourcesRoute.POST, "POST", "/api/sources", admin(), {
            body: ontapBody({ name: "Cluster D" }),
          }),
        )
      ).body,
    ) as { id: string };
    const params = { id: created.id };
    const disabled = await text(
      callRoute(sourceRoute.PATCH, "PATCH", `/api/sources/${created.id}`, admin(), {
        body: { enabled: false },
        params,
      }),
    );
    expect(JSON.parse(disabled.body)).toMatchObject({
      enabled: false,
      health: { status: "disabled" },
    });
    expect(
      (
        await callRoute(sourceRoute.DELETE, "DELETE", `/api/sources/${created.id}`, admin(), {
          params,
        })
      ).status,
    ).toBe(204);
    expect(
      (await callRoute(sourceRoute.GET, "GET", `/api/sources/${created.id}`, admin(), { params }))
        .status,
    ).toBe(404);
  });
});

describe("test connection", () => {
  it("reports what each vendor answered for unsaved settings", async () => {
    const ontapResult = JSON.parse(
      (
        await text(
          callRoute(testConnectionRoute.POST, "POST", "/api/sources/test-connection", admin(), {
            body: ontapBody({ name: "unsaved" }),
          }),
        )
      ).body,
    );
    expect(ontapResult).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^ONTAP answered: \d+ jobs?$/),
    });
    const eyeglassBody = {
      kind: "eyeglass",
      name: "unsaved eg",
      baseUrl: `${eyeglass.server.url}/sera`,
      secret: SECRET,
    };
    const eyeglassResult = JSON.parse(
      (
        await text(
          callRoute(testConnectionRoute.POST, "POST", "/api/sources/test-connection", admin(), {
            body: eyeglassBody,
          }),
        )
      ).body,
    );
    expect(eyeglassResult).toMatchObject({
      ok: true,
      message: expect.stringContaining("Eyeglass answered"),
    });
  });

  it("reports the vendor's refusal and an unreachable host as VendorError messages", async () => {
    const wrong = JSON.parse(
      (
        await text(
          callRoute(testConnectionRoute.POST, "POST", "/api/sources/test-connection", admin(), {
            body: ontapBody({ secret: "not-it" }),
          }),
        )
      ).body,
    );
    expect(wrong).toMatchObject({ ok: false });
    expect(wrong.message).not.toContain("not-it");
    const nowhere = JSON.parse(
      (
        await text(
          callRoute(testConnectionRoute.POST, "POST", "/api/sources/test-connection", admin(), {
            body: ontapBody({ baseUrl: "http://127.0.0.1:9", timeoutMs: 1_000 }),
          }),
        )
      ).body,
    );
    expect(nowhere).toMatchObject({
      ok: false,
      message: expect.stringMatching(/127\.0\.0\.1:9|unreachable|refused/i),
    });
  });

  it("uses the stored password when an edit form tests with the field left blank", async () => {
    const { secret: _unused, ...blank } = ontapBody({ name: "editing" });
    expect(_unused).toBe(SECRET);
    const result = JSON.parse(
      (
        await text(
          callRoute(testConnectionRoute.POST, "POST", "/api/sources/test-connection", admin(), {
            body: { ...blank, secret: "", sourceId: ontap.sourceId },
          }),
        )
      ).body,
    );
    expect(result).toMatchObject({ ok: true });
  });
});

describe("credentials", () => {
  it("never appear in any response body or log line", async () => {
    // A vendor failing an action is where a careless connector would log its request with its auth header.
    const res = await fetch(`${ontap.server.url}/__sim/jobs`, {
      method: "POST",
      body: JSON.stringify({ type: "volume-move", durationMs: 3_600_000 }),
    });
    const { vendorId } = (await res.json()) as { vendorId: string };
    await pollSource(t.db, await t.db.source.findUniqueOrThrow({ where: { id: ontap.sourceId } }));
    const job = await t.db.job.findUniqueOrThrow({
      where: { sourceId_vendorId: { sourceId: ontap.sourceId, vendorId } },
    });
    ontap.server.faults.add({ kind: "status", status: 500, method: "PATCH", path: vendorId });
    const failed = await text(
      callRoute(actionRoute.POST, "POST", `/api/jobs/${job.id}/actions`, callers.operator, {
        body: { action: "cancel", reason: "credential check" },
        params: { id: job.id },
        headers: { "idempotency-key": crypto.randomUUID() },
      }),
    );
    expect(failed.status).toBe(502);
    ontap.server.faults.clear();
    await text(
      callRoute(sourceRoute.GET, "GET", `/api/sources/${ontap.sourceId}`, callers.viewer, {
        params: { id: ontap.sourceId },
      }),
    );
    await text(callRoute(sourcesRoute.GET, "GET", "/api/sources", admin()));

    expect(bodies.length).toBeGreaterThan(15);
    expect(
      logLines.some((line) => line.includes("vendor action failed") && line.includes(job.id)),
    ).toBe(true);
    for (const body of bodies) expect(body).not.toContain(SECRET);
    for (const line of logLines) expect(line).not.toContain(SECRET);
  });
});
