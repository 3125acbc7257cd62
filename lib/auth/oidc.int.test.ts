import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { freePort } from "@/lib/testing/free-port";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { handleAuthRequest } from "./handler";
import { ssoEnabled } from "./oidc";
import { ORIGIN, randomIp } from "./test-support";

let t: TestDatabase;
let idp: Server;
let issuer: string;

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}/realms/acme`;
  // Just enough of an identity provider for discovery: where to send the browser and fetch tokens.
  idp = createServer((req, res) => {
    if (req.url !== "/realms/acme/.well-known/openid-configuration")
      return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
        token_endpoint: `${issuer}/protocol/openid-connect/token`,
        userinfo_endpoint: `${issuer}/protocol/openid-connect/userinfo`,
        jwks_uri: `${issuer}/protocol/openid-connect/certs`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
      }),
    );
  });
  await new Promise<void>((resolve) => idp.listen(port, "127.0.0.1", resolve));
  vi.stubEnv("JOBDECK_OIDC_ISSUER", `${issuer}/`);
  vi.stubEnv("JOBDECK_OIDC_CLIENT_ID", "jobdeck");
  vi.stubEnv("JOBDECK_OIDC_CLIENT_SECRET", "idp-secret");
  resetEnvCache();
  t = await createTestDatabase();
  setDb(t.db);
});
afterAll(async () => {
  setDb(undefined);
  vi.unstubAllEnvs();
  resetEnvCache();
  await t.drop();
  await new Promise((resolve) => idp.close(resolve));
});

describe("OIDC single sign-on", () => {
  it("is on when JOBDECK_OIDC_* are set", () => {
    expect(ssoEnabled()).toBe(true);
  });

  it("sends the browser to the provider's authorization endpoint with PKCE and our callback", async () => {
    const response = await handleAuthRequest(
      new Request(`${ORIGIN}/api/auth/sign-in/social`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: ORIGIN,
          "x-jobdeck-peer": randomIp(),
        },
        body: JSON.stringify({
          provider: "oidc",
          callbackURL: "/jobs",
          errorCallbackURL: "/sign-in?error=sso",
        }),
      }),
    );
    expect(response.status).toBe(200);
    const url = new URL(((await response.json()) as { url: string }).url);
    expect(`${url.origin}${url.pathname}`).toBe(`${issuer}/protocol/openid-connect/auth`);
    expect(url.searchParams.get("client_id")).toBe("jobdeck");
    expect(url.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/api/auth/callback/oidc`);
    expect(url.searchParams.get("scope")?.split(" ")).toEqual(
      expect.arrayContaining(["openid", "email", "profile"]),
    );
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("state")).toBeTruthy();
  });

  it("refuses a callback URL on another site", async () => {
    const response = await handleAuthRequest(
      new Request(`${ORIGIN}/api/auth/sign-in/social`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: ORIGIN,
          "x-jobdeck-peer": randomIp(),
        },
        body: JSON.stringify({ provider: "oidc", callbackURL: "https://evil.example/steal" }),
      }),
    );
    expect(response.status).toBe(403);
  });
});
