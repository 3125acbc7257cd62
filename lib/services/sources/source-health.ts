import type { HealthStatus, SourceHealth } from "@/lib/contracts/sources";

export interface HealthInput {
  enabled: boolean;
  pollIntervalMs: number;
  timeoutMs: number;
  lastPollAt: Date | null;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  consecutiveFailures: number;
}

/** Polls allowed to be missed before a quiet source counts as stale (backoff and slow vendors). */
const STALE_AFTER_POLLS = 3;

export function sourceHealth(s: HealthInput, now: Date): SourceHealth {
  const lagMs = s.lastSuccessAt ? Math.max(0, now.getTime() - s.lastSuccessAt.getTime()) : null;
  return {
    status: healthStatus(s, lagMs),
    lastPollAt: s.lastPollAt?.toISOString() ?? null,
    lastSuccessAt: s.lastSuccessAt?.toISOString() ?? null,
    lastErrorAt: s.lastErrorAt?.toISOString() ?? null,
    lastError: s.lastError,
    lagMs,
    consecutiveFailures: s.consecutiveFailures,
  };
}

function healthStatus(s: HealthInput, lagMs: number | null): HealthStatus {
  if (!s.enabled) return "disabled";
  const errorIsNewest =
    s.lastErrorAt !== null && (s.lastSuccessAt === null || s.lastErrorAt > s.lastSuccessAt);
  if (errorIsNewest) return "failing";
  if (lagMs === null) return "waiting";
  if (lagMs > STALE_AFTER_POLLS * (s.pollIntervalMs + s.timeoutMs)) return "stale";
  return "healthy";
}
