import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createDisplayToken } from "@/lib/auth/display-tokens";
import { startPairing } from "@/lib/auth/pairing-requests";
import { createUser } from "@/lib/auth/users";
import { getHistoryRow } from "@/lib/data/history";
import { createSource } from "@/lib/data/sources";
import { setDb } from "@/lib/db/client";
import { pollSource } from "@/lib/sync/poll-source";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { CALLERS, callRoute, makeCallers, type Caller, type Handler } from "./role-matrix.support";

const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

/** 401 for nobody, 403 for a role below the route's, the route's success for the rest. */
function byRole(lowest: "viewer" | "operator" | "admin", ok: number): Record<Caller, number> {
  const rank = { viewer: 0, operator: 1, admin: 2 };
  return {
    anonymous: 401,
    display: 403,
    viewer: rank.viewer >= rank[lowest] ? ok : 403,
    operator: rank.operator >= rank[lowest] ? ok : 403,
    admin: ok,
  };
}

interface Case {
  /** "METHOD /api/route/[param]" as the file system names it. */
  route: string;
  what: string;
  expected: Record<Caller, number>;
  run(who: Record<string, string>, caller: Caller): Promise<Response>;
}

let t: TestDatabase;
let callers: Record<Caller, Record<string, string>>;
let ontap: SimulatedSourceFixture;
let commvault: SimulatedSourceFixture;
let eyeglass: SimulatedSourceFixture;
let runId: string;
const modules = new Map<string, Record<string, Handler>>();

/** Every route.ts under app/api, by its URL pattern. */
function routeFiles(): Array<{ pattern: string; file: string }> {
  const root = import.meta.dirname;
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => ({
      pattern: `/api/${path.dirname(f).split(path.sep).join("/")}`.replace(/\/\.$/, ""),
      file: path.join(root, f),
    }));
}

function handler(route: string): Handler {
  const [method, pattern] = route.split(" ");
  const h = modules.get(pattern ?? "")?.[method ?? ""];
  if (!h) throw new Error(`no handler for ${route}`);
  return h;
}

async function startOntapJob(): Promise<string> {
  const res = await fetch(`${ontap.server.url}/__sim/jobs`, {
    method: "POST",
    body: JSON.stringify({ type: "volume-move", durationMs: 3_600_000 }),
  });
  const { vendorId } = (await res.json()) as { vendorId: string };
  await pollSource(t.db, await t.db.source.findUniqueOrThrow({ where: { id: ontap.sourceId } }));
  return (
    await t.db.job.findUniqueOrThrow({
      where: { sourceId_vendorId: { sourceId: ontap.sourceId, vendorId } },
    })
  ).id;
}

const newSource = (name: string) => ({
  kind: "ontap",
  name,
  baseUrl: ontap.server.url,
  username: "admin",
  secret: "s3cret-pass",
});

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  callers = await makeCallers();
  for (const { pattern, file } of routeFiles())
    modules.set(pattern, (await import(file)) as Record<string, Handler>);
  ontap = await startSimulatedSource(t.db, "ontap");
  commvault = await startSimulatedSource(t.db, "commvault");
  eyeglass = await startSimulatedSource(t.db, "eyeglass");
  await pollSource(
    t.db,
    await t.db.source.findUniqueOrThrow({ where: { id: commvault.sourceId } }),
  );
  const jobs = await t.db.job.findMany({
    where: { sourceId: commvault.sourceId },
    select: { id: true },
  });
  const runs = await Promise.all(jobs.map((j) => getHistoryRow(j.id, t.db)));
  const run = runs.find((r) => r !== null);
  if (!run) throw new Error("the Commvault estate has no DR run to sign off");
  runId = run.id;
});
afterAll(async () => {
  await ontap.close();
  await commvault.close();
  await eyeglass.close();
  setDb(undefined);
  await t.drop();
});

