import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("allow scripts only from this origin or with the nonce, never unsafe-inline, and no framing by default", () => {
    const headers = securityHeaders({
      nonce: "abc123",
      frameAncestors: [],
      secure: false,
      dev: false,
    });
    const csp = headers["content-security-policy"] ?? "";
    const scripts = csp.split("; ").find((d) => d.startsWith("script-src")) ?? "";
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  it("let the configured NOC portals frame the wall, and send HSTS over HTTPS", () => {
    const headers = securityHeaders({
      nonce: "n",
      frameAncestors: ["https://noc.example.com", "https://portal.example.org"],
      secure: true,
      dev: false,
    });
    expect(headers["content-security-policy"]).toContain(
      "frame-ancestors https://noc.example.com https://portal.example.org",
    );
    expect(headers["x-frame-options"]).toBeUndefined();
    expect(headers["strict-transport-security"]).toMatch(/^max-age=\d+; includeSubDomains$/);
  });

  it("allow eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n", frameAncestors: [], dev: true })).toContain(
      "'unsafe-eval'",
    );
    expect(contentSecurityPolicy({ nonce: "n", frameAncestors: [], dev: false })).not.toContain(
      "unsafe-eval",
    );
  });
});
