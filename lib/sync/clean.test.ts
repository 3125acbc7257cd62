import { describe, expect, it } from "vitest";
import { clean, cleanIndexed, cleanJson, cleanKey, INDEXED_TEXT_MAX } from "./clean";

describe("vendor text cleaning", () => {
  it("drops NUL bytes", () => {
    expect(clean("a\u0000b")).toBe("ab");
    expect(clean(null)).toBeNull();
  });

  it("replaces lone surrogates, keeps pairs, and cleans every string of a record", () => {
    expect(clean("a\uD800b\uDFFFc😀")).toBe("a\uFFFDb\uFFFDc😀");
    expect(JSON.parse(cleanJson({ name: "x\u0000\uD800", list: ["\uDC00"], n: 1 }))).toEqual({
      name: "x\uFFFD",
      list: ["\uFFFD"],
      n: 1,
    });
    expect(cleanJson(undefined)).toBe("null");
  });

  it("keeps indexed text up to the limit and cuts a longer one, by characters, with an ellipsis", () => {
    const fits = "x".repeat(INDEXED_TEXT_MAX);
    expect(cleanIndexed(fits)).toBe(fits);
    const huge = "<b>huge</b>".repeat(95_000);
    const cut = cleanIndexed(huge);
    expect(Array.from(cut)).toHaveLength(INDEXED_TEXT_MAX);
    expect(cut.endsWith("…")).toBe(true);
    expect(huge.startsWith(cut.slice(0, -1))).toBe(true);
    // Astral characters (four UTF-8 bytes) are never split in half.
    expect(
      Array.from(cleanIndexed("😀".repeat(INDEXED_TEXT_MAX + 5))).every(
        (c) => c === "😀" || c === "…",
      ),
    ).toBe(true);
    expect(cleanIndexed(null)).toBeNull();
  });

  it("keeps short keys as sent and turns a long one into a stable, distinct, bounded key", () => {
    expect(cleanKey("step:1")).toBe("step:1");
    const long = "k".repeat(1_000_000);
    expect(cleanKey(long)).toBe(cleanKey(long));
    expect(cleanKey(long)).not.toBe(cleanKey(`${long}x`));
    expect(Array.from(cleanKey(long)).length).toBeLessThanOrEqual(INDEXED_TEXT_MAX);
    expect(cleanKey(null)).toBeNull();
  });
});
