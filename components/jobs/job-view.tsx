"use client";

import { useEffect, useState } from "react";
import { ActionBar } from "@/components/actions/action-bar";
import { StateBadge } from "@/components/ui/state-badge";
import { formatAge, formatBytes, formatTime } from "@/components/ui/format";
import { elapsedMs, formatDuration } from "@/lib/domain/durations";
import type { Role } from "@/lib/domain/roles";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import { useJob } from "./use-job";

export function JobView({ id, role }: { id: string; role: Role }) {
  const { data, error, isPending } = useJob(id);
  const now = useNow(1000);
  if (isPending) return <p className="text-sm text-slate-500">Loading job…</p>;
  if (error) return <p role="alert" className="text-sm text-red-700 dark:text-red-300">Could not load this job: {error.message}</p>;
  const { job } = data;
  const started = job.startedAt ? new Date(job.startedAt) : null;
  const ended = job.endedAt ? new Date(job.endedAt) : null;
  const asOf = new Date(data.refreshedAt).getTime();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold" data-testid="job-name">{job.name}</h1>
        <StateBadge state={job.state} vendorState={job.vendorState} />
        <span className="text-sm text-slate-500" data-testid="vendor-state">vendor: {job.vendorState}</span>
        {job.goneAt && <span className="text-sm text-slate-500">gone at vendor since {formatTime(job.goneAt)}</span>}
        <span className="ml-auto text-xs text-slate-500" data-testid="freshness">as of {formatAge(asOf, now)}</span>
      </div>
      {data.refreshError && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Showing the last stored copy: {data.refreshError}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
        <Field label="Source">{job.sourceName} ({VENDOR_LABEL[job.kind]})</Field>
        <Field label="Type">{job.type}</Field>
        <Field label="Vendor id">{job.vendorId}</Field>
        <Field label="Submitted by">{job.submittedBy ?? "—"}</Field>
        <Field label="Started">{formatTime(job.startedAt)}</Field>
        <Field label="Ended">{formatTime(job.endedAt)}</Field>
        <Field label="Duration">{formatDuration(elapsedMs(started, ended, new Date(now)))}</Field>
        <Field label="Progress">
          <span data-testid="job-progress">{job.progress === null ? "—" : `${Math.round(job.progress)}%`}</span>
        </Field>
        <Field label="Data moved">{formatBytes(job.bytesDone)}</Field>
        <Field label="Dataset / policy">{[job.dataset, job.policy, job.drGroup].filter(Boolean).join(" / ") || "—"}</Field>
        <Field label="Cluster">{job.cluster ?? "—"}</Field>
      </dl>
      {job.message && (
        <p className="rounded bg-slate-100 p-2 font-mono text-sm whitespace-pre-wrap dark:bg-slate-900" data-testid="job-message">
          {job.message}
        </p>
      )}
      <ActionBar job={job} allowed={data.allowedActions} role={role} audit={data.actions} />
    </div>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase text-slate-500">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
