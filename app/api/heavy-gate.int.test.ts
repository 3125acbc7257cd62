import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { SharedReads, setSharedReads } from "@/lib/live/shared-reads";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { GET as auditExport } from "./audit/export/route";
import { GET as jobsExport } from "./jobs/export/route";
import { GET as timeline } from "./timeline/route";
import { callRoute, makeCallers, type Caller } from "./role-matrix.support";

let t: TestDatabase;
let callers: Record<Caller, Record<string, string>>;

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  callers = await makeCallers();
});
afterEach(() => {
  setSharedReads(undefined);
  vi.unstubAllEnvs();
  resetEnvCache();
});
afterAll(async () => {
  setDb(undefined);
  await t.drop();
});

describe("heavy reads", () => {
  it("answer 503 with Retry-After while the process runs as many as it allows, and free the slot when the export is sent", async () => {
    vi.stubEnv("JOBDECK_HEAVY_CONCURRENCY", "1");
    resetEnvCache();
    const first = await callRoute(jobsExport, "GET", "/api/jobs/export", callers.viewer);
    expect(first.status).toBe(200);
    const busy = await callRoute(auditExport, "GET", "/api/audit/export", callers.viewer);
    expect(busy.status).toBe(503);
    expect(busy.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThan(0);
    // Reading the first export to its end gives its slot back.
    await first.text();
    const second = await callRoute(auditExport, "GET", "/api/audit/export", callers.viewer);
    expect(second.status).toBe(200);
    await second.text();
    // A client that goes away mid-export gives it back too.
    const abandoned = await callRoute(jobsExport, "GET", "/api/jobs/export", callers.viewer);
    expect(abandoned.status).toBe(200);
    await abandoned.body?.cancel();
    const after = await callRoute(jobsExport, "GET", "/api/jobs/export", callers.viewer);
    expect(after.status).toBe(200);
    await after.text();
  });

  it("let screens answered by one shared read hold one slot between them; the read itself still needs one", async () => {
    vi.stubEnv("JOBDECK_HEAVY_CONCURRENCY", "1");
    resetEnvCache();
    // Nothing changes in this test's database: one answer is shared for as long as the test runs.
    setSharedReads(new SharedReads({ dataVersion: () => 1, maxAgeMs: 60_000 }));
    const path = "/api/timeline?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z";
    const screens = await Promise.all(
      Array.from({ length: 4 }, () => callRoute(timeline, "GET", path, callers.viewer)),
    );
    expect(screens.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const bodies = await Promise.all(screens.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);

    // With the slot taken by an export, a timeline nobody has read yet is refused.
    const other = "/api/timeline?from=2026-02-01T00:00:00Z&to=2026-02-02T00:00:00Z";
    const exporting = await callRoute(jobsExport, "GET", "/api/jobs/export", callers.viewer);
    expect(exporting.status).toBe(200);
    expect((await callRoute(timeline, "GET", other, callers.viewer)).status).toBe(503);
    await exporting.text();
    expect((await callRoute(timeline, "GET", other, callers.viewer)).status).toBe(200);
  });
});
