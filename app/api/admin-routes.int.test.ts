import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createDisplayToken } from "@/lib/auth/display-tokens";
import { ORIGIN, signedInCookie } from "@/lib/auth/test-support";
import { createUser } from "@/lib/auth/users";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import * as displayTokenRoutes from "./display-tokens/route";
import * as displayTokenRoute from "./display-tokens/[id]/route";
import * as enterRoute from "./display-tokens/enter/route";
import * as meRoute from "./me/route";
import * as userRoutes from "./users/route";
import * as userRoute from "./users/[id]/route";

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

let t: TestDatabase;
const PASSWORD = "s3cret-enough";
const auth: Record<
  "anonymous" | "viewer" | "operator" | "admin" | "display",
  Record<string, string>
> = {
  anonymous: {},
  viewer: {},
  operator: {},
  admin: {},
  display: {},
};

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  for (const role of ["viewer", "operator", "admin"] as const) {
    await createUser({ email: `${role}@example.com`, name: role, password: PASSWORD, role });
    auth[role] = { cookie: await signedInCookie(`${role}@example.com`, PASSWORD) };
  }
  auth.display = { authorization: `Bearer ${(await createDisplayToken("wall", null)).token}` };
});
afterAll(async () => {
  setDb(undefined);
  await t.drop();
});