const cases: Case[] = [
  {
    route: "POST /api/users",
    what: "add a user",
    expected: byRole("admin", 201),
    run: (who, c) =>
      callRoute(handler("POST /api/users"), "POST", "/api/users", who, {
        body: {
          email: `new-${c}@example.com`,
          name: "New",
          password: "long-enough-1",
          role: "viewer",
        },
      }),
  },
  {
    route: "PATCH /api/users/[id]",
    what: "change a role",
    expected: byRole("admin", 200),
    run: async (who) => {
      const u = await createUser({
        email: `patch-${crypto.randomUUID()}@example.com`,
        name: "P",
        password: "long-enough-1",
        role: "viewer",
      });
      return callRoute(handler("PATCH /api/users/[id]"), "PATCH", `/api/users/${u.id}`, who, {
        body: { role: "operator" },
        params: { id: u.id },
      });
    },
  },
  {
    route: "POST /api/users/[id]/password",
    what: "reset a password (shown once)",
    expected: byRole("admin", 200),
    run: async (who) => {
      const u = await createUser({
        email: `reset-${crypto.randomUUID()}@example.com`,
        name: "R",
        password: "long-enough-1",
        role: "viewer",
      });
      return callRoute(
        handler("POST /api/users/[id]/password"),
        "POST",
        `/api/users/${u.id}/password`,
        who,
        { params: { id: u.id } },
      );
    },
  },
  {
    route: "DELETE /api/users/[id]",
    what: "delete a user",
    expected: byRole("admin", 204),
    run: async (who) => {
      const u = await createUser({
        email: `del-${crypto.randomUUID()}@example.com`,
        name: "D",
        password: "long-enough-1",
        role: "viewer",
      });
      return callRoute(handler("DELETE /api/users/[id]"), "DELETE", `/api/users/${u.id}`, who, {
        params: { id: u.id },
      });
    },
  },
  {
    route: "POST /api/display-tokens",
    what: "create a display token",
    expected: byRole("admin", 201),
    run: (who) =>
      callRoute(handler("POST /api/display-tokens"), "POST", "/api/display-tokens", who, {
        body: { name: "lobby" },
      }),
  },
  {
    route: "DELETE /api/display-tokens/[id]",
    what: "revoke a display token",
    expected: byRole("admin", 204),
    run: async (who) => {
      const { id } = await createDisplayToken("to revoke", null);
      return callRoute(
        handler("DELETE /api/display-tokens/[id]"),
        "DELETE",
        `/api/display-tokens/${id}`,
        who,
        { params: { id } },
      );
    },
  },
  {
    route: "POST /api/api-tokens",
    what: "create an API token for a script",
    expected: byRole("admin", 201),
    run: (who) =>
      callRoute(handler("POST /api/api-tokens"), "POST", "/api/api-tokens", who, {
        body: { name: "nightly", scope: "viewer", expiresInDays: 7 },
      }),
  },
  {
    route: "DELETE /api/api-tokens/[id]",
    what: "revoke an API token",
    expected: byRole("admin", 204),
    run: async (who) => {
      const admin = await t.db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
      const made = await createApiToken(
        { name: "to revoke", scope: "viewer", expiresInDays: 1 },
        { kind: "user", id: admin.id, name: admin.name, role: "admin" },
      );
      if (!made.ok) throw new Error(made.reason);
      const { id } = made.token;
      return callRoute(
        handler("DELETE /api/api-tokens/[id]"),
        "DELETE",
        `/api/api-tokens/${id}`,
        who,
        { params: { id } },
      );
    },
  },
  {
    route: "POST /api/pairing",
    what: "a wall screen asks for a pairing code (public by design)",
    expected: { anonymous: 201, viewer: 201, display: 201, operator: 201, admin: 201 },
    run: (who) => callRoute(handler("POST /api/pairing"), "POST", "/api/pairing", who),
  },
  {
    route: "POST /api/pairing/approve",
    what: "approve a screen's pairing code",
    expected: byRole("admin", 200),
    run: async (who) => {
      const { code } = await startPairing();
      return callRoute(handler("POST /api/pairing/approve"), "POST", "/api/pairing/approve", who, {
        body: { code, name: "lobby wall" },
      });
    },
  },
  {
    route: "POST /api/pairing/claim",
    what: "a screen polls its not-yet-approved code with its device secret (public by design; 202 waiting)",
    expected: { anonymous: 202, viewer: 202, display: 202, operator: 202, admin: 202 },
    run: async (who) => {
      const { code, deviceSecret } = await startPairing();
      return callRoute(handler("POST /api/pairing/claim"), "POST", "/api/pairing/claim", who, {
        body: { code, deviceSecret },
      });
    },
  },
  {
    route: "POST /api/jobs/[id]/actions",
    what: "cancel a running job",
    expected: byRole("operator", 200),
    run: async (who) => {
      const id = await startOntapJob();
      return callRoute(
        handler("POST /api/jobs/[id]/actions"),
        "POST",
        `/api/jobs/${id}/actions`,
        who,
        {
          body: { action: "cancel", reason: "role matrix" },
          params: { id },
          headers: { "idempotency-key": crypto.randomUUID() },
        },
      );
    },
  },
  {
    route: "POST /api/jobs/[id]/actions",
    what: "purge (admin's action; refused by the vendor's capability while the job runs)",
    expected: { ...byRole("admin", 409) },
    run: async (who) => {
      const id = await startOntapJob();
      return callRoute(
        handler("POST /api/jobs/[id]/actions"),
        "POST",
        `/api/jobs/${id}/actions`,
        who,
        {
          body: { action: "purge", reason: "role matrix" },
          params: { id },
          headers: { "idempotency-key": crypto.randomUUID() },
        },
      );
    },
  },
  {
    route: "POST /api/sources/[id]/launch",
    what: "launch an Eyeglass readiness check or configuration replication (operator's operations)",
    expected: byRole("operator", 200),
    run: (who, c) =>
      callRoute(
        handler("POST /api/sources/[id]/launch"),
        "POST",
        `/api/sources/${eyeglass.sourceId}/launch`,
        who,
        {
          body: { operation: c === "admin" ? "replication" : "readiness" },
          params: { id: eyeglass.sourceId },
          headers: { "idempotency-key": crypto.randomUUID() },
        },
      ),
  },
  {
    route: "POST /api/sources/[id]/launch",
    what: "launch a failover without its options (an admin's operation; 400 names the missing options)",
    expected: byRole("admin", 400),
    run: (who) =>
      callRoute(
        handler("POST /api/sources/[id]/launch"),
        "POST",
        `/api/sources/${eyeglass.sourceId}/launch`,
        who,
        {
          body: { operation: "failover", reason: "role matrix", confirmation: "eyeglass-test" },
          params: { id: eyeglass.sourceId },
          headers: { "idempotency-key": crypto.randomUUID() },
        },
      ),
  },
  {
    route: "POST /api/history/[id]/sign-offs",
    what: "sign off a DR run",
    expected: byRole("operator", 201),
    run: (who) =>
      callRoute(
        handler("POST /api/history/[id]/sign-offs"),
        "POST",
        `/api/history/${runId}/sign-offs`,
        who,
        { body: { note: "reviewed" }, params: { id: runId } },
      ),
  },
  {
    route: "POST /api/evidence/packs",
    what: "issue an evidence pack (evidence managers only, checked by the service)",
    expected: byRole("admin", 201),
    run: (who) =>
      callRoute(handler("POST /api/evidence/packs"), "POST", "/api/evidence/packs", who, {
        body: { quarter: "2026-Q1" },
      }),
  },
  {
    route: "POST /api/evidence/packs/[id]/sign-offs",
    what: "sign off an evidence pack",
    expected: byRole("admin", 201),
    run: async (who) => {
      const pack = await t.db.evidencePack.findFirst({ select: { id: true } });
      const id = pack?.id ?? crypto.randomUUID();
      return callRoute(
        handler("POST /api/evidence/packs/[id]/sign-offs"),
        "POST",
        `/api/evidence/packs/${id}/sign-offs`,
        who,
        { body: { note: "reviewed" }, params: { id } },
      );
    },
  },
  {
    route: "PUT /api/evidence/schedule",
    what: "set the evidence pack schedule",
    expected: byRole("admin", 200),
    run: (who) =>
      callRoute(handler("PUT /api/evidence/schedule"), "PUT", "/api/evidence/schedule", who, {
        body: { cadence: "quarter" },
      }),
  },
  {
    route: "POST /api/evidence/verify",
    what: "verify a file's bytes (everyone signed in)",
    expected: byRole("viewer", 200),
    run: (who) =>
      callRoute(handler("POST /api/evidence/verify"), "POST", "/api/evidence/verify", who, {
        body: { any: "file" },
      }),
  },
  {
    route: "PUT /api/history/targets",
    what: "set an RTO target",
    expected: byRole("admin", 200),
    run: (who) =>
      callRoute(handler("PUT /api/history/targets"), "PUT", "/api/history/targets", who, {
        body: { group: "zone-a", targetMs: 900_000 },
      }),
  },
  {
    route: "DELETE /api/history/targets/[id]",
    what: "delete an RTO target",
    expected: byRole("admin", 204),
    run: async (who) => {
      const target = await t.db.rtoTarget.create({
        data: { group: `g-${crypto.randomUUID()}`, targetMs: 60_000 },
      });
      return callRoute(
        handler("DELETE /api/history/targets/[id]"),
        "DELETE",
        `/api/history/targets/${target.id}`,
        who,
        { params: { id: target.id } },
      );
    },
  },
  {
    route: "PUT /api/history/rpo-targets",
    what: "set an RPO target",
    expected: byRole("admin", 200),
    run: (who) =>
      callRoute(handler("PUT /api/history/rpo-targets"), "PUT", "/api/history/rpo-targets", who, {
        body: { group: "zone-a", targetMs: 900_000 },
      }),
  },
  {
    route: "DELETE /api/history/rpo-targets/[id]",
    what: "delete an RPO target",
    expected: byRole("admin", 204),
    run: async (who) => {
      const target = await t.db.rpoTarget.create({
        data: { group: `g-${crypto.randomUUID()}`, targetMs: 60_000 },
      });
      return callRoute(
        handler("DELETE /api/history/rpo-targets/[id]"),
        "DELETE",
        `/api/history/rpo-targets/${target.id}`,
        who,
        { params: { id: target.id } },
      );
    },
  },
  {
    route: "POST /api/saved-views",
    what: "save an explorer view",
    expected: byRole("viewer", 201),
    run: (who, c) =>
      callRoute(handler("POST /api/saved-views"), "POST", "/api/saved-views", who, {
        body: { name: `failed ${c}`, query: "state=failed" },
      }),
  },
  {
    route: "DELETE /api/saved-views/[id]",
    what: "delete one's own saved view",
    expected: byRole("viewer", 204),
    run: async (who, c) => {
      const email = `${c}@example.com`;
      const owner =
        c === "anonymous" || c === "display"
          ? await t.db.user.findUniqueOrThrow({ where: { email: "viewer@example.com" } })
          : await t.db.user.findUniqueOrThrow({ where: { email } });
      const view = await t.db.savedView.create({
        data: { userId: owner.id, name: `v-${crypto.randomUUID()}`, query: "state=running" },
      });
      return callRoute(
        handler("DELETE /api/saved-views/[id]"),
        "DELETE",
        `/api/saved-views/${view.id}`,
        who,
        { params: { id: view.id } },
      );
    },
  },
  {
    route: "POST /api/sources",
    what: "add a source",
    expected: byRole("admin", 201),
    run: (who, c) =>
      callRoute(handler("POST /api/sources"), "POST", "/api/sources", who, {
        body: newSource(`matrix ${c}`),
      }),
  },
  {
    route: "PATCH /api/sources/[id]",
    what: "disable a source",
    expected: byRole("admin", 200),
    run: async (who) => {
      const s = await createSource(
        { ...newSource(`patch ${crypto.randomUUID()}`), kind: "ontap" },
        t.db,
      );
      return callRoute(handler("PATCH /api/sources/[id]"), "PATCH", `/api/sources/${s.id}`, who, {
        body: { enabled: false },
        params: { id: s.id },
      });
    },
  },
  {
    route: "DELETE /api/sources/[id]",
    what: "delete a source",
    expected: byRole("admin", 204),
    run: async (who) => {
      const s = await createSource(
        { ...newSource(`delete ${crypto.randomUUID()}`), kind: "ontap" },
        t.db,
      );
      return callRoute(handler("DELETE /api/sources/[id]"), "DELETE", `/api/sources/${s.id}`, who, {
        params: { id: s.id },
      });
    },
  },
  {
    route: "POST /api/sources/[id]/test",
    what: "test a stored source",
    expected: byRole("admin", 200),
    run: (who) =>
      callRoute(
        handler("POST /api/sources/[id]/test"),
        "POST",
        `/api/sources/${ontap.sourceId}/test`,
        who,
        { params: { id: ontap.sourceId } },
      ),
  },
  {
    route: "POST /api/sources/test-connection",
    what: "test unsaved settings",
    expected: byRole("admin", 200),
    run: (who) =>
      callRoute(
        handler("POST /api/sources/test-connection"),
        "POST",
        "/api/sources/test-connection",
        who,
        { body: newSource("unsaved") },
      ),
  },
  {
    route: "POST /api/auth/[...all]",
    what: "sign in with a wrong password (better-auth: public, answers for itself)",
    expected: { anonymous: 401, viewer: 401, display: 401, operator: 401, admin: 401 },
    run: (who) =>
      callRoute(handler("POST /api/auth/[...all]"), "POST", "/api/auth/sign-in/email", who, {
        body: { email: "matrix-wrong@example.com", password: "wrong-password" },
        headers: {
          origin: new URL("http://localhost:3000").origin,
          "x-jobdeck-peer": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
        },
      }),
  },
  ...alertCases(),
];

