import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, signedInCookie } from "@/lib/auth/test-support";
import { createUser } from "@/lib/auth/users";
import { setDb } from "@/lib/db/client";
import type { JobState } from "@/lib/domain/job-state";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import * as baselineRoute from "@/app/api/jobs/[id]/baseline/route";
import { getJobBaseline, listPastRuns } from "./baselines";

const MIN = 60_000;
const T0 = Date.UTC(2025, 0, 1);
let t: TestDatabase;
let sourceId: string;
let otherSourceId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  sourceId = (
    await t.db.source.create({
      data: { kind: "commvault", name: "cv", baseUrl: "http://127.0.0.1:9" },
    })
  ).id;
  otherSourceId = (
    await t.db.source.create({
      data: { kind: "commvault", name: "cv2", baseUrl: "http://127.0.0.1:9" },
    })
  ).id;
});
afterAll(async () => {
  setDb(undefined);
  await t.drop();
});

let seq = 0;
async function seedJob(opts: {
  source?: string;
  state: JobState;
  drGroup?: string | null;
  startMin: number;
  copyMin?: number;
  running?: boolean;
}) {
  const start = new Date(T0 + opts.startMin * MIN);
  const copyEnd =
    opts.copyMin === undefined ? null : new Date(start.getTime() + opts.copyMin * MIN);
  const job = await t.db.job.create({
    data: {
      sourceId: opts.source ?? sourceId,
      kind: "commvault",
      vendorId: `j${seq++}`,
      type: "DR failover",
      name: "failover",
      state: opts.state,
      vendorState: opts.state,
      startedAt: start,
      endedAt: opts.running ? null : copyEnd,
      sortAt: start,
      drGroup: opts.drGroup === undefined ? "group-a" : opts.drGroup,
      raw: {},
      phases: {
        create: [
          {
            vendorKey: `k${seq}`,
            lane: "vm1",
            name: "Copy",
            state: opts.state,
            startedAt: start,
            endedAt: opts.running ? null : copyEnd,
          },
        ],
      },
    },
  });
  return job.id;
}

describe("past runs of the same job kind", () => {
  let current: string;
  beforeAll(async () => {
    await seedJob({ state: "succeeded", startMin: 0, copyMin: 10 });
    await seedJob({ state: "succeeded", startMin: 100, copyMin: 20 });
    await seedJob({ state: "succeeded", startMin: 200, copyMin: 30 });
    // Not the same kind of run, or not successful: all ignored.
    await seedJob({ state: "failed", startMin: 300, copyMin: 99 });
    await seedJob({ state: "succeeded", drGroup: "group-b", startMin: 400, copyMin: 99 });
    await seedJob({ state: "succeeded", drGroup: null, startMin: 500, copyMin: 99 });
    await seedJob({ state: "succeeded", source: otherSourceId, startMin: 600, copyMin: 99 });
    current = await seedJob({ state: "running", startMin: 1000, running: true });
  });

  it("reads only successful runs of the same source, type and group", async () => {
    const runs = await listPastRuns(current, t.db);
    expect(runs?.map((r) => (r.endedAt.getTime() - r.startedAt.getTime()) / MIN)).toEqual([
      30, 20, 10,
    ]);
    expect(runs?.[0]?.phases[0]).toMatchObject({ lane: "vm1", name: "Copy", parentKey: null });
  });

  it("summarises them per phase signature", async () => {
    const b = await getJobBaseline(current, t.db);
    expect(b?.runs).toBe(3);
    expect(b?.phases["vm1|Copy#0"]).toMatchObject({
      medianMs: 20 * MIN,
      p90Ms: 28 * MIN,
      medianEndOffsetMs: 20 * MIN,
      runs: 3,
    });
    // Where the phase starts and ends in each run, for the ETA's phase-boundary reading.
    expect(b?.phases["vm1|Copy#0"]?.startShares).toEqual([0, 0, 0]);
    expect(b?.phases["vm1|Copy#0"]?.endShares).toHaveLength(3);
  });

  it("matches a null group only with null groups", async () => {
    const lone = await seedJob({ state: "running", drGroup: null, startMin: 2000, running: true });
    expect((await getJobBaseline(lone, t.db))?.runs).toBe(1);
  });

  it("serves GET /api/jobs/:id/baseline to a signed-in viewer, 404 for an unknown job", async () => {
    await createUser({
      email: "viewer@example.com",
      name: "viewer",
      password: "s3cret-enough",
      role: "viewer",
    });
    const cookie = await signedInCookie("viewer@example.com", "s3cret-enough");
    const call = (id: string, headers: Record<string, string>) =>
      baselineRoute.GET(
        new Request(`${ORIGIN}/api/jobs/${id}/baseline`, {
          headers: { host: "localhost:3000", ...headers },
        }),
        { params: Promise.resolve({ id }) },
      );
    const ok = await call(current, { cookie });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { runs: number }).runs).toBe(3);
    expect((await call("00000000-0000-4000-8000-000000000000", { cookie })).status).toBe(404);
    expect((await call(current, {})).status).toBe(401);
  });
});
