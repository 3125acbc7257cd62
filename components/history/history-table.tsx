"use client";

import Link from "next/link";
import { formatTime } from "@/components/ui/format";
import { formatDuration } from "@/lib/domain/durations";
import { CATEGORY_LABEL } from "@/lib/domain/rto";
import { VENDOR_LABEL } from "@/lib/domain/source-kind";
import type { HistoryRun } from "@/lib/contracts/history";
import { OutcomeBadge, TargetMark } from "./outcome-badge";

export function HistoryTable({ runs }: { runs: HistoryRun[] }) {
  if (runs.length === 0) return <p className="text-sm text-slate-500" data-testid="history-empty">No runs match these filters.</p>;
  return (
    <table className="w-full border-collapse text-sm" data-testid="history-table">
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs uppercase text-slate-500 dark:border-slate-700">
          <th className="py-1.5 pr-3">Outcome</th>
          <th className="pr-3">Started</th>
          <th className="pr-3">Vendor</th>
          <th className="pr-3">Type</th>
          <th className="pr-3">Group</th>
          <th className="pr-3">Run</th>
          <th className="pr-3">RTO</th>
          <th className="pr-3">Target</th>
          <th className="pr-3">RPO</th>
          <th className="pr-3">Duration</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} className="border-b border-slate-100 dark:border-slate-800" data-testid="history-row" data-run-id={r.id} data-vendor-id={r.vendorId}>
            <td className="py-1.5 pr-3"><OutcomeBadge outcome={r.outcome} /></td>
            <td className="pr-3 whitespace-nowrap">{formatTime(r.startedAt)}</td>
            <td className="pr-3">{VENDOR_LABEL[r.kind]}</td>
            <td className="pr-3">{CATEGORY_LABEL[r.category]}</td>
            <td className="pr-3">{r.group ?? "—"}</td>
            <td className="max-w-sm truncate pr-3">
              <Link href={`/history/${r.id}`} className="text-sky-700 hover:underline dark:text-sky-300">{r.name}</Link>
            </td>
            <td className="pr-3 whitespace-nowrap" data-testid="rto" data-rto-ms={r.rtoMs ?? ""}>{formatDuration(r.rtoMs)}</td>
            <td className="pr-3 whitespace-nowrap">
              {r.rtoTargetMs === null ? (
                <span className="text-slate-500">no target</span>
              ) : (
                <>
                  {formatDuration(r.rtoTargetMs)} <TargetMark met={r.rtoMet} />
                </>
              )}
            </td>
            <td className="pr-3 whitespace-nowrap">{formatDuration(r.rpoMs)}</td>
            <td className="pr-3 whitespace-nowrap">{formatDuration(r.durationMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