/** Alert rules, channels and incidents: admins configure, operators acknowledge. */
function alertCases(): Case[] {
  const unique = (what: string) => `${what} ${crypto.randomUUID()}`;
  const rule = () => ({ kind: "job_failed", name: unique("rule") });
  const channel = () => ({ kind: "webhook", name: unique("hook"), url: "http://127.0.0.1:9/hook" });
  const makeRule = () =>
    t.db.alertRule.create({ data: { name: unique("rule"), kind: "job_failed" } });
  const makeChannel = async () => {
    const made = await callRoute(
      handler("POST /api/alerts/channels"),
      "POST",
      "/api/alerts/channels",
      callers.admin,
      { body: channel() },
    );
    return ((await made.json()) as { id: string }).id;
  };
  return [
    {
      route: "POST /api/alerts/rules",
      what: "create an alert rule",
      expected: byRole("admin", 201),
      run: (who) =>
        callRoute(handler("POST /api/alerts/rules"), "POST", "/api/alerts/rules", who, {
          body: rule(),
        }),
    },
    {
      route: "PUT /api/alerts/rules/[id]",
      what: "change an alert rule",
      expected: byRole("admin", 200),
      run: async (who) => {
        const r = await makeRule();
        return callRoute(
          handler("PUT /api/alerts/rules/[id]"),
          "PUT",
          `/api/alerts/rules/${r.id}`,
          who,
          { params: { id: r.id }, body: rule() },
        );
      },
    },
    {
      route: "DELETE /api/alerts/rules/[id]",
      what: "delete an alert rule",
      expected: byRole("admin", 204),
      run: async (who) => {
        const r = await makeRule();
        return callRoute(
          handler("DELETE /api/alerts/rules/[id]"),
          "DELETE",
          `/api/alerts/rules/${r.id}`,
          who,
          { params: { id: r.id } },
        );
      },
    },
    {
      route: "POST /api/alerts/channels",
      what: "create an alert channel",
      expected: byRole("admin", 201),
      run: (who) =>
        callRoute(handler("POST /api/alerts/channels"), "POST", "/api/alerts/channels", who, {
          body: channel(),
        }),
    },
    {
      route: "PUT /api/alerts/channels/[id]",
      what: "change an alert channel",
      expected: byRole("admin", 200),
      run: async (who) => {
        const id = await makeChannel();
        return callRoute(
          handler("PUT /api/alerts/channels/[id]"),
          "PUT",
          `/api/alerts/channels/${id}`,
          who,
          { params: { id }, body: { kind: "webhook", name: unique("renamed") } },
        );
      },
    },
    {
      route: "DELETE /api/alerts/channels/[id]",
      what: "delete an alert channel",
      expected: byRole("admin", 204),
      run: async (who) => {
        const id = await makeChannel();
        return callRoute(
          handler("DELETE /api/alerts/channels/[id]"),
          "DELETE",
          `/api/alerts/channels/${id}`,
          who,
          { params: { id } },
        );
      },
    },
    {
      route: "POST /api/alerts/channels/[id]/test",
      what: "send a test message",
      expected: byRole("admin", 202),
      run: async (who) => {
        const id = await makeChannel();
        return callRoute(
          handler("POST /api/alerts/channels/[id]/test"),
          "POST",
          `/api/alerts/channels/${id}/test`,
          who,
          { params: { id } },
        );
      },
    },
    {
      route: "POST /api/incidents/[id]/acknowledge",
      what: "acknowledge an incident",
      expected: byRole("operator", 200),
      run: async (who) => {
        const key = unique("subject");
        const incident = await t.db.incident.create({
          data: {
            dedupKey: key,
            openKey: key,
            kind: "job_failed",
            severity: "error",
            title: "t",
            detail: "d",
            subject: key,
          },
        });
        return callRoute(
          handler("POST /api/incidents/[id]/acknowledge"),
          "POST",
          `/api/incidents/${incident.id}/acknowledge`,
          who,
          { params: { id: incident.id }, body: { note: "on it" } },
        );
      },
    },
  ];
}

