import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInCookie } from "@/lib/auth/test-support";
import { createUser } from "@/lib/auth/users";
import { getHistoryRow } from "@/lib/data/history";
import { setDb } from "@/lib/db/client";
import type { DocumentedSpec } from "@/lib/http/route";
import { HTTP_METHODS } from "@/lib/openapi/build-document";
import { pollSource } from "@/lib/sync/poll-source";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { ROUTE_MODULES } from "./openapi.json/route-modules";
import { callRoute, type Handler } from "./role-matrix.support";

/**
 * The auditor against every route the OpenAPI list knows, so a route added later is covered
 * without touching this file: every write is refused with 403 (nothing changes) except the few an
 * auditor needs, and every read a viewer or (where listed) an admin may make answers the auditor
 * exactly as it answers them.
 */
const AUDITOR_WRITES = new Set([
  "POST /api/history/[id]/sign-offs",
  "POST /api/saved-views",
  "DELETE /api/saved-views/[id]",
  // Evidence packs are the auditor's work: issue, sign off, schedule (lib/domain/evidence-roles.ts);
  // verifying a file is open to everyone signed in.
  "POST /api/evidence/packs",
  "POST /api/evidence/packs/[id]/sign-offs",
  "PUT /api/evidence/schedule",
  "POST /api/evidence/verify",
]);
/** Admin-only reads an access review needs: who has which role, which credentials exist, where alerts go. */
const AUDITOR_ADMIN_READS = new Set([
  "GET /api/users",
  "GET /api/api-tokens",
  "GET /api/display-tokens",
  "GET /api/alerts/channels",
  "GET /api/alerts/deliveries/[id]",
]);

interface Endpoint {
  key: string;
  method: string;
  pattern: string;
  spec: DocumentedSpec;
  handler: Handler;
}

/** Every route() handler; better-auth's own handler (no spec) answers for itself. */
function endpoints(): Endpoint[] {
  return Object.entries(ROUTE_MODULES).flatMap(([pattern, mod]) =>
    HTTP_METHODS.flatMap((method) => {
      const handler = mod[method] as (Handler & { spec?: DocumentedSpec }) | undefined;
      if (!handler?.spec) return [];
      return [{ key: `${method} ${pattern}`, method, pattern, spec: handler.spec, handler }];
    }),
  );
}

let t: TestDatabase;
let commvault: SimulatedSourceFixture;
const who: Record<"viewer" | "admin" | "auditor", Record<string, string>> = {
  viewer: {},
  admin: {},
  auditor: {},
};
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  for (const role of ["viewer", "admin", "auditor"] as const) {
    await createUser({
      email: `${role}@example.com`,
      name: `${role} person`,
      password: "s3cret-enough",
      role,
    });
    who[role] = { cookie: await signedInCookie(`${role}@example.com`, "s3cret-enough") };
  }
  commvault = await startSimulatedSource(t.db, "commvault");
  await pollSource(
    t.db,
    await t.db.source.findUniqueOrThrow({ where: { id: commvault.sourceId } }),
  );
  const jobs = await t.db.job.findMany({ where: { sourceId: commvault.sourceId } });
  const runs = await Promise.all(jobs.map((j) => getHistoryRow(j.id, t.db)));
  const run = runs.find((r) => r !== null);
  if (!run || !jobs[0]) throw new Error("the Commvault estate has no DR run");
  const incident = await t.db.incident.create({
    data: {
      dedupKey: "k",
      openKey: "k",
      kind: "job_failed",
      severity: "error",
      title: "t",
      detail: "d",
      subject: "s",
    },
  });
  ids = {
    "/api/jobs": jobs[0].id,
    "/api/history": run.id,
    "/api/sources": commvault.sourceId,
    "/api/incidents": incident.id,
  };
});
afterAll(async () => {
  await commvault.close();
  setDb(undefined);
  await t.drop();
});

/** The URL and params of a pattern, with a real id where the resource exists here. */
function target(pattern: string): { path: string; params: Record<string, string> } {
  const prefix = Object.keys(ids).find((p) => pattern.startsWith(`${p}/[id]`));
  const id = prefix ? (ids[prefix] as string) : crypto.randomUUID();
  const path = pattern.replace("[id]", id);
  return { path, params: pattern.includes("[id]") ? { id } : {} };
}

