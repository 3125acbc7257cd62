import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { createUser } from "@/lib/auth/users";
import { setDb } from "@/lib/db/client";
import { DomainError, Invalid } from "@/lib/domain/errors";
import { POKE_CHANNEL } from "@/lib/sync/notify";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { runDetails } from "@/lib/evidence/run-rows";
import { launchOperation, listLaunchOperations, type LaunchInput } from "./launch-operation";

let t: TestDatabase;
let fx: SimulatedSourceFixture;
let sourceName: string;
const actors: Record<"operator" | "admin", Actor> = {
  operator: { kind: "user", id: null, name: "Olga", role: "operator" },
  admin: { kind: "user", id: null, name: "Ada", role: "admin" },
};
const display: Actor = { kind: "display", id: "wall-1", name: "Lobby wall", role: "viewer" };
const FAILOVER = {
  sourceid: "prod-isilon01",
  targetid: "dr-isilon01",
  failovertarget: "p1-zone-finance",
};

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  for (const role of ["operator", "admin"] as const) {
    const user = await createUser(
      { email: `${role}@example.com`, name: actors[role].name, password: "s3cret-enough", role },
      t.db,
    );
    actors[role] = { ...actors[role], id: user.id };
  }
  fx = await startSimulatedSource(t.db, "eyeglass", { name: "Eyeglass DR" });
  sourceName = "Eyeglass DR";
});
afterAll(async () => {
  await fx.close();
  setDb(undefined);
  await t.drop();
});

let keys = 0;
const input = (over: Partial<LaunchInput>): LaunchInput => ({
  sourceId: fx.sourceId,
  operation: "readiness",
  params: {},
  reason: null,
  confirmation: null,
  idempotencyKey: `launch-test-${++keys}`,
  actor: actors.operator,
  ...over,
});

/** Vendor POSTs the simulator has served to a launch path, e.g. "v2/jobs/readiness". */
const posts = (path: string) =>
  [...fx.server.requestCounts]
    .filter(([k]) => k.startsWith("POST ") && k.endsWith(`/${path}`))
    .reduce((n, [, c]) => n + c, 0);

/** The request parameters an Invalid names, in order. */
const parametersOf = (err: DomainError) =>
  err instanceof Invalid ? err.issues?.map((i) => i.parameter) : undefined;

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  return err;
}

const auditOf = (actionId: string) =>
  t.db.auditEntry.findMany({
    where: { actionId },
    orderBy: { id: "asc" },
    select: { stage: true, detail: true },
  });

