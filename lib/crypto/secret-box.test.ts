import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

describe("secret box", () => {
  const key = randomBytes(32);
  it("round-trips and never stores the plain text", () => {
    const sealed = sealSecret("netapp1!", key);
    expect(sealed).not.toContain("netapp1!");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(openSecret(sealed, key)).toBe("netapp1!");
  });
  it("seals the same secret differently each time (random IV)", () => {
    expect(sealSecret("x", key)).not.toBe(sealSecret("x", key));
  });
  it("refuses a tampered ciphertext or the wrong key", () => {
    const sealed = sealSecret("secret", key);
    const parts = sealed.split(".");
    const tampered = [...parts.slice(0, 3), Buffer.from("XXXXXX").toString("base64url")].join(".");
    expect(() => openSecret(tampered, key)).toThrow(/cannot be decrypted/);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow(/cannot be decrypted/);
  });
});
