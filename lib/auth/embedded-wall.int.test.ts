import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as enter } from "@/app/api/display-tokens/enter/route";
import { resetEnvCache } from "@/lib/env";
import { appTestDatabase } from "@/lib/testing/test-db";
import { createDisplayToken } from "./display-tokens";
import { ORIGIN, randomIp, signInRequest } from "./test-support";
import { createUser } from "./users";

appTestDatabase();
const PASSWORD = "correct horse battery";

function embedding(origins: string) {
  vi.stubEnv("JOBDECK_FRAME_ANCESTORS", origins);
  resetEnvCache();
}
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

async function displayCookieFromEnter(): Promise<string> {
  const { token } = await createDisplayToken("NOC wall", null);
  const response = await enter(
    new Request(`${ORIGIN}/api/display-tokens/enter?token=${token}&next=/wall`, {
      headers: { "x-jobdeck-peer": randomIp() },
    }),
    { params: Promise.resolve({}) },
  );
  expect(response.status).toBe(303);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("jobdeck.display="));
  if (!cookie) throw new Error("no display cookie set");
  return cookie;
}

async function sessionCookie(email: string): Promise<string> {
  const response = await signInRequest(email, PASSWORD, { "x-jobdeck-peer": randomIp() });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token="));
  if (!cookie) throw new Error("no session cookie set");
  return cookie;
}

describe("the wall embedded by another site (JOBDECK_FRAME_ANCESTORS)", () => {
  it("off: the display cookie is SameSite=Lax, like the session's", async () => {
    await createUser({ email: "lax@example.com", name: "Lax", password: PASSWORD, role: "viewer" });
    expect(await displayCookieFromEnter()).toMatch(/; SameSite=Lax$/);
    expect(await sessionCookie("lax@example.com")).toMatch(/; SameSite=Lax/i);
  });

  it("on: the display cookie alone becomes SameSite=None; Secure, sessions stay SameSite=Lax", async () => {
    await createUser({
      email: "embed@example.com",
      name: "Embed",
      password: PASSWORD,
      role: "viewer",
    });
    embedding("https://noc.example.com");
    const display = await displayCookieFromEnter();
    expect(display).toMatch(/; SameSite=None; Secure$/);
    const session = await sessionCookie("embed@example.com");
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(session).not.toMatch(/SameSite=None/i);
  });
});
