import { formatDuration } from "@/lib/domain/durations";

export interface EtaInput {
  progress: number | null;
  startedAt: string | null;
  eta: { at: string; plusMinusMs: number } | null;
}

export interface EtaView {
  /** Milliseconds left, or null when nothing supports a guess. */
  remainingMs: number | null;
  text: string;
  basis: "history" | "progress" | null;
}

/** Below this the straight-line guess swings wildly. */
const MIN_PROGRESS_FOR_GUESS = 2;

/**
 * Time left for a running job: the history-based estimate (lib/domain/baselines) when past runs
 * exist, else a straight line through its own progress, else nothing. `now` is on the server's clock.
 */
export function etaView(job: EtaInput, now: number): EtaView {
  if (job.eta) {
    const remaining = Math.max(0, Date.parse(job.eta.at) - now);
    const spread = job.eta.plusMinusMs >= 60_000 ? ` ±${formatDuration(job.eta.plusMinusMs)}` : "";
    return {
      remainingMs: remaining,
      text: remaining === 0 ? "overdue" : `${formatDuration(remaining)} left${spread}`,
      basis: "history",
    };
  }
  const started = job.startedAt ? Date.parse(job.startedAt) : null;
  if (
    started !== null &&
    job.progress !== null &&
    job.progress >= MIN_PROGRESS_FOR_GUESS &&
    job.progress < 100
  ) {
    const elapsed = Math.max(0, now - started);
    const remaining = Math.round((elapsed * (100 - job.progress)) / job.progress);
    return {
      remainingMs: remaining,
      text: `~${formatDuration(remaining)} left`,
      basis: "progress",
    };
  }
  return { remainingMs: null, text: "no ETA yet", basis: null };
}
