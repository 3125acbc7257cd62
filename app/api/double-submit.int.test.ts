import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { pollSource } from "@/lib/sync/poll-source";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import * as actionRoute from "./jobs/[id]/actions/route";
import { callRoute, makeCallers, type Caller } from "./role-matrix.support";

let t: TestDatabase;
let callers: Record<Caller, Record<string, string>>;
let ontap: SimulatedSourceFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  callers = await makeCallers();
  ontap = await startSimulatedSource(t.db, "ontap");
});
afterAll(async () => {
  await ontap.close();
  setDb(undefined);
  await t.drop();
});

async function runningJob(): Promise<{ id: string; vendorId: string }> {
  const res = await fetch(`${ontap.server.url}/__sim/jobs`, {
    method: "POST",
    body: JSON.stringify({ type: "volume-move", durationMs: 3_600_000 }),
  });
  const { vendorId } = (await res.json()) as { vendorId: string };
  await pollSource(t.db, await t.db.source.findUniqueOrThrow({ where: { id: ontap.sourceId } }));
  const job = await t.db.job.findUniqueOrThrow({
    where: { sourceId_vendorId: { sourceId: ontap.sourceId, vendorId } },
  });
  return { id: job.id, vendorId };
}

const abort = (jobId: string, key: string) =>
  callRoute(actionRoute.POST, "POST", `/api/jobs/${jobId}/actions`, callers.operator, {
    body: { action: "cancel", reason: "wrong volume" },
    params: { id: jobId },
    headers: { "idempotency-key": key },
  });

describe("a double-submitted stop", () => {
  it("two concurrent POSTs with one Idempotency-Key make one vendor call, one action and one audit pair", async () => {
    const job = await runningJob();
    const vendorPath = `PATCH /api/cluster/jobs/${job.vendorId}`;
    expect(ontap.server.requestCounts.get(vendorPath) ?? 0).toBe(0);
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([abort(job.id, key), abort(job.id, key)]);
    const answers = [await a.json(), await b.json()] as Array<{ id: string }>;
    expect([a.status, b.status]).toContain(200);
    expect([a.status, b.status].every((s) => s === 200 || s === 202)).toBe(true);
    expect(answers[0]?.id).toBe(answers[1]?.id);

    expect(ontap.server.requestCounts.get(vendorPath)).toBe(1);
    const actions = await t.db.action.findMany({
      where: { jobId: job.id },
      include: { audit: { orderBy: { at: "asc" } } },
    });
    expect(actions).toHaveLength(1);
    expect(actions[0]?.audit.map((e) => e.stage)).toEqual(["requested", "succeeded"]);

    // A retry after the fact (the browser resending) is answered from the record, not sent again.
    const retry = await abort(job.id, key);
    expect(retry.status).toBe(200);
    expect(ontap.server.requestCounts.get(vendorPath)).toBe(1);
  });

  it("a new key is a new decision, checked against the job's state now: refused, recorded, and not sent to the vendor", async () => {
    const job = await runningJob();
    const vendorPath = `PATCH /api/cluster/jobs/${job.vendorId}`;
    expect((await abort(job.id, crypto.randomUUID())).status).toBe(200);
    const second = await abort(job.id, crypto.randomUUID());
    expect(second.status).toBe(409);
    expect(ontap.server.requestCounts.get(vendorPath)).toBe(1);
    const statuses = (
      await t.db.action.findMany({ where: { jobId: job.id }, orderBy: { requestedAt: "asc" } })
    ).map((a) => a.status);
    expect(statuses).toEqual(["succeeded", "refused"]);
  });
});
