import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobDetailView, JobPage } from "@/lib/contracts/jobs";
import { createDisplayToken } from "@/lib/auth/display-tokens";
import { signedInCookie } from "@/lib/auth/test-support";
import { createUser } from "@/lib/auth/users";
import { sealSecret } from "@/lib/crypto/secret-box";
import { setDb } from "@/lib/db/client";
import { pollSource } from "@/lib/sync/poll-source";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { POST as postAction } from "./[id]/actions/route";
import { GET as getJob } from "./[id]/route";
import { GET as listJobs } from "./route";

const ORIGIN = "http://localhost:3000";
let t: TestDatabase;
let fx: SimulatedSourceFixture;
let viewerAuth: Record<string, string>;
let displayAuth: Record<string, string>;
let operatorCookie: string;

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) };

async function list(query: string, headers = viewerAuth) {
  return listJobs(new Request(`${ORIGIN}/api/jobs?${query}`, { headers }), noParams);
}

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  fx = await startSimulatedSource(t.db, "ontap", { name: "ontap-api", seed: 11 });
  const source = await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } });
  expect((await pollSource(t.db, source)).ok).toBe(true);
  const display = await createDisplayToken("api test screen", null, t.db);
  displayAuth = { authorization: `Bearer ${display.token}` };
  await createUser(
    { email: "viewer@example.test", name: "Vi Ewer", password: "viewer-pass-1", role: "viewer" },
    t.db,
  );
  viewerAuth = { cookie: await signedInCookie("viewer@example.test", "viewer-pass-1") };
  await createUser(
    { email: "op@example.test", name: "Op Erator", password: "operator-pass-1", role: "operator" },
    t.db,
  );
  operatorCookie = await signedInCookie("op@example.test", "operator-pass-1");
});

afterAll(async () => {
  await fx.close();
  setDb(undefined);
  await t.drop();
});

