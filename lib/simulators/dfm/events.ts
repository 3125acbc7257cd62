import { DETAIL_ELEMENT, type SimJob } from "./job";
import { endOf, jobAt, neverStarted, transferAt } from "./timeline";

export type EventStatus = "normal" | "warning" | "error";

export interface SimEvent {
  id: number;
  jobId: number;
  type: string;
  status: EventStatus;
  message: string;
  error: string | null;
  atMs: number;
  detailName: string | null;
  detail: Record<string, string> | null;
}

/**
 * Event ids are allotted in blocks per job (job id × 1000 + slot), so an event keeps its id however
 * late it is first listed and replays list it identically.
 */
const SLOT = {
  start: 0,
  interfaces: 1,
  transfers: 10,
  perTransfer: 20,
  points: 300,
  abort: 900,
  end: 999,
} as const;
const MAX_PROGRESS = 8;

export function eventsAt(job: SimJob, now: number): SimEvent[] {
  const base = job.id * 1000;
  const out: SimEvent[] = [];
  const push = (slot: number, atMs: number, e: Omit<SimEvent, "id" | "jobId" | "atMs">) => {
    if (atMs <= now) out.push({ id: base + slot, jobId: job.id, atMs, ...e });
  };
  const state = jobAt(job, now);
  const none = { error: null, detailName: null, detail: null } as const;
  if (!neverStarted(job)) {
    const stop = endOf(job);
    push(SLOT.start, job.startMs, {
      type: "job-start",
      status: "normal",
      message: `Job ${job.id} started: ${job.description}`,
      ...none,
    });
    if (stop >= job.startMs + 3_000) {
      push(SLOT.interfaces, job.startMs + 1_000, {
        type: "job-progress",
        status: "normal",
        message: "Retrieving preferred interfaces",
        ...none,
      });
      push(SLOT.interfaces + 1, job.startMs + 3_000, {
        type: "job-progress",
        status: "normal",
        message: "Retrieved preferred interfaces",
        ...none,
      });
    }
    job.transfers.forEach((t, i) => {
      const at = transferAt(job, t, now);
      if (!at.started) return;
      const slot = SLOT.transfers + i * SLOT.perTransfer;
      const detailName = DETAIL_ELEMENT[t.kind];
      const withBytes = (bytes: bigint) =>
        "bytes-transferred" in t.detail
          ? { ...t.detail, "bytes-transferred": bytes.toString() }
          : t.detail;
      const bytesAt = (ms: number) => transferAt(job, t, ms).bytes;
      push(slot, at.startMs, {
        type: `${t.kind}-start`,
        status: "normal",
        message: t.startMessage,
        error: null,
        detailName,
        detail: withBytes(0n),
      });
      const every = Math.max(15_000, Math.ceil(t.durationMs / MAX_PROGRESS));
      for (
        let k = 1, ms = at.startMs + every;
        k <= MAX_PROGRESS && ms < at.endMs;
        k++, ms += every
      ) {
        const bytes = bytesAt(ms);
        push(slot + k, ms, {
          type: `${t.kind}-progress`,
          status: "normal",
          message: `${bytes} bytes transferred`,
          error: null,
          detailName,
          detail: withBytes(bytes),
        });
      }
      const failed = at.outcome !== "success";
      const error =
        at.outcome === "aborted"
          ? "Transfer stopped: job aborted"
          : at.outcome === "failure"
            ? (t.errorMessage ?? "Transfer failed")
            : null;
      push(slot + SLOT.perTransfer - 1, at.endMs, {
        type: `${t.kind}-end`,
        status: failed ? "error" : "normal",
        message: failed ? t.endMessage.replace("completed", "failed") : t.endMessage,
        error,
        detailName,
        detail: withBytes(bytesAt(at.endMs)),
      });
    });
    job.points.forEach((p, j) => {
      const atMs = job.startMs + p.offsetMs;
      if (atMs <= stop)
        push(SLOT.points + j, atMs, {
          type: p.type,
          status: "normal",
          message: p.message,
          error: null,
          detailName: DETAIL_ELEMENT[p.type],
          detail: p.detail,
        });
    });
  }
  if (job.abortRequestedMs !== null) {
    const by = job.abortedBy ?? "dfm";
    push(SLOT.abort, job.abortRequestedMs, {
      type: "job-abort",
      status: "warning",
      message: `Abort requested by ${by}`,
      error: null,
      detailName: DETAIL_ELEMENT["job-abort"],
      detail: { "aborted-by": by },
    });
  }
  if (state.completedMs !== null) {
    const status: EventStatus =
      state.state === "aborted"
        ? "warning"
        : state.progress === "success" || state.progress === "in_progress"
          ? "normal"
          : state.progress === "partial_success"
            ? "warning"
            : "error";
    const message =
      state.state === "aborted"
        ? `Job ${job.id} aborted`
        : `Job ${job.id} completed (${state.progress})`;
    const error = status === "error" ? "One or more transfers failed" : null;
    push(SLOT.end, state.completedMs, {
      type: "job-end",
      status,
      message,
      error,
      detailName: null,
      detail: null,
    });
  }
  return out.sort((a, b) => a.atMs - b.atMs || a.id - b.id);
}
