import { naturalEndMs, resourceRunMs, type ResourcePlan, type SessionPlan } from "./plan";

/** The `summaryStatus` words the progress document lists. */
export type SummaryStatus = "pending" | "running" | "complete" | "partial" | "failed" | "skipped";

export interface ResourceState {
  status: SummaryStatus;
  startMs: number | null;
  endMs: number | null;
  bytesDone: number;
  percent: number;
  bytesPerSec: number;
  /** 1-based while running, 0 otherwise (as the documented finished summary shows). */
  phaseNumber: number;
  phasePercent: number;
  message: string | null;
  errorCode: number;
}

export interface SessionState {
  status: string;
  endMs: number | null;
  percent: number;
}

/** Everything a stop (cancel or fail) cuts short, and when the session finally settles. */
function stopTimes(
  plan: SessionPlan,
  cancelingMs: number,
): { cutAt: number | null; settledAt: number | null } {
  if (!plan.stop) return { cutAt: null, settledAt: null };
  return {
    cutAt: plan.stop.at,
    settledAt: plan.stop.kind === "cancel" ? plan.stop.at + cancelingMs : plan.stop.at,
  };
}

export function resourceState(
  plan: SessionPlan,
  r: ResourcePlan,
  now: number,
  cancelingMs: number,
): ResourceState {
  const start = plan.startMs + plan.queueMs + r.offsetMs;
  const naturalEnd = start + resourceRunMs(r);
  const { cutAt, settledAt } = stopTimes(plan, cancelingMs);
  const idle: ResourceState = {
    status: "pending",
    startMs: null,
    endMs: null,
    bytesDone: 0,
    percent: 0,
    bytesPerSec: 0,
    phaseNumber: 0,
    phasePercent: 0,
    message: null,
    errorCode: 0,
  };
  const cut = cutAt !== null && cutAt < naturalEnd && now >= cutAt ? cutAt : null;
  if (cut !== null && cut <= start) {
    return {
      ...idle,
      status: "skipped",
      message:
        plan.stop?.kind === "fail"
          ? "Job session failed before this resource started"
          : "Canceled before this resource started",
    };
  }
  if (now < start) return idle;
  const rate = r.sizeBytes / (r.durationMs / 1000);
  if (cut !== null) {
    const bytesDone = Math.round(rate * ((cut - start) / 1000));
    const failed = plan.stop?.kind === "fail";
    return {
      ...idle,
      status: failed ? "failed" : "skipped",
      startMs: start,
      endMs: cut,
      bytesDone,
      percent: Math.floor(((cut - start) / r.durationMs) * 100),
      bytesPerSec: averageRate(bytesDone, start, cut),
      message: failed ? (plan.stop?.reason ?? "Job session failed") : "Canceled by user",
      errorCode: failed ? 1013 : 0,
    };
  }
  if (now >= naturalEnd) {
    const bytesDone =
      r.outcome === "failed" ? Math.round(r.sizeBytes * r.failFraction) : r.sizeBytes;
    const discarded =
      plan.stop?.kind === "cancel" &&
      !plan.stop.catalogCompletedObjects &&
      settledAt !== null &&
      now >= settledAt;
    return {
      ...idle,
      status: discarded ? "skipped" : r.outcome,
      startMs: start,
      endMs: naturalEnd,
      bytesDone,
      percent: r.outcome === "failed" ? Math.floor(r.failFraction * 100) : 100,
      bytesPerSec: averageRate(bytesDone, start, naturalEnd),
      message: discarded ? "Canceled: completed objects were not cataloged" : outcomeMessage(r),
      errorCode: r.outcome === "failed" ? 1013 : 0,
    };
  }
  const fraction = (now - start) / r.durationMs;
  const phase = phaseAt(r, fraction);
  return {
    ...idle,
    status: "running",
    startMs: start,
    bytesDone: Math.round(r.sizeBytes * fraction),
    percent: Math.floor(fraction * 100),
    bytesPerSec: Math.round(rate * (1 + 0.15 * Math.sin(now / 37_000 + r.wobble))),
    phaseNumber: phase.number,
    phasePercent: phase.percent,
  };
}

function averageRate(bytes: number, start: number, end: number): number {
  return end > start ? Math.round(bytes / ((end - start) / 1000)) : 0;
}

function outcomeMessage(r: ResourcePlan): string | null {
  if (r.outcome === "failed")
    return `Failed to back up ${r.name}: the data mover lost its connection to the vSnap server`;
  if (r.outcome === "partial") {
    return r.vmdkCount > 1
      ? `${r.vmdkCount - 1} of ${r.vmdkCount} disks protected; 1 disk was skipped (independent mode)`
      : "Backup completed; log truncation was skipped";
  }
  return null;
}

/** Phases split a resource's run evenly, so "phase n of m" advances as the clock does. */
export function phaseAt(
  r: ResourcePlan,
  fraction: number,
): { number: number; percent: number; startFraction: number } {
  const m = r.phases.length;
  const scaled = Math.min(m - 1e-9, Math.max(0, fraction * m));
  const index = Math.floor(scaled);
  return {
    number: index + 1,
    percent: Math.floor((scaled - index) * 100),
    startFraction: index / m,
  };
}

/** Protected disks: partial VM backups leave one disk out. */
export function protectedVmdks(r: ResourcePlan, state: ResourceState): number {
  if (state.status === "complete") return r.vmdkCount;
  if (state.status === "partial") return Math.max(0, r.vmdkCount - 1);
  return 0;
}

export function sessionState(plan: SessionPlan, now: number, cancelingMs: number): SessionState {
  const states = plan.resources.map((r) => resourceState(plan, r, now, cancelingMs));
  const percent =
    states.length === 0 ? 0 : Math.floor(states.reduce((s, x) => s + x.percent, 0) / states.length);
  const { settledAt } = stopTimes(plan, cancelingMs);
  if (plan.stop && now >= plan.stop.at && settledAt !== null) {
    if (plan.stop.kind === "fail") return { status: "FAILED", endMs: plan.stop.at, percent };
    return now < settledAt
      ? { status: "CANCELING", endMs: null, percent }
      : { status: "CANCELED", endMs: settledAt, percent };
  }
  if (now < plan.startMs + plan.queueMs) return { status: "PENDING", endMs: null, percent: 0 };
  const end = naturalEndMs(plan);
  if (now < end) return { status: "RUNNING", endMs: null, percent };
  const failed = states.filter((s) => s.status === "failed").length;
  const partial = states.some((s) => s.status === "partial");
  const status =
    failed === states.length ? "FAILED" : failed > 0 || partial ? "PARTIAL" : "COMPLETED";
  return { status, endMs: end, percent: 100 };
}

/** Still stoppable: the simulator accepts cancel and fail only for these. */
export function isStoppable(plan: SessionPlan, now: number, cancelingMs: number): boolean {
  const { status } = sessionState(plan, now, cancelingMs);
  return status === "RUNNING" || status === "PENDING";
}
