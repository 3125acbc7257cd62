import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyId, needsReseal, openSecret, sealSecret } from "./secret-box";

/** What Jobdeck stored before key ids and associated data. */
function sealV1(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ct]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

describe("secret box", () => {
  const key = randomBytes(32);
  const aad = "jobdeck:source-credential:1";

  it("round-trips with a key id and never stores the plain text", () => {
    const sealed = sealSecret("netapp1!", key, aad);
    expect(sealed).not.toContain("netapp1!");
    expect(sealed.split(".").slice(0, 2)).toEqual(["v2", keyId(key)]);
    expect(openSecret(sealed, key, aad)).toBe("netapp1!");
  });

  it("seals the same secret differently each time (random IV)", () => {
    expect(sealSecret("x", key, aad)).not.toBe(sealSecret("x", key, aad));
  });

  it("refuses a tampered ciphertext, the wrong key, or another record's associated data", () => {
    const sealed = sealSecret("secret", key, aad);
    const parts = sealed.split(".");
    const tampered = [...parts.slice(0, 4), Buffer.from("XXXXXX").toString("base64url")].join(".");
    expect(() => openSecret(tampered, key, aad)).toThrow(/cannot be decrypted/);
    expect(() => openSecret(sealed, randomBytes(32), aad)).toThrow(
      /neither JOBDECK_SECRET_KEY nor/,
    );
    expect(() => openSecret(sealed, key, "jobdeck:source-credential:2")).toThrow(
      /belongs to another record/,
    );
  });

  it("opens values sealed with an earlier key or in the old format, and says which need resealing", () => {
    const old = randomBytes(32);
    const byOld = sealSecret("rotated", old, aad);
    expect(openSecret(byOld, [key, old], aad)).toBe("rotated");
    expect(needsReseal(byOld, key)).toBe(true);
    const legacy = sealV1("legacy", old);
    expect(openSecret(legacy, [key, old], aad)).toBe("legacy");
    expect(needsReseal(legacy, key)).toBe(true);
    expect(needsReseal(sealSecret("x", key, aad), key)).toBe(false);
  });
});
