import { describe, expect, it } from "vitest";
import {
  formatAgeShort,
  isQuiet,
  panelFreshness,
  sourceQuietAfterMs,
  streamTrusted,
} from "./freshness";

describe("streamTrusted", () => {
  const t0 = 1_000_000;
  it("trusts a connected stream that spoke within 40 s", () => {
    expect(
      streamTrusted({ connected: true, lastMessageAt: t0, droppedAt: null }, t0 + 40_000, t0),
    ).toBe(true);
    expect(
      streamTrusted({ connected: true, lastMessageAt: t0, droppedAt: null }, t0 + 40_001, t0),
    ).toBe(false);
  });
  it("gives a dropped stream 10 s to reconnect", () => {
    const dropped = { connected: false, lastMessageAt: t0, droppedAt: t0 + 1_000 };
    expect(streamTrusted(dropped, t0 + 11_000, t0)).toBe(true);
    expect(streamTrusted(dropped, t0 + 11_001, t0)).toBe(false);
  });
  it("counts from page load before the first message", () => {
    const none = { connected: false, lastMessageAt: null, droppedAt: null };
    expect(streamTrusted(none, t0 + 9_000, t0)).toBe(true);
    expect(streamTrusted(none, t0 + 10_001, t0)).toBe(false);
  });
});

describe("source quiet", () => {
  it("waits three polls, at least 30 s", () => {
    expect(sourceQuietAfterMs(2_000)).toBe(30_000);
    expect(sourceQuietAfterMs(60_000)).toBe(180_000);
  });
  const src = { name: "a", pollIntervalMs: 10_000, enabled: true, registeredAgeMs: 3_600_000 };
  it("calls a source quiet after three missed polls, a disabled one never", () => {
    expect(isQuiet({ ...src, ageMs: 30_000 })).toBe(false);
    expect(isQuiet({ ...src, ageMs: 30_001 })).toBe(true);
    expect(isQuiet({ ...src, ageMs: 999_999, enabled: false })).toBe(false);
  });
  it("calls a never-polled source quiet only once it has had time to be polled", () => {
    expect(isQuiet({ ...src, ageMs: null })).toBe(true);
    expect(isQuiet({ ...src, ageMs: null, registeredAgeMs: 20_000 })).toBe(false);
  });
});

describe("panelFreshness", () => {
  const ok = {
    name: "ONTAP",
    ageMs: 5_000,
    pollIntervalMs: 10_000,
    enabled: true,
    registeredAgeMs: 3_600_000,
  };
  it("is fresh with a live stream and talking sources", () => {
    expect(panelFreshness({ dataAgeMs: 3_000, streamOk: true, sources: [ok] })).toEqual({
      stale: false,
      reason: null,
      ageMs: 3_000,
      label: "data 3 s old",
    });
  });
  it("goes stale everywhere when the stream is lost or the data stops arriving", () => {
    expect(panelFreshness({ dataAgeMs: 185_000, streamOk: false, sources: [ok] })).toMatchObject({
      stale: true,
      reason: "stream",
      label: "live feed lost · data 3 min old",
    });
    expect(panelFreshness({ dataAgeMs: 41_000, streamOk: true, sources: [ok] })).toMatchObject({
      stale: true,
      reason: "stream",
    });
  });
  it("names the quiet source and its age", () => {
    const quiet = { ...ok, name: "Commvault", ageMs: 125_000 };
    expect(panelFreshness({ dataAgeMs: 2_000, streamOk: true, sources: [ok, quiet] })).toEqual({
      stale: true,
      reason: "source",
      ageMs: 125_000,
      label: "Commvault quiet · data 2 min old",
    });
    expect(
      panelFreshness({
        dataAgeMs: 2_000,
        streamOk: true,
        sources: [quiet, { ...quiet, name: "x", ageMs: null }],
      }).label,
    ).toBe("2 sources quiet · never polled");
  });
});

describe("formatAgeShort", () => {
  it.each([
    [0, "0 s"],
    [59_999, "59 s"],
    [60_000, "1 min"],
    [3_600_000, "1 h"],
    [200_000_000, "2 d"],
  ])("%d ms is %s", (ms, text) => {
    expect(formatAgeShort(ms)).toBe(text);
  });
});
