import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createDisplayToken, revokeDisplayToken } from "./display-tokens";
import { ensureFirstAdmin } from "./first-admin";
import { getActor } from "./get-actor";
import { handleAuthRequest } from "./handler";
import { ORIGIN, randomIp, signInRequest, signedInCookie } from "./test-support";
import { createUser } from "./users";

let t: TestDatabase;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  t = await createTestDatabase();
  setDb(t.db);
  await createUser({
    email: "Olga@Example.com",
    name: "Olga",
    password: PASSWORD,
    role: "operator",
  });
});
afterAll(async () => {
  setDb(undefined);
  await t.drop();
});

describe("password sign-in", () => {
  it("accepts the right password and sets an http-only, same-site session cookie", async () => {
    const response = await signInRequest("olga@example.com", PASSWORD, {
      "x-jobdeck-peer": randomIp(),
    });
    expect(response.status).toBe(200);
    const session = response.headers
      .getSetCookie()
      .find((c) => c.startsWith("jobdeck.session_token="));
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).toMatch(/; Max-Age=\d+/i);
    expect(session).not.toMatch(/; Secure/i);
  });

  it("marks the cookie Secure (and __Secure- prefixed) when served over https", async () => {
    const response = await signInRequest(
      "olga@example.com",
      PASSWORD,
      { "x-jobdeck-peer": randomIp() },
      "https://jobdeck.example.com",
    );
    expect(response.status).toBe(200);
    const session = response.headers
      .getSetCookie()
      .find((c) => c.startsWith("__Secure-jobdeck.session_token="));
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
  });

  it("refuses a wrong password and an unknown account alike, without a cookie", async () => {
    for (const [email, password] of [
      ["olga@example.com", "wrong password"],
      ["nobody@example.com", PASSWORD],
    ] as const) {
      const response = await signInRequest(email, password, { "x-jobdeck-peer": randomIp() });
      expect(response.status).toBe(401);
      expect(
        response.headers
          .getSetCookie()
          .some((c) => c.includes("session_token=") && !c.includes("session_token=;")),
      ).toBe(false);
    }
  });

  it("refuses a sign-in posted from another site", async () => {
    const response = await signInRequest("olga@example.com", PASSWORD, {
      "x-jobdeck-peer": randomIp(),
      origin: "http://evil.example",
    });
    expect(response.status).toBe(403);
  });

  it("accepts a sign-in at whatever address the app was opened by, and still refuses another site there", async () => {
    // `next start` hands route handlers a localhost URL whatever the browser typed; Host says where it is.
    for (const opened of ["127.0.0.1:3000", "192.0.2.15:3000", "jobdeck-noc.example.net:3000"]) {
      const sameOrigin = await signInRequest("olga@example.com", PASSWORD, {
        "x-forwarded-for": randomIp(),
        host: opened,
        origin: `http://${opened}`,
      });
      expect(sameOrigin.status, opened).toBe(200);
      const crossSite = await signInRequest("olga@example.com", PASSWORD, {
        "x-forwarded-for": randomIp(),
        host: opened,
        origin: "http://evil.example",
      });
      expect(crossSite.status, `evil.example posting to ${opened}`).toBe(403);
    }
  });

  it("offers no public sign-up", async () => {
    const response = await handleAuthRequest(
      new Request(`${ORIGIN}/api/auth/sign-up/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: ORIGIN,
          "x-jobdeck-peer": randomIp(),
        },
        body: JSON.stringify({ email: "new@example.com", password: PASSWORD, name: "New" }),
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await t.db.user.count({ where: { email: "new@example.com" } })).toBe(0);
  });
});

describe("getActor", () => {
  it("is the signed-in user with their role", async () => {
    const cookie = await signedInCookie("olga@example.com", PASSWORD);
    const actor = await getActor(new Request(`${ORIGIN}/api/jobs`, { headers: { cookie } }));
    expect(actor).toMatchObject({ kind: "user", name: "Olga", role: "operator" });
  });

  it("is null for anonymous callers and for a made-up session cookie", async () => {
    expect(await getActor(new Request(`${ORIGIN}/api/jobs`))).toBeNull();
    expect(
      await getActor(
        new Request(`${ORIGIN}/api/jobs`, {
          headers: { cookie: "jobdeck.session_token=forged.value" },
        }),
      ),
    ).toBeNull();
  });

  it("is a read-only display for a live display token, by header or cookie, and null once revoked", async () => {
    const { id, token } = await createDisplayToken("NOC wall", null);
    const byHeader = await getActor(
      new Request(`${ORIGIN}/api/jobs`, { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(byHeader).toEqual({ kind: "display", id, name: "NOC wall", role: "viewer" });
    const byCookie = await getActor(
      new Request(`${ORIGIN}/api/jobs`, { headers: { cookie: `jobdeck.display=${token}` } }),
    );
    expect(byCookie).toEqual(byHeader);
    expect(
      (await t.db.displayToken.findUniqueOrThrow({ where: { id } })).lastUsedAt,
    ).not.toBeNull();
    await revokeDisplayToken(id);
    expect(
      await getActor(
        new Request(`${ORIGIN}/api/jobs`, { headers: { authorization: `Bearer ${token}` } }),
      ),
    ).toBeNull();
  });

  it("prefers a person's session over a display cookie left in their browser", async () => {
    const { token } = await createDisplayToken("left behind", null);
    const session = await signedInCookie("olga@example.com", PASSWORD);
    const actor = await getActor(
      new Request(`${ORIGIN}/api/jobs`, {
        headers: { cookie: `${session}; jobdeck.display=${token}` },
      }),
    );
    expect(actor).toMatchObject({ kind: "user", role: "operator" });
  });
});

describe("first admin", () => {
  it("is created once with a printed random password that signs in", async () => {
    const lines: string[] = [];
    const first = await ensureFirstAdmin(t.db, (line) => lines.push(line));
    expect(first?.email).toBe("admin@jobdeck.local");
    const password = first?.generatedPassword ?? "";
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(lines.join("\n")).toContain(password);
    expect(await ensureFirstAdmin(t.db, (line) => lines.push(line))).toBeNull();
    expect(lines).toHaveLength(1);
    const cookie = await signedInCookie("admin@jobdeck.local", password);
    expect(
      await getActor(new Request(`${ORIGIN}/api/jobs`, { headers: { cookie } })),
    ).toMatchObject({ kind: "user", role: "admin" });
  });
});