describe("launching source-level operations on an Eyeglass simulator", () => {
  it("describes each operation's options as JSON Schema with the vendor doc's meanings", async () => {
    const view = await listLaunchOperations(fx.sourceId, t.db);
    expect(view?.source).toEqual({ id: fx.sourceId, name: sourceName, kind: "eyeglass" });
    expect(view?.operations.map((o) => [o.operation, o.role, o.risk])).toEqual([
      ["readiness", "operator", "low"],
      ["replication", "operator", "low"],
      ["failover", "admin", "high"],
      ["drtest", "admin", "high"],
      ["rehearsal", "admin", "high"],
    ]);
    const failover = view?.operations.find((o) => o.operation === "failover")?.params as {
      properties: Record<string, { type: string; description: string }>;
      required: string[];
    };
    expect(failover.required.sort()).toEqual(["failovertarget", "sourceid", "targetid"]);
    expect(failover.properties.datasync).toMatchObject({
      type: "boolean",
      description: "Run the final incremental data sync before failover.",
    });
    expect(Object.keys(failover.properties)).toHaveLength(13);
    expect(view?.operations[0]?.params).toMatchObject({ type: "object", properties: {} });
    expect(await listLaunchOperations("00000000-0000-0000-0000-000000000000", t.db)).toBeNull();
  });

  it("reaches the vendor once per idempotency key, stores the started job, audits before and after, and pokes the worker", async () => {
    const listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    const pokes: string[] = [];
    listener.on("notification", (m) => pokes.push(m.payload ?? ""));
    await listener.query(`LISTEN ${POKE_CHANNEL}`);
    try {
      const before = posts("v2/jobs/readiness");
      const request = input({ idempotencyKey: "same-key-readiness" });
      const first = await launchOperation(request, t.db);
      const second = await launchOperation(request, t.db);
      expect(posts("v2/jobs/readiness")).toBe(before + 1);
      expect(first.action.status).toBe("succeeded");
      expect(second.action.status).toBe("succeeded");
      expect(second.action.id).toBe(first.action.id);
      expect(first.action).toMatchObject({
        action: "launch:readiness",
        status: "succeeded",
        jobId: null,
      });
      expect(first.vendorId).toMatch(/^readiness:/);
      const job = await t.db.job.findUniqueOrThrow({ where: { id: first.jobId ?? "" } });
      expect(job.vendorId).toBe(first.vendorId);
      expect(job.sourceId).toBe(fx.sourceId);
      const audit = await auditOf(first.action.id);
      expect(audit.map((a) => a.stage)).toEqual(["requested", "succeeded"]);
      expect(audit[0]?.detail).toBe("Olga (operator) asked to launch:readiness");
      expect(audit[1]?.detail).toContain("Eyeglass started job");
      const row = await t.db.action.findUniqueOrThrow({ where: { id: first.action.id } });
      expect(row.userId).toBe(actors.operator.id);
      expect(row.sourceId).toBe(fx.sourceId);
      // The launch names the job it started, so the run's evidence says who launched it.
      expect(row.launchedJobId).toBe(job.id);
      const launches = (await runDetails([job.id], t.db)).actions.get(job.id) ?? [];
      expect(launches.map((a) => [a.action, a.actor])).toEqual([["launch:readiness", "Olga"]]);
      await expect.poll(() => pokes.filter((p) => p === fx.sourceId).length).toBe(1);
    } finally {
      await listener.end();
    }
  });

  it("refuses operators and display tokens an admin operation without calling the vendor or writing an audit row", async () => {
    const before = posts("v2/jobs/failover");
    const actionsBefore = await t.db.action.count();
    const common = {
      operation: "failover",
      params: FAILOVER,
      reason: "DR drill",
      confirmation: sourceName,
    };
    expect(
      (await refusal(launchOperation(input({ ...common, actor: actors.operator }), t.db))).kind,
    ).toBe("forbidden");
    expect((await refusal(launchOperation(input({ ...common, actor: display }), t.db))).kind).toBe(
      "forbidden",
    );
    expect((await refusal(launchOperation(input({ actor: display }), t.db))).kind).toBe(
      "forbidden",
    );
    expect(posts("v2/jobs/failover")).toBe(before);
    expect(await t.db.action.count()).toBe(actionsBefore);
  });

  it("requires a reason and the typed source name for high-risk operations, and valid options", async () => {
    const before = posts("v2/jobs/failover");
    const bare = await refusal(
      launchOperation(
        input({ operation: "failover", params: FAILOVER, actor: actors.admin }),
        t.db,
      ),
    );
    expect(bare.kind).toBe("invalid");
    expect(parametersOf(bare)).toEqual(["reason", "confirmation"]);
    const mistyped = await refusal(
      launchOperation(
        input({
          operation: "failover",
          params: FAILOVER,
          reason: "drill",
          confirmation: "eyeglass",
          actor: actors.admin,
        }),
        t.db,
      ),
    );
    expect(parametersOf(mistyped)).toEqual(["confirmation"]);
    const badPool = await refusal(
      launchOperation(
        input({
          operation: "failover",
          params: { ...FAILOVER, pool: "no-colons" },
          reason: "drill",
          confirmation: sourceName,
          actor: actors.admin,
        }),
        t.db,
      ),
    );
    expect(badPool.kind).toBe("invalid");
    expect(parametersOf(badPool)).toEqual(["params.pool"]);
    expect((await refusal(launchOperation(input({ operation: "format-disks" }), t.db))).kind).toBe(
      "not-found",
    );
    expect(posts("v2/jobs/failover")).toBe(before);
  });

  it("launches a confirmed failover with its options once, and records it with the reason", async () => {
    const before = posts("v2/jobs/failover");
    const request = input({
      operation: "failover",
      params: { ...FAILOVER, datasync: true },
      reason: "quarterly DR drill",
      confirmation: sourceName,
      actor: actors.admin,
    });
    const outcome = await launchOperation(request, t.db);
    await launchOperation(request, t.db);
    expect(posts("v2/jobs/failover")).toBe(before + 1);
    expect(outcome.action.status).toBe("succeeded");
    expect(outcome.vendorId).toMatch(/^failover:/);
    const row = await t.db.action.findUniqueOrThrow({ where: { id: outcome.action.id } });
    expect(row).toMatchObject({
      action: "launch:failover",
      reason: "quarterly DR drill",
      params: { ...FAILOVER, datasync: true },
      status: "succeeded",
    });
    expect((await auditOf(row.id)).map((a) => a.stage)).toEqual(["requested", "succeeded"]);
  });

  it("records the vendor's refusal, and a key reused for another operation is rejected", async () => {
    const request = input({
      operation: "failover",
      params: { ...FAILOVER, failovertarget: "no-such-zone" },
      reason: "drill",
      confirmation: sourceName,
      actor: actors.admin,
    });
    const refused = await launchOperation(request, t.db);
    expect(refused.action.status).toBe("refused");
    expect(refused.action.vendorReply).toContain("no-such-zone");
    expect((await auditOf(refused.action.id)).map((a) => a.stage)).toEqual([
      "requested",
      "refused",
    ]);
    expect((await launchOperation(request, t.db)).action).toMatchObject({
      id: refused.action.id,
      status: "refused",
    });
    const reused = await refusal(
      launchOperation(input({ idempotencyKey: request.idempotencyKey, actor: actors.admin }), t.db),
    );
    expect(reused.kind).toBe("idempotency-key-reused");
  });
});
