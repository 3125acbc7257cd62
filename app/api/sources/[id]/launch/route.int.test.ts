import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LaunchOperationsView, LaunchOutcomeView } from "@/lib/contracts/actions";
import { ORIGIN, signedInCookie } from "@/lib/auth/test-support";
import { createUser } from "@/lib/auth/users";
import { setDb } from "@/lib/db/client";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import * as operationsRoute from "../operations/route";
import * as launchRoute from "./route";

let t: TestDatabase;
let fx: SimulatedSourceFixture;
const cookies: Record<"viewer" | "operator", string> = { viewer: "", operator: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  for (const role of ["viewer", "operator"] as const) {
    await createUser(
      { email: `${role}@example.com`, name: role, password: "s3cret-enough", role },
      t.db,
    );
    cookies[role] = await signedInCookie(`${role}@example.com`, "s3cret-enough");
  }
  fx = await startSimulatedSource(t.db, "eyeglass", { name: "Eyeglass DR" });
});
afterAll(async () => {
  await fx.close();
  setDb(undefined);
  await t.drop();
});

function launch(cookie: string, body: object, key: string | null) {
  const request = new Request(`${ORIGIN}/api/sources/${fx.sourceId}/launch`, {
    method: "POST",
    headers: {
      host: "localhost:3000",
      cookie,
      "content-type": "application/json",
      ...(key ? { "idempotency-key": key } : {}),
    },
    body: JSON.stringify(body),
  });
  return launchRoute.POST(request, { params: Promise.resolve({ id: fx.sourceId }) });
}

describe("/api/sources/:id/operations and /launch", () => {
  it("lists the operations to any signed-in viewer, and 404s an unknown source", async () => {
    const get = (id: string) =>
      operationsRoute.GET(
        new Request(`${ORIGIN}/api/sources/${id}/operations`, {
          headers: { cookie: cookies.viewer },
        }),
        { params: Promise.resolve({ id }) },
      );
    const res = await get(fx.sourceId);
    expect(res.status).toBe(200);
    const view = (await res.json()) as LaunchOperationsView;
    expect(view.operations.map((o) => o.operation)).toEqual([
      "readiness",
      "replication",
      "failover",
      "drtest",
      "rehearsal",
    ]);
    expect((await get("00000000-0000-0000-0000-000000000000")).status).toBe(404);
  });

  it("needs an operator and an Idempotency-Key, and answers with the audit row and the started job", async () => {
    expect((await launch(cookies.viewer, { operation: "readiness" }, "viewer-key-1")).status).toBe(
      403,
    );
    const missing = await launch(cookies.operator, { operation: "readiness" }, null);
    expect(missing.status).toBe(400);
    expect(
      ((await missing.json()) as { errors: Array<{ parameter: string }> }).errors[0]?.parameter,
    ).toBe("Idempotency-Key");
    const res = await launch(
      cookies.operator,
      { operation: "readiness", reason: "check" },
      "route-key-readiness",
    );
    expect(res.status).toBe(200);
    const outcome = (await res.json()) as LaunchOutcomeView;
    expect(outcome.action).toMatchObject({ action: "launch:readiness", status: "succeeded" });
    expect(outcome.vendorId).toMatch(/^readiness:/);
    expect(outcome.jobId).not.toBeNull();
    const high = await launch(
      cookies.operator,
      { operation: "failover", params: {} },
      "route-key-failover",
    );
    expect(high.status).toBe(403);
    expect(((await high.json()) as { detail: string }).detail).toBe(
      "Launch failover needs the admin role; you are operator.",
    );
  });
});