async function status(e: Endpoint, headers: Record<string, string>, body?: unknown) {
  const { path, params } = target(e.pattern);
  const res = await callRoute(e.handler, e.method, path, headers, { params, body });
  // Streams (the live stream, CSV exports) would run on: the status is all this test needs.
  await res.body?.cancel();
  return res.status;
}

describe("the auditor role on every API route", () => {
  it("is refused every write it does not need, before anything changes", async () => {
    const writes = endpoints().filter(
      (e) => e.method !== "GET" && e.spec.role !== "public" && !AUDITOR_WRITES.has(e.key),
    );
    expect(writes.map((e) => e.key)).toEqual(
      expect.arrayContaining([
        "POST /api/jobs/[id]/actions",
        "POST /api/sources/[id]/launch",
        "POST /api/users",
        "POST /api/api-tokens",
        "PUT /api/history/targets",
      ]),
    );
    const before = {
      actions: await t.db.action.count(),
      users: await t.db.user.count(),
      sources: await t.db.source.count(),
      tokens: await t.db.apiToken.count(),
    };
    const got: Record<string, number> = {};
    for (const e of writes)
      got[e.key] = await status(e, who.auditor, {
        action: "cancel",
        reason: "auditor",
        operation: "readiness",
      });
    expect(got).toEqual(Object.fromEntries(writes.map((e) => [e.key, 403])));
    expect({
      actions: await t.db.action.count(),
      users: await t.db.user.count(),
      sources: await t.db.source.count(),
      tokens: await t.db.apiToken.count(),
    }).toEqual(before);
  });

  it("reads what a viewer reads, and the admin inventories, answered as for them", async () => {
    const reads = endpoints().filter((e) => e.method === "GET" && e.spec.role !== "public");
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const e of reads) {
      got[e.key] = await status(e, who.auditor);
      if (e.spec.role === "viewer") want[e.key] = await status(e, who.viewer);
      else if (AUDITOR_ADMIN_READS.has(e.key)) want[e.key] = await status(e, who.admin);
      else want[e.key] = 403;
    }
    expect(got).toEqual(want);
    // Not a matrix of 404s: the reads with a real resource here answer 200.
    const ok = Object.entries(got)
      .filter(([, s]) => s === 200)
      .map(([k]) => k);
    expect(ok).toEqual(
      expect.arrayContaining([
        "GET /api/jobs",
        "GET /api/jobs/[id]",
        "GET /api/history",
        "GET /api/history/[id]",
        "GET /api/sources/[id]",
        "GET /api/audit",
        "GET /api/wall",
        "GET /api/users",
        "GET /api/api-tokens",
        "GET /api/history/targets",
        "GET /api/history/rpo-targets",
      ]),
    );
    // Admin-only reads outside the inventories stay closed, and each listed one still exists.
    for (const key of AUDITOR_ADMIN_READS) expect(Object.keys(got)).toContain(key);
  });

  it("signs off a run under its own name, and keeps its own saved views", async () => {
    const signOff = endpoints().find((e) => e.key === "POST /api/history/[id]/sign-offs");
    if (!signOff) throw new Error("no sign-off route");
    const { path, params } = target(signOff.pattern);
    const res = await callRoute(signOff.handler, "POST", path, who.auditor, {
      params,
      body: { note: "Q4 failover test reviewed" },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      author: "auditor person",
      authorEmail: "auditor@example.com",
      note: "Q4 failover test reviewed",
    });
    const save = endpoints().find((e) => e.key === "POST /api/saved-views");
    if (!save) throw new Error("no saved-views route");
    const saved = await callRoute(save.handler, "POST", "/api/saved-views", who.auditor, {
      body: { name: "failed last quarter", query: "state=failed" },
    });
    expect(saved.status).toBe(201);
  });

  it("a viewer sending the same sign-off is refused", async () => {
    const signOff = endpoints().find((e) => e.key === "POST /api/history/[id]/sign-offs");
    if (!signOff) throw new Error("no sign-off route");
    const { path, params } = target(signOff.pattern);
    const res = await callRoute(signOff.handler, "POST", path, who.viewer, {
      params,
      body: { note: "not mine to sign" },
    });
    expect(res.status).toBe(403);
  });
});
