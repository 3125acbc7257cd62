import { describe, expect, it } from "vitest";
import {
  chipActive,
  explorerSearch,
  exportSearch,
  jobsApiSearch,
  parseExplorerView,
  QUICK_CHIPS,
  rangeStart,
  withFilters,
} from "./search-params";

const parse = (s: string) => parseExplorerView(new URLSearchParams(s));

describe("explorer view in the URL", () => {
  it("round-trips a full view and drops unknown values", () => {
    const s = "kind=dfm%2Contap&state=failed&q=vol1&range=24h&sort=name&order=asc&sel=a%2Cb";
    const v = parse(s);
    expect(v).toMatchObject({
      kinds: ["dfm", "ontap"],
      states: ["failed"],
      q: "vol1",
      range: "24h",
      sort: "name",
      order: "asc",
      selected: ["a", "b"],
    });
    expect(explorerSearch(v)).toBe(s);
    expect(parse("kind=bogus&state=exploded&sort=colour&range=1y")).toMatchObject({
      kinds: [],
      states: [],
      sort: "started",
      range: null,
    });
  });

  it("resets paging and selection when a filter changes", () => {
    const v = withFilters(parse("kind=dfm&cursor=abc&sel=x"), { states: ["running"] });
    expect(explorerSearch(v)).toBe("kind=dfm&state=running");
  });

  it("resolves relative ranges for the API, to the minute, without selection", () => {
    const now = new Date("2026-03-10T12:34:56.789Z");
    expect(jobsApiSearch(parse("range=1h&sel=x&cursor=c"), now)).toBe(
      "from=2026-03-10T11%3A34%3A00.000Z&cursor=c",
    );
    expect(exportSearch(parse("range=1h&cursor=c&kind=spp"), now)).toBe(
      "kind=spp&from=2026-03-10T11%3A34%3A00.000Z",
    );
    expect(rangeStart("7d", now).toISOString()).toBe("2026-03-03T12:34:00.000Z");
    const midnight = rangeStart("today", now);
    expect([midnight.getHours(), midnight.getMinutes(), midnight.getSeconds()]).toEqual([0, 0, 0]);
    expect(midnight.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it("knows which quick chip is on", () => {
    const failedToday = QUICK_CHIPS.find((c) => c.id === "failed-today");
    const running = QUICK_CHIPS.find((c) => c.id === "running");
    if (!failedToday || !running) throw new Error("chips missing");
    expect(chipActive(parse("state=failed&range=today"), failedToday)).toBe(true);
    expect(chipActive(parse("state=failed"), failedToday)).toBe(false);
    expect(chipActive(parse("state=running&kind=dfm"), running)).toBe(true);
  });
});
