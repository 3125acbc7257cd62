import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { pollSource } from "@/lib/sync/poll-source";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { callRoute, makeCallers, type Caller } from "../role-matrix.support";
import * as sourceRoute from "./[id]/route";
import * as storedTestRoute from "./[id]/test/route";
import * as sourcesRoute from "./route";
import * as testConnectionRoute from "./test-connection/route";

let t: TestDatabase;
let callers: Record<Caller, Record<string, string>>;
let ontap: SimulatedSourceFixture;
/** A host an attacker controls: it records every Authorization header it is sent. */
let trap: Server;
let trapUrl: string;
const captured: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  callers = await makeCallers();
  ontap = await startSimulatedSource(t.db, "ontap", { name: "ONTAP prod" });
  trap = createServer((req, res) => {
    captured.push(req.headers.authorization ?? "(none)");
    res.writeHead(401, { "www-authenticate": 'Basic realm="trap"' }).end();
  });
  await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await ontap.close();
  await new Promise((resolve) => trap.close(resolve));
  setDb(undefined);
  await t.drop();
});

const admin = () => callers.admin;
const params = () => ({ id: ontap.sourceId });
const stored = () =>
  t.db.source.findUniqueOrThrow({ where: { id: ontap.sourceId }, omit: { secretEnc: false } });

describe("stored credentials stay bound to their host and TLS settings", () => {
  it("refuses to test a stored secret against another host, and the other host hears nothing", async () => {
    const body = {
      kind: "ontap",
      name: "ONTAP prod",
      baseUrl: trapUrl,
      username: "admin",
      secret: "",
      sourceId: ontap.sourceId,
    };
    const res = await callRoute(
      testConnectionRoute.POST,
      "POST",
      "/api/sources/test-connection",
      admin(),
      { body },
    );
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: Array<{ parameter: string }> };
    expect(problem.errors.map((e) => e.parameter)).toEqual(["secret"]);
    for (const tls of [
      { tlsInsecure: true },
      { tlsCaPem: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----" },
    ]) {
      const other = await callRoute(
        testConnectionRoute.POST,
        "POST",
        "/api/sources/test-connection",
        admin(),
        { body: { ...body, baseUrl: ontap.server.url, ...tls } },
      );
      expect(other.status).toBe(400);
    }
    expect(captured).toEqual([]);
    // The stored host with the stored settings still works with the stored secret.
    const same = await callRoute(
      testConnectionRoute.POST,
      "POST",
      "/api/sources/test-connection",
      admin(),
      { body: { ...body, baseUrl: ontap.server.url } },
    );
    expect(((await same.json()) as { ok: boolean }).ok).toBe(true);
  });

  it("refuses an edit that moves the base URL or TLS settings without the secret, and keeps everything as it was", async () => {
    const before = await stored();
    for (const change of [
      { baseUrl: trapUrl },
      { tlsInsecure: true },
      { baseUrl: `${ontap.server.url}/other` },
    ]) {
      const res = await callRoute(
        sourceRoute.PATCH,
        "PATCH",
        `/api/sources/${ontap.sourceId}`,
        admin(),
        { body: change, params: params() },
      );
      expect(res.status, JSON.stringify(change)).toBe(400);
    }
    expect(await stored()).toMatchObject({
      baseUrl: before.baseUrl,
      tlsInsecure: false,
      secretEnc: before.secretEnc,
    });
    // Then the stored-source test only reaches the stored host.
    await callRoute(storedTestRoute.POST, "POST", `/api/sources/${ontap.sourceId}/test`, admin(), {
      params: params(),
    });
    expect(captured).toEqual([]);
    // With the secret typed again the move is allowed (and the new host gets what was typed).
    const moved = await callRoute(
      sourceRoute.PATCH,
      "PATCH",
      `/api/sources/${ontap.sourceId}`,
      admin(),
      { body: { baseUrl: trapUrl, secret: "typed-again" }, params: params() },
    );
    expect(moved.status).toBe(200);
    const back = await callRoute(
      sourceRoute.PATCH,
      "PATCH",
      `/api/sources/${ontap.sourceId}`,
      admin(),
      { body: { baseUrl: before.baseUrl, secret: "s3cret-pass" }, params: params() },
    );
    expect(back.status).toBe(200);
    // Renaming or re-timing keeps the stored secret without asking again.
    expect(
      (
        await callRoute(sourceRoute.PATCH, "PATCH", `/api/sources/${ontap.sourceId}`, admin(), {
          body: { name: "ONTAP prod", timeoutMs: 5_000 },
          params: params(),
        })
      ).status,
    ).toBe(200);
  });
});

describe("history is never deleted with its source", () => {
  it("refuses to delete a source with history, with a clear message, and loses nothing; archiving hides it instead", async () => {
    await fetch(`${ontap.server.url}/__sim/jobs`, {
      method: "POST",
      body: JSON.stringify({ type: "volume-move", durationMs: 60_000 }),
    });
    await pollSource(t.db, await t.db.source.findUniqueOrThrow({ where: { id: ontap.sourceId } }));
    const count = async () => ({
      jobs: await t.db.job.count({ where: { sourceId: ontap.sourceId } }),
      phases: await t.db.phase.count({ where: { job: { sourceId: ontap.sourceId } } }),
      events: await t.db.jobEvent.count({ where: { job: { sourceId: ontap.sourceId } } }),
    });
    const before = await count();
    expect(before.jobs).toBeGreaterThan(0);

    const refused = await callRoute(
      sourceRoute.DELETE,
      "DELETE",
      `/api/sources/${ontap.sourceId}`,
      admin(),
      { params: params() },
    );
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(
      /has \d+ jobs? of history, which Jobdeck keeps\. Archive it instead/,
    );
    expect(await count()).toEqual(before);
    // The database refuses too, whatever code asks.
    await expect(t.db.source.delete({ where: { id: ontap.sourceId } })).rejects.toThrow();
    expect(await count()).toEqual(before);

    const archived = await callRoute(
      sourceRoute.PATCH,
      "PATCH",
      `/api/sources/${ontap.sourceId}`,
      admin(),
      { body: { archived: true }, params: params() },
    );
    expect(await archived.json()).toMatchObject({ enabled: false, archivedAt: expect.any(String) });
    const listed = (await (
      await callRoute(sourcesRoute.GET, "GET", "/api/sources", admin())
    ).json()) as { items: Array<{ id: string }> };
    expect(listed.items.map((s) => s.id)).not.toContain(ontap.sourceId);
    const all = (await (
      await callRoute(sourcesRoute.GET, "GET", "/api/sources?archived=include", admin())
    ).json()) as { items: Array<{ id: string }> };
    expect(all.items.map((s) => s.id)).toContain(ontap.sourceId);
    expect(await count()).toEqual(before);
    const enable = await callRoute(
      sourceRoute.PATCH,
      "PATCH",
      `/api/sources/${ontap.sourceId}`,
      admin(),
      { body: { enabled: true }, params: params() },
    );
    expect(enable.status).toBe(409);
  });
});
