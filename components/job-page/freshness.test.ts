import { describe, expect, it } from "vitest";
import type { JobSummary } from "@/lib/contracts/jobs";
import { freshnessOf } from "./freshness";

const at = (s: number) => new Date(Date.UTC(2025, 0, 1) + s * 1000).toISOString();
const now = Date.parse(at(100));
const detail = (over: {
  state?: JobSummary["state"];
  refreshedAt?: number;
  lastSuccessAt?: number | null;
  lastErrorAt?: number | null;
  refreshError?: string | null;
}) => ({
  job: { state: over.state ?? "running", goneAt: null } as JobSummary,
  refreshedAt: at(over.refreshedAt ?? 10),
  source: {
    lastSuccessAt: over.lastSuccessAt === null ? null : at(over.lastSuccessAt ?? 96),
    lastError: over.lastErrorAt ? "connect ECONNREFUSED" : null,
    lastErrorAt: over.lastErrorAt ? at(over.lastErrorAt) : null,
  },
  refreshError: over.refreshError ?? null,
});

describe("freshnessOf", () => {
  it("counts an unchanged job as fresh as its source's last good poll", () => {
    expect(freshnessOf(detail({}), now)).toEqual({
      asOf: Date.parse(at(96)),
      stale: false,
      reason: null,
    });
  });
  it("is stale while the source fails", () => {
    const f = freshnessOf(detail({ lastErrorAt: 99, lastSuccessAt: 30 }), now);
    expect(f.stale).toBe(true);
    expect(f.reason).toContain("connect ECONNREFUSED");
  });
  it("is not stale once the source answers again after an error", () => {
    expect(freshnessOf(detail({ lastErrorAt: 50, lastSuccessAt: 96 }), now).stale).toBe(false);
  });
  it("is stale when a read-through failed", () => {
    expect(freshnessOf(detail({ refreshError: "timeout" }), now)).toMatchObject({
      stale: true,
      reason: "timeout",
    });
  });
  it("is stale for an active job unconfirmed for a minute, but not for a finished one", () => {
    expect(freshnessOf(detail({ lastSuccessAt: 20 }), now).stale).toBe(true);
    expect(freshnessOf(detail({ lastSuccessAt: 20, state: "succeeded" }), now).stale).toBe(false);
  });
});
