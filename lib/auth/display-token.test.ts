import { describe, expect, it } from "vitest";
import {
  displayTokenHashesEqual,
  generateDisplayToken,
  hashDisplayToken,
  isDisplayTokenFormat,
} from "./display-token";

describe("display tokens", () => {
  it("have the jdd_ prefix and 32 random bytes, different every time", () => {
    const token = generateDisplayToken();
    expect(token).toMatch(/^jdd_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
    expect(generateDisplayToken()).not.toBe(token);
  });

  it("recognise their own format and nothing else", () => {
    expect(isDisplayTokenFormat(generateDisplayToken())).toBe(true);
    expect(isDisplayTokenFormat("jdd_short")).toBe(false);
    expect(isDisplayTokenFormat(`xyz_${"a".repeat(43)}`)).toBe(false);
    expect(isDisplayTokenFormat(`${generateDisplayToken()}x`)).toBe(false);
  });

  it("hash to the SHA-256 hex of the whole token", () => {
    expect(hashDisplayToken("jdd_abc")).toBe(
      "02d3b5c7e218e2b77dae1f698eeb9dc0e0824fde153a019a6b4013b1d505aae0",
    );
    expect(hashDisplayToken("jdd_abc")).not.toBe(hashDisplayToken("jdd_abd"));
  });

  it("compare hashes in constant time and refuse mismatches", () => {
    const hash = hashDisplayToken(generateDisplayToken());
    expect(displayTokenHashesEqual(hash, hash)).toBe(true);
    expect(displayTokenHashesEqual(hash, hashDisplayToken(generateDisplayToken()))).toBe(false);
    expect(displayTokenHashesEqual(hash, "")).toBe(false);
    expect(displayTokenHashesEqual("", "")).toBe(false);
  });
});
