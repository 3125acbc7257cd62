import { describe, expect, it } from "vitest";
import {
  pan,
  parseTimelineView,
  timelineApiSearch,
  timelineSearch,
  timelineWindow,
  zoomOut,
  zoomTo,
} from "./search-params";

const NOW = Date.parse("2026-03-10T12:34:56Z");
const parse = (s: string) => parseTimelineView(new URLSearchParams(s));

describe("timeline view in the URL", () => {
  it("defaults to the last 24 h grouped by source in the browser's zone", () => {
    expect(parse("")).toEqual({
      preset: "24h",
      from: null,
      to: null,
      group: "source",
      utc: false,
      kinds: [],
      states: [],
    });
    expect(timelineSearch(parse(""))).toBe("");
  });

  it("round-trips a fixed window, grouping, zone and filters", () => {
    const s =
      "from=2026-03-10T10%3A00%3A00.000Z&to=2026-03-10T11%3A00%3A00.000Z&group=vendor&tz=utc&kind=dfm&state=failed";
    expect(timelineSearch(parse(s))).toBe(s);
    expect(parse("from=2026-03-10T11:00:00Z&to=2026-03-10T10:00:00Z").preset).toBe("24h");
  });

  it("ends a preset window a quarter past now, on the minute", () => {
    const w = timelineWindow(parse("range=1h"), NOW);
    expect(new Date(w.from).toISOString()).toBe("2026-03-10T11:34:00.000Z");
    expect(new Date(w.to).toISOString()).toBe("2026-03-10T12:49:00.000Z");
  });

  it("zooms, pans and zooms out into fixed windows", () => {
    const v = zoomTo(
      parse(""),
      Date.parse("2026-03-10T10:00:00Z"),
      Date.parse("2026-03-10T12:00:00Z"),
    );
    expect(v.preset).toBeNull();
    const right = timelineWindow(pan(v, NOW, 0.5), NOW);
    expect(new Date(right.from).toISOString()).toBe("2026-03-10T11:00:00.000Z");
    const out = timelineWindow(zoomOut(v, NOW), NOW);
    expect([new Date(out.from).toISOString(), new Date(out.to).toISOString()]).toEqual([
      "2026-03-10T09:00:00.000Z",
      "2026-03-10T13:00:00.000Z",
    ]);
    expect(timelineApiSearch({ ...v, kinds: ["spp"] }, timelineWindow(v, NOW), 50)).toBe(
      "from=2026-03-10T10%3A00%3A00.000Z&to=2026-03-10T12%3A00%3A00.000Z&group=source&buckets=50&kind=spp",
    );
  });
});
