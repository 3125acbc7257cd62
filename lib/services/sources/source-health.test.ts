import { describe, expect, it } from "vitest";
import { sourceHealth, type HealthInput } from "./source-health";

const now = new Date("2026-03-01T12:00:00Z");
const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000);
const base: HealthInput = {
  enabled: true,
  pollIntervalMs: 15_000,
  timeoutMs: 10_000,
  lastPollAt: at(5),
  lastSuccessAt: at(5),
  lastErrorAt: null,
  lastError: null,
  consecutiveFailures: 0,
};

describe("sourceHealth", () => {
  it("is healthy with the lag since the last success", () => {
    expect(sourceHealth(base, now)).toMatchObject({
      status: "healthy",
      lagMs: 5_000,
      lastSuccessAt: "2026-03-01T11:59:55.000Z",
    });
  });

  it("is failing when the newest outcome is an error, with the error kept", () => {
    const h = sourceHealth(
      {
        ...base,
        lastErrorAt: at(2),
        lastError: "ONTAP refused the credentials",
        consecutiveFailures: 3,
      },
      now,
    );
    expect(h).toMatchObject({
      status: "failing",
      lastError: "ONTAP refused the credentials",
      consecutiveFailures: 3,
      lagMs: 5_000,
    });
  });

  it("is healthy again once a success follows the error", () => {
    expect(sourceHealth({ ...base, lastErrorAt: at(60), lastError: "timeout" }, now).status).toBe(
      "healthy",
    );
  });

  it("is failing with no lag when it never succeeded", () => {
    expect(sourceHealth({ ...base, lastSuccessAt: null, lastErrorAt: at(1) }, now)).toMatchObject({
      status: "failing",
      lagMs: null,
    });
  });

  it("is waiting before the first poll", () => {
    expect(sourceHealth({ ...base, lastPollAt: null, lastSuccessAt: null }, now).status).toBe(
      "waiting",
    );
  });

  it("is stale after three missed poll-plus-timeout windows (75 s here), not before", () => {
    expect(sourceHealth({ ...base, lastSuccessAt: at(75) }, now).status).toBe("healthy");
    expect(sourceHealth({ ...base, lastSuccessAt: at(76) }, now).status).toBe("stale");
  });

  it("is disabled whatever its history", () => {
    expect(sourceHealth({ ...base, enabled: false, lastErrorAt: at(1) }, now).status).toBe(
      "disabled",
    );
  });
});
