import { describe, expect, it } from "vitest";
import { formatZoned, formatZonedDate, zoneLabel } from "./zone-time";

const t = Date.parse("2026-07-01T13:05:09Z");

describe("zoned clock text", () => {
  it("shows 24-hour time in the configured zone", () => {
    expect(formatZoned(t, "UTC", true)).toBe("13:05:09");
    expect(formatZoned(t, "Europe/London")).toBe("14:05");
    expect(formatZoned(t, "Asia/Kolkata")).toBe("18:35");
  });
  it("names the zone with its abbreviation or offset", () => {
    expect(zoneLabel(t, "Europe/London")).toBe("Europe/London (BST)");
    expect(zoneLabel(t, "UTC")).toBe("UTC");
    expect(zoneLabel(t, "Asia/Kolkata")).toBe("Asia/Kolkata (GMT+5:30)");
  });
  it("gives the date in the zone, which may differ from UTC's", () => {
    expect(formatZonedDate(Date.parse("2026-07-01T23:30:00Z"), "Asia/Tokyo")).toBe("Thu 2 Jul");
  });
});
