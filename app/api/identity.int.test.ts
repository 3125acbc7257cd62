import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleAuthRequest } from "@/lib/auth/handler";
import { ORIGIN, randomIp, signedInCookie, signInRequest } from "@/lib/auth/test-support";
import { createUser } from "@/lib/auth/users";
import type { AuditPage } from "@/lib/contracts/audit";
import { setDb } from "@/lib/db/client";
import { PEER_HEADER } from "@/lib/http/client-ip";
import { pollSource } from "@/lib/sync/poll-source";
import { startSimulatedSource, type SimulatedSourceFixture } from "@/lib/testing/sim-source";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { GET as auditExport } from "./audit/export/route";
import { GET as audit } from "./audit/route";
import { POST as act } from "./jobs/[id]/actions/route";
import { callRoute } from "./role-matrix.support";
import { POST as resetPassword } from "./users/[id]/password/route";
import { PATCH as patchUser } from "./users/[id]/route";

let t: TestDatabase;
let ontap: SimulatedSourceFixture;
let olga: { id: string; cookie: string };
let admin: { id: string; cookie: string };
const PASSWORD = "s3cret-enough";

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  ontap = await startSimulatedSource(t.db, "ontap");
  const o = await createUser({
    email: "olga@example.com",
    name: "Olga Operator",
    password: PASSWORD,
    role: "operator",
  });
  const a = await createUser({
    email: "ada@example.com",
    name: "Ada Admin",
    password: PASSWORD,
    role: "admin",
  });
  olga = { id: o.id, cookie: await signedInCookie("olga@example.com", PASSWORD) };
  admin = { id: a.id, cookie: await signedInCookie("ada@example.com", PASSWORD) };
});
afterAll(async () => {
  await ontap.close();
  setDb(undefined);
  await t.drop();
});

async function runningJob(): Promise<string> {
  const res = await fetch(`${ontap.server.url}/__sim/jobs`, {
    method: "POST",
    body: JSON.stringify({ type: "volume-move", durationMs: 3_600_000 }),
  });
  const { vendorId } = (await res.json()) as { vendorId: string };
  await pollSource(t.db, await t.db.source.findUniqueOrThrow({ where: { id: ontap.sourceId } }));
  return (
    await t.db.job.findUniqueOrThrow({
      where: { sourceId_vendorId: { sourceId: ontap.sourceId, vendorId } },
    })
  ).id;
}

function updateUserViaAuthApi(cookie: string, body: object) {
  return handleAuthRequest(
    new Request(`${ORIGIN}/api/auth/update-user`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: ORIGIN,
        cookie,
        [PEER_HEADER]: randomIp(),
      },
      body: JSON.stringify(body),
    }),
  );
}

describe("rename, then act", () => {
  it("refuses a user renaming themselves or changing their email through the auth API", async () => {
    for (const body of [
      { name: "Ada Admin" },
      { name: "Alice (admin)" },
      { email: "ada@example.com" },
      { name: "x", image: "y" },
    ]) {
      const res = await updateUserViaAuthApi(olga.cookie, body);
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect(await t.db.user.findUniqueOrThrow({ where: { id: olga.id } })).toMatchObject({
      name: "Olga Operator",
      email: "olga@example.com",
    });
  });

  it("records and shows the real identity (id and email as they were) in the audit view and its CSV, whatever the display name", async () => {
    // An admin renames Olga to a misleading name (audited), then Olga acts.
    const renamed = await callRoute(
      patchUser,
      "PATCH",
      `/api/users/${olga.id}`,
      { cookie: admin.cookie },
      { body: { name: "Ada Admin" }, params: { id: olga.id } },
    );
    expect(renamed.status).toBe(200);
    const jobId = await runningJob();
    const acted = await callRoute(
      act,
      "POST",
      `/api/jobs/${jobId}/actions`,
      { cookie: olga.cookie },
      {
        body: { action: "cancel", reason: "rename then act" },
        params: { id: jobId },
        headers: { "idempotency-key": crypto.randomUUID() },
      },
    );
    expect(acted.status).toBe(200);
    // Olga's email changes later: the trail keeps the one she had when she acted.
    expect(
      (
        await callRoute(
          patchUser,
          "PATCH",
          `/api/users/${olga.id}`,
          { cookie: admin.cookie },
          { body: { email: "olga.new@example.com" }, params: { id: olga.id } },
        )
      ).status,
    ).toBe(200);

    const page = (await (
      await callRoute(audit, "GET", "/api/audit?limit=50", { cookie: admin.cookie })
    ).json()) as AuditPage;
    const cancel = page.items.find((r) => r.action === "cancel");
    expect(cancel).toMatchObject({
      actor: "Ada Admin",
      actorEmail: "olga@example.com",
      actorId: olga.id,
    });
    const renames = page.items.filter((r) => r.action === "update-user");
    expect(renames).toHaveLength(2);
    expect(
      renames.every(
        (r) => r.actorId === admin.id && r.actorEmail === "ada@example.com" && r.source === null,
      ),
    ).toBe(true);
    expect(renames.map((r) => r.vendorReply).join("\n")).toContain(
      "name: Olga Operator → Ada Admin",
    );

    const csv = await (
      await callRoute(auditExport, "GET", "/api/audit/export?action=cancel", {
        cookie: admin.cookie,
      })
    ).text();
    const [header, line] = csv.split("\r\n");
    expect(header).toMatch(/^requestedAt,completedAt,actor,actorEmail,actorId,/);
    expect(line).toContain(`,Ada Admin,olga@example.com,${olga.id},cancel,`);
  });

  it("keeps audit rows and their identity even when the database is asked to delete or rewrite them", async () => {
    const row = await t.db.action.findFirstOrThrow({ where: { action: "cancel" } });
    await expect(t.db.action.delete({ where: { id: row.id } })).rejects.toThrow(
      /keeps Action rows forever/,
    );
    await expect(
      t.db.action.update({ where: { id: row.id }, data: { actorEmail: "someone@else" } }),
    ).rejects.toThrow(/cannot be rewritten/);
    await expect(t.db.auditEntry.deleteMany({ where: { actionId: row.id } })).rejects.toThrow(
      /keeps AuditEntry rows forever/,
    );
    // Deleting the user leaves their id and email on the row.
    await t.db.session.deleteMany({ where: { userId: olga.id } });
    await t.db.user.delete({ where: { id: olga.id } });
    expect(await t.db.action.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      userId: null,
      actorId: olga.id,
      actorEmail: "olga@example.com",
    });
  });

  it("lets an admin reset a password: shown once, old one and old sessions dead, audited", async () => {
    const piet = await createUser({
      email: "piet@example.com",
      name: "Piet",
      password: PASSWORD,
      role: "viewer",
    });
    const res = await callRoute(
      resetPassword,
      "POST",
      `/api/users/${piet.id}/password`,
      { cookie: admin.cookie },
      { params: { id: piet.id } },
    );
    expect(res.status).toBe(200);
    const { password } = (await res.json()) as { password: string };
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(
      (await signInRequest("piet@example.com", PASSWORD, { [PEER_HEADER]: randomIp() })).status,
    ).toBe(401);
    expect(
      (await signInRequest("piet@example.com", password, { [PEER_HEADER]: randomIp() })).status,
    ).toBe(200);
    expect(
      await t.db.action.count({ where: { action: "reset-password", actorId: admin.id } }),
    ).toBe(1);
    expect(
      JSON.stringify(await t.db.action.findMany({ where: { action: "reset-password" } })),
    ).not.toContain(password);
  });
});
