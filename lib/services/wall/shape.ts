import type { JobSummary } from "@/lib/contracts/jobs";
import type { WallIncident, WallJob, WallSource, WallTimelineJob } from "@/lib/contracts/wall";

/** A failure's message is a line on the wall, not the vendor's whole report. */
const MAX_MESSAGE = 160;

export const wallJob = (j: JobSummary): WallJob => ({
  id: j.id,
  sourceId: j.sourceId,
  sourceName: j.sourceName,
  kind: j.kind,
  name: j.name,
  state: j.state,
  startedAt: j.startedAt,
  endedAt: j.endedAt,
  sortAt: j.sortAt,
});

export const timelineJob = (j: JobSummary): WallTimelineJob => ({
  id: j.id,
  sourceId: j.sourceId,
  sourceName: j.sourceName,
  name: j.name,
  state: j.state,
  startedAt: j.startedAt,
  endedAt: j.endedAt,
});

export const wallMessage = (message: string | null): string | null =>
  message && message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;

interface SourceRow {
  id: string;
  name: string;
  kind: WallSource["kind"];
  enabled: boolean;
  pollIntervalMs: number;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  consecutiveFailures: number;
  createdAt: Date;
}

/** Ages are measured on the server's clock at `now`, so a screen with a wrong clock still ages them right. */
export function wallSource(s: SourceRow, runningJobs: number, now: Date): WallSource {
  const ago = (d: Date | null) => (d ? Math.max(0, now.getTime() - d.getTime()) : null);
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    enabled: s.enabled,
    pollIntervalMs: s.pollIntervalMs,
    lastSuccessAgoMs: ago(s.lastSuccessAt),
    lastError: s.lastError,
    lastErrorAgoMs: ago(s.lastErrorAt),
    consecutiveFailures: s.consecutiveFailures,
    runningJobs,
    registeredAgoMs: ago(s.createdAt) ?? 0,
  };
}

interface IncidentRow {
  id: string;
  title: string;
  kind: string;
  severity: WallIncident["severity"];
  status: string;
  sourceId: string | null;
  jobId: string | null;
  openedAt: Date;
  acknowledgedBy: string | null;
}

export const wallIncident = (i: IncidentRow): WallIncident => ({
  id: i.id,
  title: i.title,
  kind: i.kind,
  severity: i.severity,
  status: i.status === "acknowledged" ? "acknowledged" : "open",
  sourceId: i.sourceId,
  jobId: i.jobId,
  openedAt: i.openedAt.toISOString(),
  acknowledgedBy: i.acknowledgedBy,
});
