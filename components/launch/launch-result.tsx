import Link from "next/link";
import type { LaunchOutcomeView } from "@/lib/contracts/actions";
import type { SourceKind } from "@/lib/domain/source-kind";

const STATUS: Record<
  LaunchOutcomeView["action"]["status"],
  { icon: string; text: string; className: string }
> = {
  succeeded: {
    icon: "✓",
    text: "Started",
    className:
      "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-50",
  },
  pending: {
    icon: "◷",
    text: "Still being sent",
    className:
      "border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-50",
  },
  refused: {
    icon: "⊘",
    text: "Refused by the vendor",
    className:
      "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50",
  },
  failed: {
    icon: "✕",
    text: "Failed",
    className:
      "border-red-300 bg-red-50 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-50",
  },
  unknown: {
    icon: "?",
    text: "Outcome unknown: Jobdeck is asking the vendor",
    className:
      "border-zinc-300 bg-zinc-50 text-zinc-950 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-50",
  },
};

/** What the vendor said, and where to follow the job it started. */
export function LaunchResult({ outcome, kind }: { outcome: LaunchOutcomeView; kind: SourceKind }) {
  const s = STATUS[outcome.action.status];
  return (
    <div
      role="status"
      className={`space-y-1 rounded border p-2 text-sm ${s.className}`}
      data-testid="launch-result"
      data-status={outcome.action.status}
      data-vendor-id={outcome.vendorId ?? ""}
    >
      <p className="font-medium">
        <span aria-hidden>{s.icon} </span>
        {s.text}
      </p>
      {outcome.action.vendorReply ? <p>{outcome.action.vendorReply}</p> : null}
      {outcome.jobId ? (
        <Link href={`/jobs/${outcome.jobId}`} className="underline" data-testid="launch-job-link">
          Open the job
        </Link>
      ) : outcome.vendorId ? (
        <Link
          href={`/jobs?kind=${kind}&q=${encodeURIComponent(outcome.vendorId)}`}
          className="underline"
          data-testid="launch-jobs-link"
        >
          Job {outcome.vendorId} appears in the jobs list after the next poll
        </Link>
      ) : null}
    </div>
  );
}
