import type { JobBaselineView, JobSummary, PhaseView } from "@/lib/contracts/jobs";
import { estimateFinish } from "@/lib/domain/baselines";

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/** "est. done 14:32 (±6 min)" from past runs' medians; nothing at all when there is no history. */
export function EtaLabel({ job, phases, baseline, now }: { job: JobSummary; phases: PhaseView[]; baseline: JobBaselineView | undefined; now: number }) {
  if (!baseline) return null;
  const eta = estimateFinish(
    { state: job.state, startedAt: date(job.startedAt) },
    phases.map((p) => ({ ...p, startedAt: date(p.startedAt), endedAt: date(p.endedAt) })),
    baseline,
    now,
  );
  if (!eta) return null;
  const at = new Date(eta.at).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  const minutes = Math.max(1, Math.round(eta.plusMinusMs / 60_000));
  return (
    <span data-testid="eta" title={`From the medians of ${baseline.runs} past successful runs of this job`}>
      est. done {at} (±{minutes} min)
    </span>
  );
}
