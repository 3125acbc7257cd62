import { describe, expect, it } from "vitest";
import { VendorProtocolError } from "../errors";
import { RequestLimiter } from "./request-limit";
import { parseRetryAfter, resolveUrl } from "./vendor-request";

describe("resolveUrl", () => {
  it("resolves paths against the base URL and keeps links on the source's own origin", () => {
    expect(resolveUrl("https://spp.example:8443/", "/api/progress?pageSize=5")).toBe(
      "https://spp.example:8443/api/progress?pageSize=5",
    );
    expect(resolveUrl("https://a.example/ws", "https://a.example/ws/next?page=2")).toBe(
      "https://a.example/ws/next?page=2",
    );
  });
  it("refuses a link to another host, so credentials never leave the configured appliance", () => {
    expect(() => resolveUrl("https://a.example", "https://evil.example/api")).toThrow(
      VendorProtocolError,
    );
    expect(() => resolveUrl("https://a.example", "//evil.example/api")).toThrow(/another host/);
    expect(() => resolveUrl("https://a.example", "http://a.example/api")).toThrow(/another host/);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-30T12:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("7", now)).toBe(7_000);
    expect(parseRetryAfter("Mon, 30 Nov 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Mon, 30 Nov 2026 11:00:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
  });
});

describe("RequestLimiter", () => {
  it("never runs more than its limit at once, and runs everything", async () => {
    const limiter = new RequestLimiter(2);
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const tasks = Array.from({ length: 6 }, (_, i) =>
      limiter.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => releases.push(r));
        running--;
        return i;
      }),
    );
    for (let done = 0; done < 6; done++) {
      await expect.poll(() => releases.length).toBeGreaterThan(0);
      releases.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });
});
