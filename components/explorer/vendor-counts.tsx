"use client";

import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import { useJobCounts } from "./use-job-counts";

/** Running / queued / failed-in-24-h per vendor, each number also a link-free label so it reads aloud. */
export function VendorCounts() {
  const { data, error } = useJobCounts();
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        Counts unavailable: {error.message}
      </p>
    );
  if (!data) return <div className="h-14" aria-busy="true" />;
  return (
    <ul
      className="grid grid-cols-2 gap-2 md:grid-cols-5"
      aria-label="Jobs per vendor"
      data-testid="vendor-counts"
    >
      {data.vendors.map((v) => (
        <li
          key={v.kind}
          className="rounded border border-slate-200 px-3 py-1.5 text-sm dark:border-slate-700"
          data-testid="vendor-count"
          data-kind={v.kind}
        >
          <div className="truncate text-xs font-medium text-slate-600 dark:text-slate-400">
            {VENDOR_LABEL[v.kind]}
          </div>
          <div className="flex gap-3 tabular-nums">
            <span data-testid="count-running" title="running now">
              ▶ {v.running} running
            </span>
            <span data-testid="count-queued" title="queued now">
              ◷ {v.queued}
            </span>
            <span
              data-testid="count-failed"
              title="failed in the last 24 h"
              className={v.failed24h ? "font-semibold text-red-800 dark:text-red-300" : ""}
            >
              ✕ {v.failed24h}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
