import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { GET as auditExport } from "./audit/export/route";
import { GET as jobsExport } from "./jobs/export/route";
import { callRoute, makeCallers, type Caller } from "./role-matrix.support";

let t: TestDatabase;
let callers: Record<Caller, Record<string, string>>;

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  callers = await makeCallers();
});
afterEach(() => {
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
});