function call(
  handler: Handler,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: object,
  params: Record<string, string> = {},
) {
  const request = new Request(`${ORIGIN}${path}`, {
    method,
    headers: {
      host: "localhost:3000",
      ...(body ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return handler(request, { params: Promise.resolve(params) });
}

describe("admin routes: role matrix", () => {
  const cases: Array<{
    name: string;
    run: (who: Record<string, string>) => Promise<Response>;
    ok: number;
    displayStatus: number;
  }> = [
    {
      name: "GET /api/users",
      run: (who) => call(userRoutes.GET, "GET", "/api/users", who),
      ok: 200,
      displayStatus: 403,
    },
    {
      name: "POST /api/users",
      run: (who) =>
        call(userRoutes.POST, "POST", "/api/users", who, {
          email: `u${Math.random()}@example.com`,
          name: "U",
          password: PASSWORD,
          role: "viewer",
        }),
      ok: 201,
      displayStatus: 403,
    },
    {
      name: "GET /api/display-tokens",
      run: (who) => call(displayTokenRoutes.GET, "GET", "/api/display-tokens", who),
      ok: 200,
      displayStatus: 403,
    },
    {
      name: "POST /api/display-tokens",
      run: (who) =>
        call(displayTokenRoutes.POST, "POST", "/api/display-tokens", who, { name: "lobby" }),
      ok: 201,
      displayStatus: 403,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: anonymous 401, viewer/operator/display 403, admin ${c.ok}`, async () => {
      expect((await c.run(auth.anonymous)).status).toBe(401);
      expect((await c.run(auth.viewer)).status).toBe(403);
      expect((await c.run(auth.operator)).status).toBe(403);
      expect((await c.run(auth.display)).status).toBe(c.displayStatus);
      expect((await c.run(auth.admin)).status).toBe(c.ok);
    });
  }

  it("PATCH and DELETE /api/users/:id and DELETE /api/display-tokens/:id are admin-only", async () => {
    const victim = await createUser({
      email: "victim@example.com",
      name: "Victim",
      password: PASSWORD,
      role: "viewer",
    });
    const { id: tokenId } = await createDisplayToken("to revoke", null);
    for (const who of ["anonymous", "viewer", "operator", "display"] as const) {
      const expected = who === "anonymous" ? 401 : 403;
      expect(
        (
          await call(
            userRoute.PATCH,
            "PATCH",
            `/api/users/${victim.id}`,
            auth[who],
            { role: "admin" },
            { id: victim.id },
          )
        ).status,
      ).toBe(expected);
      expect(
        (
          await call(userRoute.DELETE, "DELETE", `/api/users/${victim.id}`, auth[who], undefined, {
            id: victim.id,
          })
        ).status,
      ).toBe(expected);
      expect(
        (
          await call(
            displayTokenRoute.DELETE,
            "DELETE",
            `/api/display-tokens/${tokenId}`,
            auth[who],
            undefined,
            { id: tokenId },
          )
        ).status,
      ).toBe(expected);
    }
    const patched = await call(
      userRoute.PATCH,
      "PATCH",
      `/api/users/${victim.id}`,
      auth.admin,
      { role: "operator" },
      { id: victim.id },
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ id: victim.id, role: "operator" });
    expect(
      (
        await call(
          displayTokenRoute.DELETE,
          "DELETE",
          `/api/display-tokens/${tokenId}`,
          auth.admin,
          undefined,
          { id: tokenId },
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await call(userRoute.DELETE, "DELETE", `/api/users/${victim.id}`, auth.admin, undefined, {
          id: victim.id,
        })
      ).status,
    ).toBe(204);
    expect(await t.db.user.count({ where: { id: victim.id } })).toBe(0);
  });

  it("refuses a mutation whose Origin is another host (403) before looking at the caller", async () => {
    const response = await call(
      userRoutes.POST,
      "POST",
      "/api/users",
      { ...auth.admin, origin: "http://evil.example" },
      {
        email: "csrf@example.com",
        name: "CSRF",
        password: PASSWORD,
        role: "admin",
      },
    );
    expect(response.status).toBe(403);
    expect(await t.db.user.count({ where: { email: "csrf@example.com" } })).toBe(0);
  });
});

describe("users", () => {
  it("names each bad field of a new user", async () => {
    const response = await call(userRoutes.POST, "POST", "/api/users", auth.admin, {
      email: "not-an-email",
      name: "",
      password: "short",
      role: "root",
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: Array<{ parameter: string }> };
    expect(problem.errors.map((e) => e.parameter).sort()).toEqual([
      "email",
      "name",
      "password",
      "role",
    ]);
  });

  it("refuses a duplicate email (409) and never lists password hashes", async () => {
    const again = await call(userRoutes.POST, "POST", "/api/users", auth.admin, {
      email: "VIEWER@example.com",
      name: "V",
      password: PASSWORD,
      role: "viewer",
    });
    expect(again.status).toBe(409);
    const list = await call(userRoutes.GET, "GET", "/api/users", auth.admin);
    const text = await list.text();
    expect(text).not.toMatch(/password|scrypt|\$/i);
    expect(JSON.parse(text).users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          email: "viewer@example.com",
          role: "viewer",
          signIn: ["credential"],
        }),
      ]),
    );
  });

  it("keeps at least one admin: the last admin can be neither demoted nor deleted", async () => {
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    const demote = await call(
      userRoute.PATCH,
      "PATCH",
      `/api/users/${admin.id}`,
      auth.admin,
      { role: "viewer" },
      { id: admin.id },
    );
    expect(demote.status).toBe(409);
    const remove = await call(
      userRoute.DELETE,
      "DELETE",
      `/api/users/${admin.id}`,
      auth.admin,
      undefined,
      { id: admin.id },
    );
    expect(remove.status).toBe(409);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  it("a role change takes effect on the user's next request", async () => {
    const user = await createUser({
      email: "promoted@example.com",
      name: "P",
      password: PASSWORD,
      role: "viewer",
    });
    const cookie = { cookie: await signedInCookie("promoted@example.com", PASSWORD) };
    expect((await call(userRoutes.GET, "GET", "/api/users", cookie)).status).toBe(403);
    await call(
      userRoute.PATCH,
      "PATCH",
      `/api/users/${user.id}`,
      auth.admin,
      { role: "admin" },
      { id: user.id },
    );
    expect((await call(userRoutes.GET, "GET", "/api/users", cookie)).status).toBe(200);
  });
});

describe("display tokens", () => {
  it("returns the token once on creation and never in the list", async () => {
    const created = await call(displayTokenRoutes.POST, "POST", "/api/display-tokens", auth.admin, {
      name: "Ops wall",
    });
    const { token, id } = (await created.json()) as { token: string; id: string };
    expect(token).toMatch(/^jdd_/);
    const list = await (
      await call(displayTokenRoutes.GET, "GET", "/api/display-tokens", auth.admin)
    ).text();
    expect(list).toContain(id);
    expect(list).not.toContain(token);
    expect(list).not.toMatch(/tokenHash|jdd_/);
  });

  it("lets a display read (GET /api/me) but not act", async () => {
    const me = await call(meRoute.GET, "GET", "/api/me", auth.display);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: "display", name: "wall", role: "viewer" });
  });

  it("enters a wall screen from ?token=: cookie set, token dropped from the URL, foreign redirects ignored", async () => {
    const { token } = await createDisplayToken("lobby", null);
    const ok = await call(
      enterRoute.GET,
      "GET",
      `/api/display-tokens/enter?token=${token}&next=/wall`,
      {},
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/wall");
    const cookie = ok.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^jobdeck\.display=jdd_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await call(meRoute.GET, "GET", "/api/me", { cookie: cookie.split(";")[0] ?? "" });
    expect(await me.json()).toMatchObject({ kind: "display", name: "lobby" });
    const foreign = await call(
      enterRoute.GET,
      "GET",
      `/api/display-tokens/enter?token=${token}&next=//evil.example`,
      {},
    );
    expect(foreign.headers.get("location")).toBe("/");
    expect(
      (
        await call(
          enterRoute.GET,
          "GET",
          `/api/display-tokens/enter?token=jdd_${"x".repeat(43)}`,
          {},
        )
      ).status,
    ).toBe(401);
  });
});

describe("/api/me", () => {
  it("is 401 for anonymous callers and names a signed-in user's role", async () => {
    expect((await call(meRoute.GET, "GET", "/api/me", {})).status).toBe(401);
    const me = await call(meRoute.GET, "GET", "/api/me", auth.operator);
    expect(await me.json()).toMatchObject({ kind: "user", name: "operator", role: "operator" });
  });
});

describe("rolling sessions", () => {
  it("/api/me extends a session that is due for refresh and re-sends its cookie", async () => {
    const cookie = await signedInCookie("viewer@example.com", PASSWORD);
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "viewer@example.com" } });
    const soon = new Date(Date.now() + 60 * 60 * 1000);
    // Ageing the newest session past updateAge (expiry within six days) is what a week of use looks like.
    const session = await t.db.session.findFirstOrThrow({
      where: { userId: user.id },
      orderBy: { createdAt: "desc" },
    });
    await t.db.session.update({ where: { id: session.id }, data: { expiresAt: soon } });
    const me = await call(meRoute.GET, "GET", "/api/me", { cookie });
    expect(me.status).toBe(200);
    expect(
      me.headers
        .getSetCookie()
        .some((c) => c.startsWith("jobdeck.session_token=") && /HttpOnly/i.test(c)),
    ).toBe(true);
    const refreshed = await t.db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(refreshed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 60 * 60 * 1000);
  });
});
