import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditPage } from "@/lib/contracts/audit";
import { setDb } from "@/lib/db/client";
import { beginAction, finishAction } from "@/lib/services/actions/action-log";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { callRoute, makeCallers, type Caller } from "../role-matrix.support";
import * as exportRoute from "./export/route";
import * as auditRoute from "./route";

let t: TestDatabase;
let callers: Record<Caller, Record<string, string>>;
let dfm: SimulatedSourceFixture;
let ontap: SimulatedSourceFixture;
let jobId: string;

const olga = { kind: "user", id: null, name: "Olga Operator", role: "operator" } as const;
const ada = { kind: "user", id: null, name: "Ada Admin", role: "admin" } as const;

async function record(
  sourceId: string,
  actor: typeof olga | typeof ada,
  action: string,
  status: "succeeded" | "refused" | null,
  reason: string | null,
  job: string | null = null,
) {
  const { action: row } = await beginAction(t.db, {
    idempotencyKey: crypto.randomUUID(),
    jobId: job,
    sourceId,
    actor,
    action,
    params: {},
    reason,
  });
  if (status)
    await finishAction(
      t.db,
      row.id,
      status,
      status === "succeeded" ? "job 4411 abort requested" : "Job 4411 has already been aborted.",
    );
  return row.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  callers = await makeCallers();
  dfm = await startSimulatedSource(t.db, "dfm");
  ontap = await startSimulatedSource(t.db, "ontap");
  const job = await t.db.job.create({
    data: {
      sourceId: dfm.sourceId,
      kind: "dfm",
      vendorId: "4411",
      type: "mirror",
      name: "nightly mirror",
      state: "running",
      vendorState: "running",
      sortAt: new Date(),
      raw: {},
    },
  });
  jobId = job.id;
  // 30 actions, oldest first: every third on ONTAP by Ada, the rest DFM aborts by Olga (odd ones refused); the last one still pending.
  for (let i = 0; i < 30; i++) {
    if (i % 3 === 0) await record(ontap.sourceId, ada, "pause", "succeeded", null);
    else
      await record(
        dfm.sourceId,
        olga,
        "abort",
        i === 29 ? null : i % 2 ? "refused" : "succeeded",
        `reason ${i}`,
        jobId,
      );
  }
});
afterAll(async () => {
  await dfm.close();
  await ontap.close();
  setDb(undefined);
  await t.drop();
});

async function page(query: string, who: Caller = "viewer"): Promise<AuditPage> {
  const res = await callRoute(auditRoute.GET, "GET", `/api/audit?${query}`, callers[who]);
  expect(res.status).toBe(200);
  return (await res.json()) as AuditPage;
}

describe("GET /api/audit", () => {
  it("is readable by every signed-in role, not anonymously and not by a wall's display token", async () => {
    expect((await callRoute(auditRoute.GET, "GET", "/api/audit", {})).status).toBe(401);
    expect((await callRoute(auditRoute.GET, "GET", "/api/audit", callers.display)).status).toBe(
      403,
    );
    expect((await callRoute(auditRoute.GET, "GET", "/api/audit", callers.viewer)).status).toBe(200);
  });

  it("pages newest first through every action exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const p: AuditPage = await page(`limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...p.items.map((i) => i.requestedAt + i.id));
      cursor = p.nextCursor;
      pages++;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it("shows who, what, job, source, reason, outcome, vendor reply and both stages", async () => {
    const [newest] = (await page("limit=1&status=refused")).items;
    expect(newest).toMatchObject({
      actor: "Olga Operator",
      action: "abort",
      status: "refused",
      reason: "reason 25",
      vendorReply: "Job 4411 has already been aborted.",
      job: { id: jobId, name: "nightly mirror", vendorId: "4411" },
      source: { id: dfm.sourceId, kind: "dfm" },
    });
    expect(newest?.stages.map((s) => s.stage)).toEqual(["requested", "refused"]);
  });

  it("filters by actor, action, status, source, job and time range", async () => {
    expect((await page("actor=ada&limit=100")).items).toHaveLength(10);
    expect((await page("action=abort&limit=100")).items).toHaveLength(20);
    expect((await page("status=pending")).items.map((i) => i.reason)).toEqual(["reason 29"]);
    expect(
      (await page(`source=${ontap.sourceId}&limit=100`)).items.every((i) => i.action === "pause"),
    ).toBe(true);
    expect((await page(`job=${jobId}&status=succeeded,refused&limit=100`)).items).toHaveLength(19);
    const all = (await page("limit=100")).items;
    const middle = all[15];
    if (!middle) throw new Error("expected 30 actions");
    const before = await page(`to=${encodeURIComponent(middle.requestedAt)}&limit=100`);
    expect(before.items.every((i) => i.requestedAt < middle.requestedAt)).toBe(true);
    const after = await page(`from=${encodeURIComponent(middle.requestedAt)}&limit=100`);
    expect(before.items.length + after.items.length).toBe(30);
  });

  it("names a bad filter (400)", async () => {
    const res = await callRoute(
      auditRoute.GET,
      "GET",
      "/api/audit?status=done&job=nope",
      callers.viewer,
    );
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: Array<{ parameter: string }> };
    expect(problem.errors.map((e) => e.parameter.split(".")[0]).sort()).toEqual(["job", "status"]);
  });
});

describe("GET /api/audit/export", () => {
  it("streams every matching action as CSV, beyond one page", async () => {
    const res = await callRoute(
      exportRoute.GET,
      "GET",
      "/api/audit/export?action=abort&limit=5",
      callers.viewer,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="jobdeck-audit-.*\.csv"$/,
    );
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(
      /^requestedAt,completedAt,actor,actorEmail,actorId,action,status,reason,job\.id,job\.name/,
    );
    expect(lines).toHaveLength(21);
    expect(lines[1]).toContain(",Olga Operator,,,abort,pending,reason 29,");
    expect(lines.filter((l) => l.includes(",refused,"))).toHaveLength(9);
  });
});
