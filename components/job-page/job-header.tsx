"use client";

import type { ReactNode } from "react";
import type { JobBaselineView, JobDetailView } from "@/lib/contracts/jobs";
import { StateBadge } from "@/components/ui/state-badge";
import { formatAge, formatBytes, formatTime } from "@/components/ui/format";
import { elapsedMs, formatDuration } from "@/lib/domain/durations";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import { EtaLabel } from "./eta-label";
import { freshnessOf } from "./freshness";
import { useNow } from "@/components/ui/use-now";

/** Everything about the job at a glance: states, where it runs, timings, progress, freshness. */
export function JobHeader({
  detail,
  baseline,
}: {
  detail: JobDetailView;
  baseline: JobBaselineView | undefined;
}) {
  const now = useNow(1000);
  const { job } = detail;
  const started = job.startedAt ? new Date(job.startedAt) : null;
  const ended = job.endedAt ? new Date(job.endedAt) : null;
  const fresh = freshnessOf(detail, now);
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold" data-testid="job-name">
          {job.name}
        </h1>
        <StateBadge state={job.state} vendorState={job.vendorState} />
        <span className="text-sm text-slate-500" data-testid="vendor-state">
          vendor: {job.vendorState}
        </span>
        {job.goneAt && (
          <span className="text-sm text-slate-500">
            gone at vendor since {formatTime(job.goneAt)}
          </span>
        )}
        <span className="text-sm font-medium text-sky-800 dark:text-sky-200">
          <EtaLabel job={job} phases={detail.phases} baseline={baseline} now={now} />
        </span>
        <span
          className="ml-auto text-xs text-slate-500"
          data-testid="freshness"
          data-stale={fresh.stale}
        >
          as of {formatAge(fresh.asOf, now)}
        </span>
      </div>
      {fresh.stale && (
        <p
          role="alert"
          data-testid="stale-warning"
          className="rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
        >
          <span aria-hidden>⚠ </span>Stale: {fresh.reason}. Showing the last stored copy.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
        <Field label="Source">
          {job.sourceName} ({VENDOR_LABEL[job.kind]})
        </Field>
        <Field label="Type">{job.type}</Field>
        <Field label="Vendor id">{job.vendorId}</Field>
        <Field label="Submitted by">{job.submittedBy ?? "—"}</Field>
        <Field label="Started">{formatTime(job.startedAt)}</Field>
        <Field label="Ended">{formatTime(job.endedAt)}</Field>
        <Field label="Duration">{formatDuration(elapsedMs(started, ended, new Date(now)))}</Field>
        <Field label="Progress">
          <span data-testid="job-progress">
            {job.progress === null ? "—" : `${Math.round(job.progress)}%`}
          </span>
        </Field>
        <Field label="Data moved">
          {formatBytes(job.bytesDone)}
          {job.bytesTotal ? ` of ${formatBytes(job.bytesTotal)}` : ""}
        </Field>
        <Field label="Dataset / policy / group">
          {[job.dataset, job.policy, job.drGroup].filter(Boolean).join(" / ") || "—"}
        </Field>
        <Field label="Cluster / zone">{job.cluster ?? "—"}</Field>
      </dl>
      {job.message && (
        <p
          className="rounded bg-slate-100 p-2 font-mono text-sm whitespace-pre-wrap dark:bg-slate-900"
          data-testid="job-message"
        >
          {job.message}
        </p>
      )}
    </header>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 uppercase">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}
