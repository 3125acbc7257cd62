import type {
  EventRecord,
  JobRecord,
  LogLine,
  PhaseRecord,
  SampleRecord,
} from "@/lib/domain/model";
import { parseDataSize, parseThroughput } from "./data-size";
import type { JobSession, LogEntry, ProgressSummary } from "./schemas";
import { logSeverity, mapSessionStatus, mapSummaryStatus } from "./state";

const fromMs = (ms: number | null | undefined) => (ms ? new Date(ms) : null);
/** Progress summaries count time in epoch seconds (job sessions use milliseconds); 0 means "not yet". */
const fromSeconds = (s: number | null | undefined) => (s ? new Date(s * 1000) : null);

export interface SessionDetail {
  session: JobSession;
  summaries: ProgressSummary[];
  logs: LogEntry[];
}

/** One Jobdeck job per SPP job session, with its resources as Gantt lanes and its log as events. */
export function mapJobSession({ session, summaries, logs }: SessionDetail): JobRecord {
  const state = mapSessionStatus(session.status, Boolean(session.end));
  const sorted = sortLog(logs);
  const running = summaries.filter((s) => (s.summaryStatus ?? "").toLowerCase() === "running");
  const sizes = summaries
    .map((s) => parseDataSize(s.totalDataTransferred))
    .filter((b): b is bigint => b !== null);
  const throughput = running
    .map((s) => parseThroughput(s.throughput))
    .filter((n): n is number => n !== null);
  const bytesDone = sizes.length > 0 ? sizes.reduce((a, b) => a + b, 0n) : null;
  const throughputBps =
    state === "running" && throughput.length > 0 ? throughput.reduce((a, b) => a + b, 0) : null;
  const progress = sessionProgress(session, summaries);
  const lastError = [...sorted].reverse().find((l) => logSeverity(l.type) === "error")?.message;
  const sample = sampleOf(running, { bytesDone, throughputBps, progress });
  return {
    vendorId: session.id,
    type: session.type ?? "jobsession",
    name: session.jobName ?? `Job session ${session.id}`,
    state,
    vendorState: session.status,
    progress,
    bytesDone,
    bytesTotal: null,
    throughputBps,
    startedAt: fromMs(session.start),
    endedAt: fromMs(session.end),
    submittedBy: null,
    dataset: session.subPolicyType ?? null,
    policy: session.jobName ?? null,
    cluster: null,
    drGroup: null,
    message: lastError ?? summaries.find((s) => s.message)?.message ?? session.results ?? null,
    raw: { jobsession: session, progress: summaries },
    phases: resourcePhases(summaries),
    events: sorted.flatMap(eventOf),
    log: sorted.map((l, seq): LogLine => ({
      seq,
      at: l.logTime === null ? null : new Date(l.logTime),
      level: l.type ?? null,
      text: l.message ?? "",
    })),
    ...(sample ? { samples: [sample] } : {}),
  };
}

function sessionProgress(session: JobSession, summaries: ProgressSummary[]): number | null {
  if (typeof session.percent === "number") return clampPercent(session.percent);
  const known = summaries
    .map((s) => s.percentageCompleted)
    .filter((p): p is number => typeof p === "number");
  return known.length > 0 ? clampPercent(known.reduce((a, b) => a + b, 0) / known.length) : null;
}

const clampPercent = (p: number) => Math.min(100, Math.max(0, p));

/** Each resource is a lane; while it runs, "phase n of m" become its child phases. */
export function resourcePhases(summaries: ProgressSummary[]): PhaseRecord[] {
  const ordered = [...summaries].sort(
    (a, b) =>
      (a.backupStartTime || Number.MAX_SAFE_INTEGER) -
        (b.backupStartTime || Number.MAX_SAFE_INTEGER) || laneOf(a).localeCompare(laneOf(b)),
  );
  return ordered.flatMap((s, index): PhaseRecord[] => {
    const key = `resource:${s.resourcePk ?? s.id}`;
    const lane = laneOf(s);
    const ended = Boolean(s.backupEndTime);
    const state = mapSummaryStatus(s.summaryStatus, ended);
    const parent: PhaseRecord = {
      key,
      parentKey: null,
      lane,
      name: lane,
      state,
      vendorStatus: s.summaryStatus ?? null,
      order: index * 100,
      startedAt: fromSeconds(s.backupStartTime),
      endedAt: fromSeconds(s.backupEndTime),
      message: s.message ?? null,
    };
    const current = s.phaseNumber ?? 0;
    const total = s.totalPhases ?? 0;
    if (current <= 0 || total <= 0) return [parent];
    const children = Array.from({ length: Math.min(current, total) }, (_, i): PhaseRecord => {
      const n = i + 1;
      const isCurrent = n === current;
      return {
        key: `${key}:phase:${n}`,
        parentKey: key,
        lane,
        name: `Phase ${n} of ${total}${isCurrent && s.resourcePhaseName ? `: ${s.resourcePhaseName}` : ""}`,
        state: isCurrent ? state : "succeeded",
        vendorStatus: isCurrent ? (s.summaryStatus ?? null) : null,
        order: index * 100 + n,
        startedAt: n === 1 ? fromSeconds(s.backupStartTime) : null,
        endedAt: null,
        message:
          isCurrent && typeof s.resourcePhaseProgressPercentage === "number"
            ? `${s.resourcePhaseProgressPercentage}% of this phase done`
            : null,
      };
    });
    return [parent, ...children];
  });
}

const laneOf = (s: ProgressSummary) => s.resourceName ?? s.name ?? s.resourcePk ?? s.id;

/** Log lines in the vendor's order: by time, then by id for lines logged in the same millisecond. */
function sortLog(logs: LogEntry[]): LogEntry[] {
  const time = (l: LogEntry) => l.logTime ?? Number.POSITIVE_INFINITY;
  return [...logs].sort((a, b) => time(a) - time(b) || compareIds(a.id, b.id));
}

function compareIds(a: string | null | undefined, b: string | null | undefined): number {
  if (a && b && /^\d+$/.test(a) && /^\d+$/.test(b))
    return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return (a ?? "").localeCompare(b ?? "");
}

/** A line without a readable time stays in the log but makes no timeline event. */
function eventOf(l: LogEntry): EventRecord[] {
  if (l.logTime === null) return [];
  return [
    {
      key: l.id ? `log:${l.id}` : `log:${l.logTime}:${l.messageId ?? ""}:${hash(l.message ?? "")}`,
      at: new Date(l.logTime),
      severity: logSeverity(l.type),
      type: l.messageId ?? (l.type ?? "INFO").toLowerCase(),
      message: l.message ?? "",
      raw: l,
    },
  ];
}

/** A short, stable fingerprint for log lines that come without an id. */
function hash(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

/** The sample's time is the vendor's own (start + elapsed of the freshest resource), not the poller's clock. */
function sampleOf(
  running: ProgressSummary[],
  totals: { bytesDone: bigint | null; throughputBps: number | null; progress: number | null },
): SampleRecord | null {
  const times = running
    .map((s) =>
      s.backupStartTime && typeof s.elapsedTime === "number"
        ? (s.backupStartTime + s.elapsedTime) * 1000
        : null,
    )
    .filter((t): t is number => t !== null);
  if (times.length === 0) return null;
  return {
    at: new Date(Math.max(...times)),
    bytesDone: totals.bytesDone,
    bytesPerSec: totals.throughputBps,
    percent: totals.progress,
  };
}
