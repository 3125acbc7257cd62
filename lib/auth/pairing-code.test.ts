import { describe, expect, it } from "vitest";
import {
  generateDeviceSecret,
  generatePairingCode,
  hashDeviceSecret,
  normalizePairingCode,
} from "./pairing-code";

describe("pairing codes", () => {
  it("are two groups of four unambiguous symbols", () => {
    for (let i = 0; i < 200; i++)
      expect(generatePairingCode()).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });
  it("accept what a person types: any case, spaces or no dash", () => {
    expect(normalizePairingCode("k7qm 4xtp")).toBe("K7QM-4XTP");
    expect(normalizePairingCode("K7QM-4XTP")).toBe("K7QM-4XTP");
    expect(normalizePairingCode("k7qm4xtp")).toBe("K7QM-4XTP");
  });
  it("refuse anything that cannot be a code", () => {
    expect(normalizePairingCode("K7QM-4XT")).toBeNull();
    expect(normalizePairingCode("K7QM-4XT0")).toBeNull();
    expect(normalizePairingCode("")).toBeNull();
  });
  it("hash device secrets so the stored value cannot claim the token", () => {
    const secret = generateDeviceSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashDeviceSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashDeviceSecret(secret)).not.toContain(secret);
  });
});
