import type { JobBaselineView, JobSummary, PhaseView } from "@/lib/contracts/jobs";
import { estimateFinish, MIN_RUNS_FOR_ETA } from "@/lib/domain/baselines";

const date = (iso: string | null) => (iso ? new Date(iso) : null);
const ACTIVE = new Set(["running", "paused", "aborting"]);

/**
 * "est. done 14:32 (±6 min)" from past runs of this job kind; "no estimate" for a running job
 * whose history is too thin to say (a guess from one or two runs misleads more than it helps);
 * nothing for a finished job or while the history loads.
 */
export function EtaLabel({
  job,
  phases,
  baseline,
  now,
}: {
  job: JobSummary;
  phases: PhaseView[];
  baseline: JobBaselineView | undefined;
  now: number;
}) {
  if (!baseline || !ACTIVE.has(job.state)) return null;
  const eta = estimateFinish(
    { state: job.state, startedAt: date(job.startedAt) },
    phases.map((p) => ({ ...p, startedAt: date(p.startedAt), endedAt: date(p.endedAt) })),
    baseline,
    now,
  );
  if (!eta) {
    return (
      <span
        data-testid="eta"
        data-estimate="none"
        title={`${baseline.runs} past successful runs of this job; an estimate needs at least ${MIN_RUNS_FOR_ETA}.`}
      >
        no estimate
      </span>
    );
  }
  const at = new Date(eta.at).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  const minutes = Math.max(1, Math.round(eta.plusMinusMs / 60_000));
  return (
    <span
      data-testid="eta"
      data-estimate="history"
      title={`From ${baseline.runs} past successful runs of this job`}
    >
      est. done {at} (±{minutes} min)
    </span>
  );
}
