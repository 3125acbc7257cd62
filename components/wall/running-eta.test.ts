import { describe, expect, it } from "vitest";
import { etaView } from "./running-eta";

const now = Date.parse("2026-01-01T12:00:00Z");

describe("etaView", () => {
  it("prefers the history estimate, with its spread when it is a minute or more", () => {
    expect(
      etaView(
        {
          progress: 50,
          startedAt: "2026-01-01T11:00:00Z",
          eta: { at: "2026-01-01T12:05:30Z", plusMinusMs: 120_000 },
        },
        now,
      ),
    ).toEqual({
      remainingMs: 330_000,
      text: "5m 30s left ±2m 00s",
      basis: "history",
    });
    expect(
      etaView(
        {
          progress: null,
          startedAt: null,
          eta: { at: "2026-01-01T12:00:45Z", plusMinusMs: 5_000 },
        },
        now,
      ).text,
    ).toBe("45s left");
  });
  it("says overdue once the estimate has passed", () => {
    expect(
      etaView(
        { progress: null, startedAt: null, eta: { at: "2026-01-01T11:59:00Z", plusMinusMs: 0 } },
        now,
      ),
    ).toMatchObject({ remainingMs: 0, text: "overdue" });
  });
  it("extrapolates its own progress without history", () => {
    expect(etaView({ progress: 25, startedAt: "2026-01-01T11:50:00Z", eta: null }, now)).toEqual({
      remainingMs: 1_800_000,
      text: "~30m 00s left",
      basis: "progress",
    });
  });
  it("guesses nothing from too little progress or no start", () => {
    expect(
      etaView({ progress: 1, startedAt: "2026-01-01T11:50:00Z", eta: null }, now).basis,
    ).toBeNull();
    expect(etaView({ progress: 50, startedAt: null, eta: null }, now).text).toBe("no ETA yet");
  });
});
