import { formatDuration } from "@/lib/domain/durations";
import type { HistorySummary } from "@/lib/contracts/history";

const pct = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(1)}%`);

function Card({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail: string;
  testId: string;
}) {
  return (
    <div className="rounded border border-slate-200 p-3 dark:border-slate-700" data-testid={testId}>
      <div className="text-xs text-slate-500 uppercase">{label}</div>
      <div className="text-2xl font-semibold" data-testid={`${testId}-value`}>
        {value}
      </div>
      <div className="text-xs text-slate-600 dark:text-slate-400">{detail}</div>
    </div>
  );
}

export function SummaryCards({ summary }: { summary: HistorySummary }) {
  const { rto } = summary;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
      <Card
        label="Runs"
        value={String(summary.runs)}
        detail={`${summary.finished} finished`}
        testId="card-runs"
      />
      <Card
        label="Success rate"
        value={pct(summary.successRate)}
        detail={`${summary.succeeded} of ${summary.finished} finished runs succeeded`}
        testId="card-success"
      />
      <Card
        label="RTO median"
        value={formatDuration(rto.medianMs)}
        detail={`over ${rto.measured} measured runs`}
        testId="card-rto-median"
      />
      <Card
        label="RTO p90"
        value={formatDuration(rto.p90Ms)}
        detail="90% of failovers were this fast or faster"
        testId="card-rto-p90"
      />
      <Card
        label="Met RTO target"
        value={rto.withTarget ? `${rto.metTarget} / ${rto.withTarget}` : "—"}
        detail="runs with a target for their group"
        testId="card-target"
      />
    </div>
  );
}

export function NeverTested({ summary }: { summary: HistorySummary }) {
  if (summary.neverTestedThisQuarter.length === 0) {
    return (
      <p className="text-sm" data-testid="never-tested">
        ✓ Every known DR group has had a DR test in {summary.quarter}.
      </p>
    );
  }
  return (
    <p
      className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
      data-testid="never-tested"
    >
      <span aria-hidden>⚠ </span>
      Not tested in {summary.quarter}:{" "}
      <span data-testid="never-tested-groups">{summary.neverTestedThisQuarter.join(", ")}</span>
    </p>
  );
}
