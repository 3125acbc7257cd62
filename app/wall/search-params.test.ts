import { describe, expect, it } from "vitest";
import { parseWallConfig, wallPathWithout } from "./search-params";

describe("parseWallConfig", () => {
  it("shows every panel in one set with no rotation by default", () => {
    const c = parseWallConfig({});
    expect(c.sets).toEqual([["running", "failures", "sources", "dr", "timeline"]]);
    expect(c.rotateSeconds).toBe(0);
    expect(c).toMatchObject({
      sources: [],
      zone: null,
      timelineHours: 6,
      title: null,
      warnings: [],
    });
  });

  it("reads sets, rotation, sources, zone, hours and title", () => {
    const c = parseWallConfig({
      set: ["running,failures", "sources, dr,timeline"],
      rotate: "20",
      sources: "ontap,Commvault (demo)",
      zone: "Europe/London",
      hours: "12",
      title: " NOC 1 ",
    });
    expect(c.sets).toEqual([
      ["running", "failures"],
      ["sources", "dr", "timeline"],
    ]);
    expect(c).toMatchObject({
      rotateSeconds: 20,
      sources: ["ontap", "Commvault (demo)"],
      zone: "Europe/London",
      timelineHours: 12,
      title: "NOC 1",
    });
  });

  it("takes panels= as a single set, without duplicates", () => {
    expect(parseWallConfig({ panels: "failures,running,failures" }).sets).toEqual([
      ["failures", "running"],
    ]);
  });

  it("falls back to defaults with a warning for each bad value", () => {
    const c = parseWallConfig({
      set: ["running", "nope"],
      rotate: "2",
      zone: "Mars/Olympus",
      hours: "99",
      panels: "",
    });
    expect(c.sets).toEqual([["running"]]);
    expect(c.zone).toBeNull();
    expect(c.timelineHours).toBe(6);
    expect(c.warnings).toEqual([
      'unknown panel "nope"',
      "rotate must be a whole number from 5 to 3600",
      'unknown time zone "Mars/Olympus"',
      "hours must be a whole number from 1 to 48",
    ]);
  });

  it("holds the first set when rotate=0", () => {
    expect(parseWallConfig({ set: ["running", "dr"], rotate: "0" }).rotateSeconds).toBe(0);
    expect(parseWallConfig({ set: ["running", "dr"] }).rotateSeconds).toBe(30);
  });
});

describe("wallPathWithout", () => {
  it("keeps every other parameter, repeated ones included", () => {
    expect(wallPathWithout({ token: "jdd_x", set: ["a", "b"], zone: "UTC" }, "token")).toBe(
      "/wall?set=a&set=b&zone=UTC",
    );
    expect(wallPathWithout({ token: "jdd_x" }, "token")).toBe("/wall");
  });
});