describe("GET /api/jobs", () => {
  it("refuses anonymous callers", async () => {
    const res = await list("", {});
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it.each([
    ["state=exploded", "state"],
    ["limit=abc", "limit"],
    ["limit=100000", "limit"],
    ["from=yesterday", "from"],
    ["source=not-a-uuid", "source"],
    ["cursor=bm9wZQ", "cursor"],
    ["bogus=1", "bogus"],
  ])("answers 400 naming the bad parameter for %s", async (query, parameter) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { status: number; errors?: Array<{ parameter: string }> };
    expect(problem.status).toBe(400);
    expect(JSON.stringify(problem)).toContain(parameter);
  });

  it("walks every job exactly once with keyset pages, newest first", async () => {
    const total = await t.db.job.count();
    const seen: string[] = [];
    const sortKeys: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(`limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as JobPage;
      seen.push(...page.items.map((j) => j.id));
      sortKeys.push(...page.items.map((j) => j.sortAt));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...sortKeys].sort().reverse()).toEqual(sortKeys);
  });

  it("filters by vendor and state", async () => {
    const res = await list("kind=ontap&state=running,paused");
    const page = (await res.json()) as JobPage;
    const expected = await t.db.job.count({
      where: { kind: "ontap", state: { in: ["running", "paused"] } },
    });
    expect(page.items).toHaveLength(expected);
    expect(page.items.every((j) => j.state === "running" || j.state === "paused")).toBe(true);
    const none = (await (await list("kind=spp")).json()) as JobPage;
    expect(none.items).toHaveLength(0);
  });
});

describe("GET /api/jobs/:id read-through", () => {
  it("refreshes a stale copy from the vendor once, however many viewers ask at the same moment", async () => {
    const job = await t.db.job.findFirstOrThrow({ where: { state: "running" } });
    await t.db.job.update({
      where: { id: job.id },
      data: { refreshedAt: new Date(Date.now() - 60_000) },
    });
    const path = `/api/cluster/jobs/${job.vendorId}`;
    const before = fx.server.requestCounts.get(`GET ${path}`) ?? 0;
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        getJob(
          new Request(`${ORIGIN}/api/jobs/${job.id}`, { headers: viewerAuth }),
          params(job.id),
        ),
      ),
    );
    for (const res of responses) expect(res.status).toBe(200);
    expect((fx.server.requestCounts.get(`GET ${path}`) ?? 0) - before).toBe(1);
    const detail = (await responses[0]?.json()) as JobDetailView;
    expect(detail.job.id).toBe(job.id);
    expect(Date.now() - new Date(detail.refreshedAt).getTime()).toBeLessThan(30_000);
  });

  it("shows the stored job without actions, and why, when the source's credential does not open with this key", async () => {
    const job = await t.db.job.findFirstOrThrow({ where: { state: "running" } });
    const source = await t.db.source.findUniqueOrThrow({
      where: { id: job.sourceId },
      omit: { secretEnc: false },
    });
    await t.db.source.update({
      where: { id: source.id },
      data: {
        secretEnc: sealSecret(
          "s3cret-pass",
          randomBytes(32),
          `jobdeck:source-credential:${source.id}`,
        ),
      },
    });
    try {
      const res = await getJob(
        new Request(`${ORIGIN}/api/jobs/${job.id}`, { headers: viewerAuth }),
        params(job.id),
      );
      expect(res.status).toBe(200);
      const detail = (await res.json()) as JobDetailView;
      expect(detail.job.id).toBe(job.id);
      expect(detail.allowedActions).toEqual([]);
      expect(detail.refreshError).toMatch(/neither JOBDECK_SECRET_KEY nor/);
    } finally {
      await t.db.source.update({ where: { id: source.id }, data: { secretEnc: source.secretEnc } });
    }
  });

  it("answers 404 for an unknown job and 400 for a malformed id", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(
      (
        await getJob(
          new Request(`${ORIGIN}/api/jobs/${missing}`, { headers: viewerAuth }),
          params(missing),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await getJob(
          new Request(`${ORIGIN}/api/jobs/nope`, { headers: viewerAuth }),
          params("nope"),
        )
      ).status,
    ).toBe(400);
  });
});

describe("POST /api/jobs/:id/actions", () => {
  const post = (id: string, key: string | null, body: unknown, headers: Record<string, string>) =>
    postAction(
      new Request(`${ORIGIN}/api/jobs/${id}/actions`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: ORIGIN,
          ...(key ? { "idempotency-key": key } : {}),
          ...headers,
        },
        body: JSON.stringify(body),
      }),
      params(id),
    );

  it("sends one vendor call for a double-clicked pause and audits before and after", async () => {
    const pausable = await t.db.job.findFirstOrThrow({
      where: { state: "running", type: "volume-move" },
    });
    const patchPath = `/api/cluster/jobs/${pausable.vendorId}`;
    const before = fx.server.requestCounts.get(`PATCH ${patchPath}`) ?? 0;
    const [a, b] = await Promise.all([
      post(pausable.id, "double-click-key-1", { action: "pause" }, { cookie: operatorCookie }),
      post(pausable.id, "double-click-key-1", { action: "pause" }, { cookie: operatorCookie }),
    ]);
    expect([a.status, b.status].sort()).toEqual(expect.arrayContaining([200]));
    expect((fx.server.requestCounts.get(`PATCH ${patchPath}`) ?? 0) - before).toBe(1);
    const actions = await t.db.action.findMany({
      where: { jobId: pausable.id },
      include: { audit: { orderBy: { id: "asc" } } },
    });
    expect(actions).toHaveLength(1);
    expect(actions[0]?.status).toBe("succeeded");
    expect(actions[0]?.actor).toBe("Op Erator");
    expect(actions[0]?.audit.map((e) => e.stage)).toEqual(["requested", "succeeded"]);
    expect((await t.db.job.findUniqueOrThrow({ where: { id: pausable.id } })).state).toBe("paused");
  });

  it("answers 409 with the reason when the job's state does not allow the action, and audits the refusal", async () => {
    const done = await t.db.job.findFirstOrThrow({
      where: { state: { in: ["succeeded", "failed"] } },
    });
    const res = await post(
      done.id,
      "refused-key-1",
      { action: "cancel", reason: "test" },
      { cookie: operatorCookie },
    );
    expect(res.status).toBe(409);
    expect(((await res.json()) as { vendorReply: string }).vendorReply).toMatch(
      /does not allow cancel/,
    );
    const action = await t.db.action.findUniqueOrThrow({
      where: { idempotencyKey: "refused-key-1" },
      include: { audit: true },
    });
    expect(action.audit.map((e) => e.stage).sort()).toEqual(["refused", "requested"]);
  });

  it("requires an Idempotency-Key, a reason for high-risk actions, and refuses viewers and other origins", async () => {
    const job = await t.db.job.findFirstOrThrow({ where: { state: "running" } });
    expect((await post(job.id, null, { action: "pause" }, { cookie: operatorCookie })).status).toBe(
      400,
    );
    expect(
      (await post(job.id, "no-reason-key", { action: "cancel" }, { cookie: operatorCookie }))
        .status,
    ).toBe(400);
    expect((await post(job.id, "display-key-1", { action: "pause" }, displayAuth)).status).toBe(
      403,
    );
    const crossOrigin = await postAction(
      new Request(`${ORIGIN}/api/jobs/${job.id}/actions`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "https://evil.example",
          "idempotency-key": "cross-origin-1",
          cookie: operatorCookie,
        },
        body: JSON.stringify({ action: "pause" }),
      }),
      params(job.id),
    );
    expect(crossOrigin.status).toBe(403);
    expect(
      await t.db.action.count({
        where: { idempotencyKey: { in: ["no-reason-key", "display-key-1", "cross-origin-1"] } },
      }),
    ).toBe(0);
  });
});
