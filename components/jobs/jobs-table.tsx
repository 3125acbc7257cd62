"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { JobSummary } from "@/lib/contracts/jobs";
import { elapsedMs, formatDuration } from "@/lib/domain/durations";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import type { JobSortKey } from "@/components/explorer/search-params";
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
  const sortable = (key: JobSortKey, label: string) => (
    <SortHeader
      label={label}
      active={p.sort === key}
      order={p.order}
      onClick={() => p.onSort(key)}
      testId={`sort-${key}`}
    />
  );
  return (
    <table className="w-full border-collapse text-sm" data-testid="jobs-table">
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs text-slate-600 uppercase dark:border-slate-700 dark:text-slate-400">
          <th className="w-8 py-1.5">
            <input
              type="checkbox"
              aria-label="Select all jobs on this page"
              checked={allOn}
              onChange={(e) => p.onToggleAll(e.target.checked)}
              data-testid="select-all"
            />
          </th>
          {sortable("state", "State")}
          <Th>Vendor</Th>
          <Th>Source</Th>
          {sortable("type", "Type")}
          {sortable("name", "Name / dataset / policy")}
          {sortable("started", "Started")}
          <Th>Duration</Th>
          {sortable("progress", "Progress")}
          {sortable("bytes", "Bytes")}
        </tr>
      </thead>
      <tbody>
        {p.jobs.map((job) => (
          <tr
            key={job.id}
            className="border-b border-slate-100 aria-selected:bg-sky-50 dark:border-slate-800 dark:aria-selected:bg-sky-950"
            data-testid="job-row"
            data-job-id={job.id}
            data-vendor-id={job.vendorId}
            data-kind={job.kind}
            data-state={job.state}
            aria-selected={p.selected.has(job.id)}
          >
            <td className="py-1.5">
              <input
                type="checkbox"
                aria-label={`Select ${job.name}`}
                checked={p.selected.has(job.id)}
                onChange={() => p.onToggle(job.id)}
                data-testid="select-job"
              />
            </td>
            <td className="pr-3">
              <StateBadge state={job.state} vendorState={job.vendorState} />
              {job.goneAt && (
                <span className="ml-1 text-xs text-slate-500" data-testid="gone-badge">
                  gone at vendor
                </span>
              )}
            </td>
            <td className="pr-3">{VENDOR_LABEL[job.kind]}</td>
            <td className="max-w-48 pr-3 break-words">
              <button
                type="button"
                onClick={() => p.onSource(job.sourceId)}
                className="text-left hover:underline"
                title="Show only this source"
              >
                {job.sourceName}
              </button>
            </td>
            <td className="max-w-48 pr-3">
              <span className="block truncate" title={job.type}>
                {job.type}
              </span>
            </td>
            <td className="max-w-md pr-3">
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
            </td>
            <td className="pr-3 whitespace-nowrap">{formatTime(job.startedAt)}</td>
            <td className="pr-3 whitespace-nowrap">
              {formatDuration(elapsedMs(date(job.startedAt), date(job.endedAt), new Date(p.now)))}
            </td>
            <td className="pr-3">{job.progress === null ? "—" : `${Math.round(job.progress)}%`}</td>
            <td className="pr-3 whitespace-nowrap">{formatBytes(job.bytesDone)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const date = (iso: string | null) => (iso ? new Date(iso) : null);

function Th({ children }: { children: ReactNode }) {
  return <th className="pr-3">{children}</th>;
}

function SortHeader({
  label,
  active,
  order,
  onClick,
  testId,
}: {
  label: string;
  active: boolean;
  order: "asc" | "desc";
  onClick: () => void;
  testId: string;
}) {
  return (
    <th
      className="pr-3"
      aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"}
    >
      <button
        type="button"
        onClick={onClick}
        className="uppercase hover:text-slate-900 dark:hover:text-white"
        data-testid={testId}
      >
        {label}
        <span aria-hidden className="ml-0.5">
          {active ? (order === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}
