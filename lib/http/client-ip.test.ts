import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { clientAddress, PEER_HEADER, trustPeerHeader } from "./client-ip";

const req = (headers: Record<string, string>) => new Request("http://localhost/", { headers });

function withProxies(value: string) {
  vi.stubEnv("JOBDECK_TRUSTED_PROXIES", value);
  resetEnvCache();
}

beforeAll(() => trustPeerHeader());
afterEach(() => withProxies(""));

describe("clientAddress", () => {
  it("is the socket's peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    withProxies("");
    expect(clientAddress(req({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "1.2.3.4" }))).toBe(
      "203.0.113.7",
    );
    expect(clientAddress(req({ [PEER_HEADER]: "::ffff:203.0.113.7" }))).toBe("203.0.113.7");
  });

  it("reads X-Forwarded-For from the right behind a trusted proxy, so a client cannot pick its address", () => {
    withProxies("10.0.0.0/8, 192.168.1.5");
    // The client wrote "6.6.6.6" itself; the proxy appended the address it saw.
    expect(
      clientAddress(req({ [PEER_HEADER]: "10.1.2.3", "x-forwarded-for": "6.6.6.6, 198.51.100.9" })),
    ).toBe("198.51.100.9");
    // Two trusted hops: skip both.
    expect(
      clientAddress(
        req({ [PEER_HEADER]: "10.1.2.3", "x-forwarded-for": "198.51.100.9, 192.168.1.5" }),
      ),
    ).toBe("198.51.100.9");
    // A peer outside the trusted ranges is the client whatever it claims.
    expect(
      clientAddress(req({ [PEER_HEADER]: "198.51.100.1", "x-forwarded-for": "10.0.0.1" })),
    ).toBe("198.51.100.1");
    // Garbage in the header falls back to the proxy itself rather than a made-up key.
    expect(clientAddress(req({ [PEER_HEADER]: "10.1.2.3", "x-forwarded-for": "<script>" }))).toBe(
      "10.1.2.3",
    );
  });

  it("is unknown when no peer address was recorded", () => {
    expect(clientAddress(req({ "x-forwarded-for": "1.2.3.4" }))).toBe("unknown");
  });
});
