"use client";

import type { AuditLineView, JobSummary } from "@/lib/contracts/jobs";
import { formatDuration } from "@/lib/domain/durations";
import { useNow } from "@/components/ui/use-now";
import { isSettled } from "./expected-state";

const NOT_CONFIRMING_MS = 5 * 60_000;

/** Honest progress of a request: sent → vendor working (with a timer) → the vendor's final word. */
export function PendingAction({ line, job }: { line: AuditLineView; job: JobSummary }) {
  const now = useNow(1000);
  if (line.status === "succeeded" && isSettled(line.action, job.state)) return null;
  const since = new Date(line.requestedAt).getTime();
  const waited = now - since;
  const label =
    line.status === "pending"
      ? `Sending ${line.action} to the vendor…`
      : waited > NOT_CONFIRMING_MS
        ? `No change ${formatDuration(waited)} after ${line.action} — the vendor is not confirming`
        : `${line.action} requested — vendor says ${job.vendorState}, waiting for it to finish (${formatDuration(waited)})`;
  return (
    <p
      role="status"
      className="rounded border border-sky-300 bg-sky-50 p-2 text-sm text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100"
      data-testid="pending-action"
    >
      {label}
    </p>
  );
}
