import { describe, expect, it } from "vitest";
import type { EventView } from "@/lib/contracts/jobs";
import { holdNewer, mergeEvents, parseSeverities } from "./feed-window";

const ev = (id: number, sec: number): EventView => ({
  id: String(id),
  at: new Date(Date.UTC(2025, 0, 1) + sec * 1000).toISOString(),
  severity: "info",
  type: "t",
  message: `m${id}`,
});

describe("mergeEvents", () => {
  it("merges head and older pages newest first without duplicates, ties broken by id", () => {
    const merged = mergeEvents(
      [ev(5, 50), ev(4, 40), ev(3, 40)],
      [ev(3, 40), ev(2, 20), ev(1, 10)],
    );
    expect(merged.map((e) => e.id)).toEqual(["5", "4", "3", "2", "1"]);
  });
});

describe("parseSeverities", () => {
  it("reads a comma list and drops unknown words", () => {
    expect(parseSeverities("error,bogus,warning")).toEqual(["warning", "error"]);
    expect(parseSeverities(null)).toEqual([]);
  });
});

describe("holdNewer", () => {
  const events = [ev(12, 3), ev(11, 2), ev(10, 1)];
  it("shows everything when the reader is at the top", () => {
    expect(holdNewer(events, null)).toEqual({ visible: events, newCount: 0 });
  });
  it("holds back and counts events newer than the anchor", () => {
    const { visible, newCount } = holdNewer(events, "10");
    expect(visible.map((e) => e.id)).toEqual(["10"]);
    expect(newCount).toBe(2);
  });
});
