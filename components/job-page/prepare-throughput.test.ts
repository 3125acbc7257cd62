import { describe, expect, it } from "vitest";
import { prepareThroughput } from "./prepare-throughput";

const at = (s: number) => new Date(Date.UTC(2025, 0, 1) + s * 1000).toISOString();

describe("prepareThroughput", () => {
  it("sorts by time and scales to the unit of the largest value", () => {
    const d = prepareThroughput([
      { at: at(20), bytesDone: "37590000000", bytesPerSec: 250_000_000, percent: 50 },
      { at: at(10), bytesDone: "1200000000", bytesPerSec: 125_500_000, percent: 10 },
    ]);
    expect(d.rateUnit).toBe("MB/s");
    expect(d.movedUnit).toBe("GB");
    expect(d.rows).toEqual([
      { t: Date.parse(at(10)), rate: 125.5, moved: 1.2 },
      { t: Date.parse(at(20)), rate: 250, moved: 37.59 },
    ]);
  });
  it("keeps missing values as gaps", () => {
    const d = prepareThroughput([{ at: at(0), bytesDone: null, bytesPerSec: null, percent: 5 }]);
    expect(d).toEqual({
      rows: [{ t: Date.parse(at(0)), rate: null, moved: null }],
      rateUnit: "B/s",
      movedUnit: "B",
    });
  });
  it("is empty without samples", () => {
    expect(prepareThroughput([]).rows).toEqual([]);
  });
});
