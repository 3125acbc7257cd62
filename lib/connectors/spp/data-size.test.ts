import { describe, expect, it } from "vitest";
import { parseDataSize, parseThroughput } from "./data-size";

describe("parseDataSize", () => {
  it("reads the document's decimal sizes exactly", () => {
    expect(parseDataSize("37.59 GB")).toBe(37_590_000_000n);
    expect(parseDataSize("0.01 GB")).toBe(10_000_000n);
    expect(parseDataSize("1.5 TB")).toBe(1_500_000_000_000n);
    expect(parseDataSize("12 KB")).toBe(12_000n);
    expect(parseDataSize("512 B")).toBe(512n);
    expect(parseDataSize("0 bytes")).toBe(0n);
    expect(parseDataSize("123.456789 MB")).toBe(123_456_789n);
  });

  it("keeps precision beyond what a double holds", () => {
    expect(parseDataSize("9007199.254740993 GB")).toBe(9_007_199_254_740_993n);
  });

  it("reads binary spellings as powers of two, rounding half a byte up", () => {
    expect(parseDataSize("1.5 GiB")).toBe(1_610_612_736n);
    expect(parseDataSize("0.5 KiB")).toBe(512n);
    expect(parseDataSize("0.0005 KiB")).toBe(1n);
    expect(parseDataSize("0.0004 KiB")).toBe(0n);
  });

  it("is null for anything unreadable, never a throw", () => {
    for (const bad of ["", "n/a", "GB", "-1 GB", "1,5 GB", "12 XB", null, undefined])
      expect(parseDataSize(bad)).toBeNull();
  });
});

describe("parseThroughput", () => {
  it("reads bytes per second from a string or number", () => {
    expect(parseThroughput("217081904")).toBe(217_081_904);
    expect(parseThroughput(1024)).toBe(1024);
    expect(parseThroughput("")).toBeNull();
    expect(parseThroughput("fast")).toBeNull();
    expect(parseThroughput(null)).toBeNull();
  });
});
