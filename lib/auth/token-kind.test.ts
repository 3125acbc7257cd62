import { describe, expect, it } from "vitest";
import {
  API_TOKEN,
  DISPLAY_TOKEN,
  hashToken,
  lastUseIsStale,
  tokenHashesEqual,
} from "./token-kind";

describe.each([
  ["display", DISPLAY_TOKEN, "jdd_", "jda_"],
  ["API", API_TOKEN, "jda_", "jdd_"],
] as const)("%s tokens", (_, kind, prefix, otherPrefix) => {
  it(`have the ${prefix} prefix and 32 random bytes, different every time`, () => {
    const token = kind.generate();
    expect(token).toMatch(new RegExp(`^${prefix}[A-Za-z0-9_-]{43}$`));
    expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
    expect(kind.generate()).not.toBe(token);
  });

  it("recognise their own format and nothing else", () => {
    expect(kind.isFormat(kind.generate())).toBe(true);
    expect(kind.isFormat(`${prefix}short`)).toBe(false);
    expect(kind.isFormat(`xyz_${"a".repeat(43)}`)).toBe(false);
    expect(kind.isFormat(`${otherPrefix}${"a".repeat(43)}`)).toBe(false);
    expect(kind.isFormat(`${kind.generate()}x`)).toBe(false);
  });
});

describe("token hashes", () => {
  it("are the SHA-256 hex of the whole token", () => {
    expect(hashToken("jdd_abc")).toBe(
      "02d3b5c7e218e2b77dae1f698eeb9dc0e0824fde153a019a6b4013b1d505aae0",
    );
    expect(hashToken("jdd_abc")).not.toBe(hashToken("jdd_abd"));
  });

  it("compare in constant time and refuse mismatches", () => {
    const hash = hashToken(DISPLAY_TOKEN.generate());
    expect(tokenHashesEqual(hash, hash)).toBe(true);
    expect(tokenHashesEqual(hash, hashToken(DISPLAY_TOKEN.generate()))).toBe(false);
    expect(tokenHashesEqual(hash, "")).toBe(false);
    expect(tokenHashesEqual("", "")).toBe(false);
  });
});

describe("last use", () => {
  it("is written once a minute at most", () => {
    const at = new Date("2026-12-01T00:00:00Z");
    expect(lastUseIsStale(null, at.getTime())).toBe(true);
    expect(lastUseIsStale(at, at.getTime() + 60_000)).toBe(false);
    expect(lastUseIsStale(at, at.getTime() + 60_001)).toBe(true);
  });
});
