"use client";

import Link from "next/link";
import type { JobSummary } from "@/lib/contracts/jobs";
import { elapsedMs, formatDuration } from "@/lib/domain/durations";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import type { JobSortKey } from "@/components/explorer/search-params";
import { DataTable, type ColumnSort } from "@/components/ui/data-table";
import { StateBadge } from "@/components/ui/state-badge";
import { formatBytes, formatTime } from "@/components/ui/format";

export interface JobsTableProps {
  jobs: JobSummary[];
  sort: JobSortKey;
  order: "asc" | "desc";
  onSort: (key: JobSortKey) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (select: boolean) => void;
  onSource: (sourceId: string) => void;
  now: number;
}

/** Rows keep their keys across live updates, so scroll position and focus survive a refresh. */
export function JobsTable(p: JobsTableProps) {
  const allOn = p.jobs.length > 0 && p.jobs.every((j) => p.selected.has(j.id));
  const by = (key: JobSortKey): ColumnSort => ({
    active: p.sort === key,
    order: p.order,
    onSort: () => p.onSort(key),
    testId: `sort-${key}`,
  });
  return (
    <DataTable
      rows={p.jobs}
      rowKey={(job) => job.id}
      testId="jobs-table"
      rowProps={(job) => ({
        "data-testid": "job-row",
        "data-job-id": job.id,
        "data-vendor-id": job.vendorId,
        "data-kind": job.kind,
        "data-state": job.state,
        "aria-selected": p.selected.has(job.id),
      })}
      columns={[
        {
          header: (
            <input
              type="checkbox"
              aria-label="Select all jobs on this page"
              checked={allOn}
              onChange={(e) => p.onToggleAll(e.target.checked)}
              data-testid="select-all"
            />
          ),
          className: "w-8",
          cell: (job) => (
            <input
              type="checkbox"
              aria-label={`Select ${job.name}`}
              checked={p.selected.has(job.id)}
              onChange={() => p.onToggle(job.id)}
              data-testid="select-job"
            />
          ),
        },
        {
          header: "State",
          sort: by("state"),
          cell: (job) => (
            <>
              <StateBadge state={job.state} vendorState={job.vendorState} />
              {job.goneAt && (
                <span className="ml-1 text-xs text-slate-500" data-testid="gone-badge">
                  gone at vendor
                </span>
              )}
            </>
          ),
        },
        { header: "Vendor", cell: (job) => VENDOR_LABEL[job.kind] },
        {
          header: "Source",
          className: "max-w-48 break-words",
          cell: (job) => (
            <button
              type="button"
              onClick={() => p.onSource(job.sourceId)}
              className="text-left hover:underline"
              title="Show only this source"
            >
              {job.sourceName}
            </button>
          ),
        },
        {
          header: "Type",
          sort: by("type"),
          className: "max-w-48",
          cell: (job) => (
            <span className="block truncate" title={job.type}>
              {job.type}
            </span>
          ),
        },
        {
          header: "Name / dataset / policy",
          sort: by("name"),
          className: "max-w-md",
          cell: (job) => (
            <>
              <Link
                href={`/jobs/${job.id}`}
                className="block truncate text-sky-700 hover:underline dark:text-sky-300"
                data-testid="job-link"
              >
                {job.name}
              </Link>
              {(job.dataset || job.policy) && (
                <span className="block truncate text-xs text-slate-500">
                  {[job.dataset, job.policy].filter(Boolean).join(" · ")}
                </span>
              )}
            </>
          ),
        },
        {
          header: "Started",
          sort: by("started"),
          className: "whitespace-nowrap",
          cell: (job) => formatTime(job.startedAt),
        },
        {
          header: "Duration",
          className: "whitespace-nowrap",
          cell: (job) =>
            formatDuration(elapsedMs(date(job.startedAt), date(job.endedAt), new Date(p.now))),
        },
        {
          header: "Progress",
          sort: by("progress"),
          cell: (job) => (job.progress === null ? "—" : `${Math.round(job.progress)}%`),
        },
        {
          header: "Bytes",
          sort: by("bytes"),
          className: "whitespace-nowrap",
          cell: (job) => formatBytes(job.bytesDone),
        },
      ]}
    />
  );
}

const date = (iso: string | null) => (iso ? new Date(iso) : null);
