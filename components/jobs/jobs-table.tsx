"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { StateBadge } from "@/components/ui/state-badge";
import { formatBytes, formatTime } from "@/components/ui/format";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import { useJobs } from "./use-jobs";

export function JobsTable() {
  const search = useSearchParams().toString();
  const { data, error, isPending } = useJobs(search);
  if (isPending) return <p className="text-sm text-slate-500">Loading jobs…</p>;
  if (error) return <p role="alert" className="text-sm text-red-700 dark:text-red-300">Could not load jobs: {error.message}</p>;
  if (data.items.length === 0) return <p className="text-sm text-slate-500">No jobs match.</p>;
  return (
    <table className="w-full border-collapse text-sm" data-testid="jobs-table">
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs uppercase text-slate-500 dark:border-slate-700">
          <th className="py-1.5 pr-3">State</th>
          <th className="pr-3">Vendor</th>
          <th className="pr-3">Source</th>
          <th className="pr-3">Type</th>
          <th className="pr-3">Name</th>
          <th className="pr-3">Started</th>
          <th className="pr-3">Progress</th>
          <th className="pr-3">Bytes</th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((job) => (
          <tr key={job.id} className="border-b border-slate-100 dark:border-slate-800" data-testid="job-row" data-job-id={job.id} data-vendor-id={job.vendorId}>
            <td className="py-1.5 pr-3">
              <StateBadge state={job.state} vendorState={job.vendorState} />
              {job.goneAt && <span className="ml-1 text-xs text-slate-500" data-testid="gone-badge">gone at vendor</span>}
            </td>
            <td className="pr-3">{VENDOR_LABEL[job.kind]}</td>
            <td className="pr-3">{job.sourceName}</td>
            <td className="pr-3">{job.type}</td>
            <td className="max-w-md truncate pr-3">
              <Link href={`/jobs/${job.id}`} className="text-sky-700 hover:underline dark:text-sky-300">
                {job.name}
              </Link>
            </td>
            <td className="pr-3 whitespace-nowrap">{formatTime(job.startedAt)}</td>
            <td className="pr-3">{job.progress === null ? "—" : `${Math.round(job.progress)}%`}</td>
            <td className="pr-3">{formatBytes(job.bytesDone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
