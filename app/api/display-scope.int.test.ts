import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { concretePath, loadRouteModules, type RouteModule } from "./route-files.support";
import { callRoute, makeCallers, type Caller } from "./role-matrix.support";

let t: TestDatabase;
let callers: Record<Caller, Record<string, string>>;
let modules: RouteModule[];

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  callers = await makeCallers();
  modules = await loadRouteModules();
});
afterAll(async () => {
  setDb(undefined);
  await t.drop();
});

const WALL_ROUTES = new Set(["GET /api/wall", "GET /api/stream", "GET /api/me"]);

async function statusOf(response: Response): Promise<number> {
  // Streams (SSE) answer at once and never end: the status is all this test needs.
  await response.body?.cancel();
  return response.status;
}

describe("display tokens read only the wall", () => {
  it("get 403 from every API route but /api/wall, /api/stream and /api/me, and nothing more than anonymous on public ones", async () => {
    const got: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const { pattern, handlers } of modules) {
      for (const [method, handler] of Object.entries(handlers)) {
        const { path, params } = concretePath(pattern, (seg) =>
          seg.startsWith("...") ? "get-session" : crypto.randomUUID(),
        );
        const key = `${method} ${pattern}`;
        const abort = new AbortController();
        const call = (who: Record<string, string>) =>
          callRoute(
            handler,
            method,
            path,
            who,
            { params, headers: { "idempotency-key": crypto.randomUUID() } },
            abort.signal,
          );
        const anonymous = await statusOf(await call(callers.anonymous));
        const display = await statusOf(await call(callers.display));
        abort.abort();
        got[key] = display;
        // Public routes (anonymous is not 401) give a display token what they give anyone.
        expected[key] = WALL_ROUTES.has(key) ? 200 : anonymous === 401 ? 403 : anonymous;
      }
    }
    expect(Object.keys(got).length).toBeGreaterThan(40);
    expect(got).toEqual(expected);
    for (const key of [
      "GET /api/audit",
      "GET /api/audit/export",
      "GET /api/sources",
      "GET /api/jobs/export",
      "GET /api/jobs/[id]/log",
      "GET /api/history/export",
    ]) {
      expect(got[key], key).toBe(403);
    }
  });
});
