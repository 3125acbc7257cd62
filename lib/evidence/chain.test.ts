import { describe, expect, it } from "vitest";
import { canonicalJson, hashCanonical, sha256Hex } from "./canonical";
import { chainEntryHash, GENESIS, verifyChain, type StoredChainEntry } from "./chain";

describe("canonical hashing (RFC 8785)", () => {
  it("sorts keys, drops whitespace and writes numbers in ECMAScript form", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: { z: 1e21, y: 0.5, x: -0 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"x":0,"y":0.5,"z":1e+21}}',
    );
  });

  it("gives the same hash whatever the key order, a different one for any changed value", () => {
    expect(hashCanonical({ a: 1, b: "ü" })).toBe(hashCanonical({ b: "ü", a: 1 }));
    expect(hashCanonical({ a: 1, b: "ü" })).not.toBe(hashCanonical({ a: 1, b: "u" }));
    // The RFC's UTF-8 bytes are what is hashed.
    expect(hashCanonical({ b: "ü" })).toBe(sha256Hex(Buffer.from('{"b":"ü"}', "utf8")));
  });

  it("refuses a value without a JSON form", () => {
    expect(() => canonicalJson(undefined)).toThrow(/no JSON form/);
  });
});

const at = (c: StoredChainEntry[], i: number): StoredChainEntry => {
  const e = c[i];
  if (!e) throw new Error(`no entry ${i}`);
  return e;
};

function chainOf(n: number): StoredChainEntry[] {
  const out: StoredChainEntry[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const e = {
      seq,
      kind: seq % 2 ? ("pack" as const) : ("signoff" as const),
      subjectId: `00000000-0000-0000-0000-00000000000${seq}`,
      sha256: sha256Hex(`doc ${seq}`),
      at: new Date(Date.UTC(2027, 0, seq)).toISOString(),
      prevHash: prev,
    };
    const entryHash = chainEntryHash(e);
    out.push({ ...e, entryHash });
    prev = entryHash;
  }
  return out;
}

describe("hash chain", () => {
  it("verifies an untouched chain, and an empty one", () => {
    expect(verifyChain(chainOf(5))).toEqual({
      intact: true,
      entries: 5,
      brokenAt: null,
      problem: null,
    });
    expect(verifyChain([]).intact).toBe(true);
  });

  it("finds an edited field at its entry", () => {
    const c = chainOf(5);
    c[2] = { ...at(c, 2), sha256: sha256Hex("forged") };
    expect(verifyChain(c)).toMatchObject({
      intact: false,
      brokenAt: 3,
      problem: "entry 3 was altered",
    });
  });

  it("finds an edited row even when its own hash was recomputed: the next one no longer follows", () => {
    const c = chainOf(5);
    const forged = { ...at(c, 1), at: "2027-06-01T00:00:00.000Z" };
    c[1] = { ...forged, entryHash: chainEntryHash(forged) };
    expect(verifyChain(c)).toMatchObject({ intact: false, brokenAt: 3 });
  });

  it("finds a deleted row and a row inserted out of order", () => {
    const c = chainOf(5);
    expect(verifyChain([...c.slice(0, 2), ...c.slice(3)])).toMatchObject({
      intact: false,
      brokenAt: 4,
      problem: "entry 3 is missing",
    });
    expect(verifyChain([at(c, 1), at(c, 0)])).toMatchObject({ intact: false, brokenAt: 2 });
  });
});
