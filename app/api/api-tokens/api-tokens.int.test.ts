import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { signedInCookie } from "@/lib/auth/test-support";
import { createUser, updateUser } from "@/lib/auth/users";
import { appTestDatabase } from "@/lib/testing/test-db";
import type { CreatedApiToken } from "@/lib/contracts/tokens";
import { callRoute, type Handler } from "../role-matrix.support";
import * as tokens from "./route";
import * as tokenById from "./[id]/route";
import * as jobs from "../jobs/route";
import * as users from "../users/route";
import * as wall from "../wall/route";

const t = appTestDatabase();
let adminCookie: Record<string, string>;
let adminId: string;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (h: Handler, path: string, who: Record<string, string>) =>
  callRoute(h, "GET", path, who);

async function make(
  scope: string,
  who = adminCookie,
  expiresInDays = 30,
): Promise<CreatedApiToken> {
  const res = await callRoute(tokens.POST, "POST", "/api/api-tokens", who, {
    body: { name: `${scope} script`, scope, expiresInDays },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedApiToken;
}

async function expectProblem(res: Response, status: number, detail: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
}

beforeAll(async () => {
  const admin = await createUser({
    email: "tokens-admin@example.com",
    name: "Token Admin",
    password: "s3cret-enough",
    role: "admin",
  });
  adminId = admin.id;
  adminCookie = { cookie: await signedInCookie("tokens-admin@example.com", "s3cret-enough") };
});

describe("API tokens", () => {
  it("are shown once, stored only as their SHA-256, listed without secrets, and their creation audited", async () => {
    const created = await make("viewer");
    expect(created.token).toMatch(/^jda_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    const listed = await (await get(tokens.GET, "/api/api-tokens", adminCookie)).text();
    expect(listed).toContain(created.id);
    expect(listed).not.toContain(created.token);
    expect(listed).not.toContain(row.tokenHash);
    const audit = await t.db.action.findFirstOrThrow({
      where: { action: "create-api-token", params: { path: ["tokenId"], equals: created.id } },
    });
    expect(audit.actorId).toBe(adminId);
  });

  it("act with their scope's role, enforced on the server, and record when they were last used", async () => {
    const viewer = await make("viewer");
    const operator = await make("operator");
    const admin = await make("admin");
    expect((await get(jobs.GET, "/api/jobs", bearer(viewer.token))).status).toBe(200);
    await expectProblem(
      await get(users.GET, "/api/users", bearer(viewer.token)),
      403,
      /needs the admin role; you are viewer/,
    );
    await expectProblem(
      await get(users.GET, "/api/users", bearer(operator.token)),
      403,
      /needs the admin role; you are operator/,
    );
    expect((await get(users.GET, "/api/users", bearer(admin.token))).status).toBe(200);
    expect(
      (await t.db.apiToken.findUniqueOrThrow({ where: { id: viewer.id } })).lastUsedAt,
    ).not.toBeNull();
  });

  it("cannot mint more tokens: only a signed-in admin creates them", async () => {
    const admin = await make("admin");
    const res = await callRoute(tokens.POST, "POST", "/api/api-tokens", bearer(admin.token), {
      body: { name: "child", scope: "viewer", expiresInDays: 1 },
    });
    await expectProblem(res, 403, /signed-in admin, not by another token/);
    const operatorPerson = await createUser({
      email: "tokens-op@example.com",
      name: "Op",
      password: "s3cret-enough",
      role: "operator",
    });
    const opCookie = { cookie: await signedInCookie("tokens-op@example.com", "s3cret-enough") };
    const byOperator = await callRoute(tokens.POST, "POST", "/api/api-tokens", opCookie, {
      body: { name: "mine", scope: "viewer", expiresInDays: 1 },
    });
    await expectProblem(byOperator, 403, /needs the admin role/);
    expect(await t.db.apiToken.count({ where: { createdById: operatorPerson.id } })).toBe(0);
  });

  it("refuses expired, revoked and unknown tokens with problem+json saying which", async () => {
    const expired = await make("admin");
    await t.db.apiToken.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expectProblem(
      await get(jobs.GET, "/api/jobs", bearer(expired.token)),
      401,
      /has expired/,
    );

    const revoked = await make("admin");
    const del = await callRoute(
      tokenById.DELETE,
      "DELETE",
      `/api/api-tokens/${revoked.id}`,
      adminCookie,
      { params: { id: revoked.id } },
    );
    expect(del.status).toBe(204);
    await expectProblem(
      await get(jobs.GET, "/api/jobs", bearer(revoked.token)),
      401,
      /has been revoked/,
    );
    // Revoking again changes nothing and adds no second audit entry.
    expect(
      (
        await callRoute(tokenById.DELETE, "DELETE", `/api/api-tokens/${revoked.id}`, adminCookie, {
          params: { id: revoked.id },
        })
      ).status,
    ).toBe(204);
    expect(
      await t.db.action.count({
        where: { action: "revoke-api-token", params: { path: ["tokenId"], equals: revoked.id } },
      }),
    ).toBe(1);

    const forged = `jda_${"A".repeat(43)}`;
    await expectProblem(
      await get(jobs.GET, "/api/jobs", bearer(forged)),
      401,
      /is not a Jobdeck API token/,
    );
    // A refused token is not quietly replaced by the session cookie sent alongside it.
    await expectProblem(
      await get(users.GET, "/api/users", { ...adminCookie, ...bearer(revoked.token) }),
      401,
      /revoked/,
    );
  });

  it("never act above their creator's current role", async () => {
    const person = await createUser({
      email: "tokens-demoted@example.com",
      name: "Soon viewer",
      password: "s3cret-enough",
      role: "admin",
    });
    const cookie = { cookie: await signedInCookie("tokens-demoted@example.com", "s3cret-enough") };
    const token = await make("admin", cookie);
    expect((await get(users.GET, "/api/users", bearer(token.token))).status).toBe(200);
    await updateUser(
      person.id,
      { role: "viewer" },
      { kind: "user", id: adminId, name: "Token Admin", role: "admin" },
    );
    await expectProblem(
      await get(users.GET, "/api/users", bearer(token.token)),
      403,
      /you are viewer/,
    );
  });

  it("confine a metrics token to /api/metrics, and leave display tokens confined to the wall", async () => {
    const metrics = await make("metrics");
    await expectProblem(
      await get(jobs.GET, "/api/jobs", bearer(metrics.token)),
      403,
      /reads only \/api\/metrics/,
    );
    await expectProblem(
      await get(wall.GET, "/api/wall", bearer(metrics.token)),
      403,
      /reads only \/api\/metrics/,
    );
  });

  it("reject a bad request naming the field", async () => {
    const res = await callRoute(tokens.POST, "POST", "/api/api-tokens", adminCookie, {
      body: { name: "x", scope: "root", expiresInDays: 9999 },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: Array<{ parameter: string }> };
    expect(problem.errors.map((e) => e.parameter).sort()).toEqual(["expiresInDays", "scope"]);
  });
});