describe("role matrix: every mutating API route", () => {
  it("documents every mutating handler under app/api", () => {
    const found = [...modules.entries()].flatMap(([pattern, mod]) =>
      MUTATING.filter((m) => typeof mod[m] === "function").map((m) => `${m} ${pattern}`),
    );
    expect(found.length).toBeGreaterThan(15);
    expect(new Set(cases.map((c) => c.route))).toEqual(new Set(found));
  });

  for (const c of cases) {
    it(`${c.route} (${c.what}): ${CALLERS.map((who) => `${who} ${c.expected[who]}`).join(", ")}`, async () => {
      const got: Record<string, number> = {};
      for (const who of CALLERS) got[who] = (await c.run(callers[who], who)).status;
      expect(got).toEqual(c.expected);
    });
  }
});

describe("cross-origin mutations", () => {
  it("refuses every wrapped mutating route from another origin with 403, even for an admin, and changes nothing", async () => {
    const before = await t.db.source.count();
    const jobId = await startOntapJob();
    const refused: Record<string, number> = {};
    for (const c of cases.filter((x) => !x.route.includes("/api/auth/"))) {
      const [method, pattern] = c.route.split(" ") as [string, string];
      const url = pattern.replace("[id]", jobId);
      const res = await callRoute(
        handler(c.route),
        method,
        url,
        { ...callers.admin, origin: "http://evil.example" },
        {
          body: { action: "cancel", reason: "csrf", name: "csrf source", kind: "ontap" },
          params: { id: jobId },
          headers: { "idempotency-key": crypto.randomUUID() },
        },
      );
      refused[c.route] = res.status;
    }
    expect(Object.values(refused).every((s) => s === 403)).toBe(true);
    expect(await t.db.source.count()).toBe(before);
    expect(await t.db.action.count({ where: { jobId } })).toBe(0);
  });

  it("refuses a sign-in posted from another site (better-auth's own origin check)", async () => {
    const res = await callRoute(
      handler("POST /api/auth/[...all]"),
      "POST",
      "/api/auth/sign-in/email",
      {},
      {
        body: { email: "admin@example.com", password: "s3cret-enough" },
        headers: { origin: "http://evil.example", "x-jobdeck-peer": "10.200.1.1" },
      },
    );
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
