import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HistorySummary } from "@/lib/contracts/history";
import { setDb } from "@/lib/db/client";
import { SharedReads, setSharedReads } from "@/lib/live/shared-reads";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { GET as summary } from "./history/summary/route";
import { PUT as setTarget } from "./history/targets/route";
import { callRoute, makeCallers, type Caller } from "./role-matrix.support";

let t: TestDatabase;
let callers: Record<Caller, Record<string, string>>;

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  callers = await makeCallers();
  // No change is ever heard here: only this process's own writes may end the reuse.
  setSharedReads(new SharedReads({ dataVersion: () => 1, maxAgeMs: 3_600_000 }));
});
afterAll(async () => {
  setSharedReads(undefined);
  setDb(undefined);
  await t.drop();
});

async function groups(): Promise<string[]> {
  const res = await callRoute(summary, "GET", "/api/history/summary", callers.viewer);
  expect(res.status).toBe(200);
  return ((await res.json()) as HistorySummary).groups.map((g) => g.group);
}

describe("shared reads and this process's own writes", () => {
  it("answer a read after a write through the API from after it, before any notification", async () => {
    expect(await groups()).toEqual([]);
    const saved = await callRoute(setTarget, "PUT", "/api/history/targets", callers.admin, {
      body: { group: "zone-a", targetMs: 60_000 },
    });
    expect(saved.status).toBeLessThan(300);
    // A group with a target is listed, runs or not.
    expect(await groups()).toEqual(["zone-a"]);
  });
});
