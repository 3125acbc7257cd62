import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { requestOrigin, trustedOrigins } from "./trusted-origins";

const request = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/auth/sign-in/email", { method: "POST", headers });

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("trusted origins", () => {
  it("is the address the browser opened, from Host, whatever the request URL says", () => {
    expect(requestOrigin(request({ host: "10.1.2.3:3000" }))).toBe("http://10.1.2.3:3000");
    expect(requestOrigin(request({ host: "NOC-Wall.example:3000" }))).toBe(
      "http://noc-wall.example:3000",
    );
  });

  it("follows a proxy's forwarded host and scheme", () => {
    expect(
      requestOrigin(
        request({
          host: "127.0.0.1:3000",
          "x-forwarded-host": "jobdeck.example.com",
          "x-forwarded-proto": "https",
        }),
      ),
    ).toBe("https://jobdeck.example.com");
  });

  it("trusts nothing extra when JOBDECK_PUBLIC_URL pins the origin", () => {
    vi.stubEnv("JOBDECK_PUBLIC_URL", "https://jobdeck.example.com");
    resetEnvCache();
    expect(trustedOrigins(request({ host: "10.1.2.3:3000" }))).toEqual([]);
  });

  it("trusts the request's own origin in the demo, and nothing without a request", () => {
    expect(trustedOrigins(request({ host: "10.1.2.3:3000" }))).toEqual(["http://10.1.2.3:3000"]);
    expect(trustedOrigins()).toEqual([]);
  });
});
