import { formatDataSize } from "./data-size";
import type { SessionPlan } from "./plan";
import { resourceState, sessionState } from "./timeline";

export interface LogEntry {
  id: string;
  jobsessionId: string;
  logTime: number;
  type: "INFO" | "WARN" | "ERROR" | "SUMMARY" | "DETAIL";
  messageId: string;
  message: string;
  messageParams: string[];
}

/**
 * The session's job log as of `now`. Each line's id comes from its place in the session's structure
 * (not from when it was asked for), so a line keeps its id however often the log is read.
 */
export function jobLog(plan: SessionPlan, now: number, cancelingMs: number): LogEntry[] {
  const out: LogEntry[] = [];
  const base = Number(plan.id) * 1000;
  const add = (
    code: number,
    at: number,
    type: LogEntry["type"],
    messageId: string,
    message: string,
  ) => {
    if (at <= now)
      out.push({
        id: String(base + code),
        jobsessionId: plan.id,
        logTime: at,
        type,
        messageId,
        message,
        messageParams: [],
      });
  };
  const stopAt = plan.stop?.at ?? Number.POSITIVE_INFINITY;
  add(
    1,
    plan.startMs,
    "INFO",
    "CTGGA2384",
    `Job ${plan.jobName} (id=${plan.jobId}) started, ${plan.resources.length} resources to protect`,
  );
  if (plan.queueMs > 0)
    add(2, plan.startMs, "INFO", "CTGGA2398", "Waiting for an available data mover");
  plan.resources.forEach((r, i) => {
    const code = 10 + i * 8;
    const state = resourceState(plan, r, now, cancelingMs);
    const start = plan.startMs + plan.queueMs + r.offsetMs;
    if (start >= stopAt) return;
    add(code, start, "INFO", "CTGGA2401", `Starting backup of ${r.name} using proxy ${plan.proxy}`);
    r.phases.forEach((name, p) => {
      const at = start + Math.round((p / r.phases.length) * r.durationMs);
      if (
        p > 0 &&
        at < stopAt &&
        (r.outcome !== "failed" || at < start + r.durationMs * r.failFraction)
      ) {
        add(
          code + 1 + p,
          at,
          "DETAIL",
          "CTGGA2405",
          `${r.name}: phase ${p + 1} of ${r.phases.length}: ${name}`,
        );
      }
    });
    if (state.endMs === null || state.endMs >= stopAt) return;
    const size = formatDataSize(state.bytesDone);
    if (state.status === "failed")
      add(
        code + 7,
        state.endMs,
        "ERROR",
        "CTGGA2412",
        state.message ?? `Backup of ${r.name} failed`,
      );
    else if (r.outcome === "partial")
      add(
        code + 7,
        state.endMs,
        "WARN",
        "CTGGA2410",
        `Backup of ${r.name} completed with warnings (${size}): ${state.message ?? ""}`,
      );
    else add(code + 7, state.endMs, "INFO", "CTGGA2409", `Backup of ${r.name} completed (${size})`);
  });
  const session = sessionState(plan, now, cancelingMs);
  if (plan.stop?.kind === "cancel") {
    const keep = plan.stop.catalogCompletedObjects;
    add(
      990,
      plan.stop.at,
      "WARN",
      "CTGGA2420",
      `Cancel requested by ${plan.stop.reason}; completed objects ${keep ? "will be cataloged" : "will be discarded"}`,
    );
    add(991, plan.stop.at + cancelingMs, "WARN", "CTGGA2421", "Job session canceled");
  }
  if (plan.stop?.kind === "fail") add(995, plan.stop.at, "ERROR", "CTGGA2430", plan.stop.reason);
  if (session.endMs !== null) {
    add(
      999,
      session.endMs,
      "SUMMARY",
      "CTGGA2440",
      `Job ${plan.jobName} finished with status ${session.status}`,
    );
  }
  return out.sort((a, b) => a.logTime - b.logTime || Number(a.id) - Number(b.id));
}
