import { describe, expect, it } from "vitest";
import { pdfMayBePrinting, pdfPrintLimitMs } from "./evidence-print";

describe("evidence pack print limit", () => {
  it("is two minutes for a small pack and grows with the runs of a large one", () => {
    expect(pdfPrintLimitMs(10)).toBe(120_000);
    expect(pdfPrintLimitMs(400)).toBe(120_000);
    expect(pdfPrintLimitMs(1_000)).toBe(300_000);
    expect(pdfPrintLimitMs(5_000)).toBe(1_500_000);
  });

  it("treats a pack without a PDF as printing until its limit has passed since issue", () => {
    const issued = new Date("2026-12-02T10:00:00Z");
    const at = (ms: number) => new Date(issued.getTime() + ms);
    expect(pdfMayBePrinting(issued, 1_000, at(299_000))).toBe(true);
    expect(pdfMayBePrinting(issued, 1_000, at(300_000))).toBe(false);
    expect(pdfMayBePrinting(issued, 10, at(119_999))).toBe(true);
    expect(pdfMayBePrinting(issued, 10, at(120_000))).toBe(false);
  });
});
