"use client";

import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import { formatTime } from "@/components/ui/format";
import { formatDuration } from "@/lib/domain/durations";
import { CATEGORY_LABEL } from "@/lib/domain/rto";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import type { HistoryRun } from "@/lib/contracts/history";
import { OutcomeBadge, TargetMark } from "./outcome-badge";

const COLUMNS: Array<Column<HistoryRun>> = [
  { header: "Outcome", cell: (r) => <OutcomeBadge outcome={r.outcome} /> },
  { header: "Started", className: "whitespace-nowrap", cell: (r) => formatTime(r.startedAt) },
  { header: "Vendor", cell: (r) => VENDOR_LABEL[r.kind] },
  { header: "Type", cell: (r) => CATEGORY_LABEL[r.category] },
  { header: "Group", cell: (r) => r.group ?? "—" },
  {
    header: "Run",
    className: "max-w-sm truncate",
    cell: (r) => (
      <Link href={`/history/${r.id}`} className="text-sky-700 hover:underline dark:text-sky-300">
        {r.name}
      </Link>
    ),
  },
  {
    header: "RTO",
    className: "whitespace-nowrap",
    cellProps: (r) => ({ "data-testid": "rto", "data-rto-ms": String(r.rtoMs ?? "") }),
    cell: (r) => formatDuration(r.rtoMs),
  },
  {
    header: "Target",
    className: "whitespace-nowrap",
    cell: (r) =>
      r.rtoTargetMs === null ? (
        <span className="text-slate-500">no target</span>
      ) : (
        <>
          {formatDuration(r.rtoTargetMs)} <TargetMark met={r.rtoMet} />
        </>
      ),
  },
  {
    header: "RPO",
    className: "whitespace-nowrap",
    cellProps: (r) => ({ "data-testid": "rpo", "data-rpo-ms": String(r.rpoMs ?? "") }),
    cell: (r) => (
      <>
        {formatDuration(r.rpoMs)}
        {r.rpoTargetMs !== null && (
          <span className="block text-xs" data-testid="rpo-target" data-target-ms={r.rpoTargetMs}>
            target {formatDuration(r.rpoTargetMs)} <TargetMark met={r.rpoMet} testId="rpo-target" />
          </span>
        )}
      </>
    ),
  },
  { header: "Duration", className: "whitespace-nowrap", cell: (r) => formatDuration(r.durationMs) },
];

export function HistoryTable({ runs }: { runs: HistoryRun[] }) {
  if (runs.length === 0)
    return (
      <p className="text-sm text-slate-500" data-testid="history-empty">
        No runs match these filters.
      </p>
    );
  return (
    <DataTable
      rows={runs}
      columns={COLUMNS}
      rowKey={(r) => r.id}
      rowProps={(r) => ({
        "data-testid": "history-row",
        "data-run-id": r.id,
        "data-vendor-id": r.vendorId,
      })}
      testId="history-table"
    />
  );
}
